import { GetObjectCommand } from '@aws-sdk/client-s3';
import { s3Client } from './client.js';

const get = async (Key) => s3Client().send(new GetObjectCommand({ Bucket: 'documents', Key }));

export default { get };
