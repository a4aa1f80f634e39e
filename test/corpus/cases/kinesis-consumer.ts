/* eslint-disable */
// @ts-nocheck
// Cross-account Kinesis consumer (the KCL incident): a provider per GetRecords call.
import { KinesisClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-kinesis';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const STREAM_ROLE = 'arn:aws:iam::222222222222:role/stream-reader';

async function getRecords(shardIterator: string) {
  const kinesis = new KinesisClient({
    region: 'us-east-1',
    credentials: fromTemporaryCredentials({ params: { RoleArn: STREAM_ROLE, RoleSessionName: 'kcl' } }), // expect: no-per-request-credential-provider
  });
  return kinesis.send(new GetRecordsCommand({ ShardIterator: shardIterator }));
}

const streamCredentials = fromTemporaryCredentials({ params: { RoleArn: STREAM_ROLE } }); // ok: module scope

export async function consume(streamName: string, shardId: string) {
  const control = new KinesisClient({ credentials: streamCredentials }); // ok: exported with no caller here: judged where it is called
  let { ShardIterator } = await control.send(new GetShardIteratorCommand({ StreamName: streamName, ShardId: shardId, ShardIteratorType: 'LATEST' }));
  while (ShardIterator) {
    const page = await getRecords(ShardIterator);
    ShardIterator = page.NextShardIterator;
  }
}
