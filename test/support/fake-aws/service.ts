// Generic answers for the service calls example apps make: S3 PutObject, Kinesis GetRecords, and
// 200 `{}` for anything else. Each is counted with the access key that signed it.
import { createHash } from 'node:crypto';
import { checkSigningKey } from './auth.js';
import type { FakeRequest, FakeState, Reply } from './state.js';

function operationOf(request: FakeRequest): string {
  const target = request.headers['x-amz-target'];
  if (typeof target === 'string') return target.split('.').pop() ?? target;
  if (request.signing?.service === 's3' && request.method === 'PUT' && request.url.pathname.split('/').filter(Boolean).length >= 2) {
    return request.url.searchParams.has('partNumber') ? 'UploadPart' : 'PutObject';
  }
  return `${request.method} ${request.url.pathname}`;
}

function answer(request: FakeRequest, operation: string): Reply {
  const target = request.headers['x-amz-target'];
  if (typeof target === 'string') {
    const body = target === 'Kinesis_20131202.GetRecords' ? { Records: [], NextShardIterator: 'it-1', MillisBehindLatest: 0 } : {};
    return { status: 200, endpoint: 'service', headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) };
  }
  if (operation === 'PutObject' || operation === 'UploadPart') {
    const etag = `"${createHash('md5').update(request.body).digest('hex')}"`;
    return { status: 200, endpoint: 'service', headers: { etag, 'content-length': '0' }, body: '' };
  }
  if (request.signing?.service === 's3') return { status: 200, endpoint: 'service', headers: { 'content-length': '0' }, body: '' };
  return { status: 200, endpoint: 'service', headers: { 'content-type': 'application/json' }, body: '{}' };
}

export function handleService(state: FakeState, request: FakeRequest): Reply {
  state.calls.other++;
  state.calls.service++;
  const operation = operationOf(request);
  const reply = checkSigningKey(state, request, 'service') ?? answer(request, operation);
  state.serviceRequests.push({
    at: state.now(),
    service: request.signing?.service ?? 'unsigned',
    operation,
    accessKeyId: request.signing?.accessKeyId,
    status: reply.status,
  });
  return reply;
}
