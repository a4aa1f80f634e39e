import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { assumeRole } from '@/lib/aws/assume-role';

export default async function getDynamoDbClient() {
  const { Credentials } = await assumeRole();
  return new DynamoDBClient({ credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey! } });
}
