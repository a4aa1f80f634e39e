import { fromIni } from '@aws-sdk/credential-providers';
import { config } from "dotenv";

config();

import { S3Client } from "@aws-sdk/client-s3";
import { cacheCredentials } from "eslint-plugin-aws-credentials/runtime";

const iniCredentials = cacheCredentials(fromIni({ profile: 'dev' }));

// The runtime import goes after the last import (not the first block), quoted like most of them.
export const handler = async () => new S3Client({ credentials: iniCredentials });
