import { fromIni } from '@aws-sdk/credential-providers';
import { config } from "dotenv";

config();

import { S3Client } from "@aws-sdk/client-s3";

// The runtime import goes after the last import (not the first block), quoted like most of them.
export const handler = async () => new S3Client({ credentials: fromIni({ profile: 'dev' }) });
