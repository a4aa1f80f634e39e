// A Kinesis consumer in account A reading a stream in account B (the Rusoto KCL incident):
// the AssumeRole provider is built again for every GetRecords call.
import { GetRecordsCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const STREAM_ACCOUNT_ROLE = 'arn:aws:iam::222222222222:role/stream-reader';

export async function getRecords(shardIterator) {
  const kinesis = new KinesisClient({
    region: 'us-east-1',
    credentials: fromTemporaryCredentials({
      params: { RoleArn: STREAM_ACCOUNT_ROLE, RoleSessionName: 'kinesis-consumer' },
    }),
  });
  const page = await kinesis.send(new GetRecordsCommand({ ShardIterator: shardIterator }));
  return { records: page.Records ?? [], next: page.NextShardIterator };
}

/** The consumer loop: one GetRecords page per poll, for as long as the shard is open. */
export async function consume(shardIterator, onRecord) {
  for (let iterator = shardIterator; iterator; ) {
    const { records, next } = await getRecords(iterator);
    for (const record of records) await onRecord(record);
    iterator = next;
  }
}
