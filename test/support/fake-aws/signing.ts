// Who signed a request: the access key id and the credential scope of a SigV4 Authorization
// header (or of a presigned URL's X-Amz-Credential). Signatures are not verified.
export interface SigningInfo {
  readonly accessKeyId: string;
  readonly region: string | undefined;
  readonly service: string | undefined;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/;

export function signingInfo(authorization: string | undefined, url: URL): SigningInfo | undefined {
  const scope = authorization?.match(CREDENTIAL);
  if (scope) return { accessKeyId: scope[1]!, region: scope[3], service: scope[4] };
  const presigned = url.searchParams.get('X-Amz-Credential');
  if (presigned) {
    const [accessKeyId, , region, service] = presigned.split('/');
    if (accessKeyId) return { accessKeyId, region, service };
  }
  return undefined;
}
