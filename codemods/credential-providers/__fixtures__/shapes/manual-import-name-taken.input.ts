import { fromIni } from '@aws-sdk/credential-providers';
import { S3Client } from '@aws-sdk/client-s3';

// A local `cacheCredentials`: importing the runtime's under that name would redeclare it.
const cacheCredentials = new Map<string, unknown>();

export const handler = async () => new S3Client({ credentials: fromIni({ profile: 'dev' }) });

export const cached = () => cacheCredentials.size;
