// Checks the signing key of a request: an expired issued key gets ExpiredToken, an unknown
// temporary key gets InvalidClientTokenId, in the error shape of the request's protocol.
import type { FakeRequest, FakeState, Reply } from './state.js';
import { restXmlError, stsError } from './xml.js';

export type Protocol = 'query' | 'json' | 'rest-xml';

export function protocolOf(request: FakeRequest): Protocol {
  if (request.headers['x-amz-target']) return 'json';
  if (request.signing?.service === 's3') return 'rest-xml';
  return 'query';
}

export function errorReply(protocol: Protocol, status: number, code: string, message: string, endpoint: Reply['endpoint']): Reply {
  if (protocol === 'json') {
    return {
      status,
      endpoint,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code },
      body: JSON.stringify({ __type: code, message }),
    };
  }
  const body = protocol === 'rest-xml' ? restXmlError(code, message) : stsError(code, message, status >= 500 ? 'Receiver' : 'Sender');
  return { status, endpoint, headers: { 'content-type': 'text/xml' }, body };
}

/** undefined when the request may proceed. */
export function checkSigningKey(state: FakeState, request: FakeRequest, endpoint: Reply['endpoint']): Reply | undefined {
  const accessKeyId = request.signing?.accessKeyId;
  if (accessKeyId === undefined) return undefined;
  state.signedBy.set(accessKeyId, (state.signedBy.get(accessKeyId) ?? 0) + 1);
  const issued = state.issued.get(accessKeyId);
  const protocol = protocolOf(request);
  if (issued === undefined) {
    if (!accessKeyId.startsWith('ASIA')) return undefined; // long-term base credentials
    state.calls.invalidKey++;
    const code = protocol === 'json' ? 'UnrecognizedClientException' : protocol === 'rest-xml' ? 'InvalidAccessKeyId' : 'InvalidClientTokenId';
    return errorReply(protocol, 403, code, 'The security token included in the request is invalid.', endpoint);
  }
  if ((state.options.rejectExpired ?? true) && state.now() >= issued.expiresAt) {
    state.calls.expired++;
    const code = protocol === 'json' ? 'ExpiredTokenException' : 'ExpiredToken';
    return errorReply(protocol, 400, code, 'The security token included in the request is expired', endpoint);
  }
  return undefined;
}
