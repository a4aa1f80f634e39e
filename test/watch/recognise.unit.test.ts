// Which requests the watch counts, and what it reads from them: request line, headers, body fields.
import { describe, expect, it, vi } from 'vitest';
import { queryFields, jsonFields } from '../../src/watch/body-fields.js';
import { CONTAINER_URI_REFRESH_MS, classify, rereadContainerUri, type RequestLine } from '../../src/watch/classify.js';
import { complete } from '../../src/watch/complete.js';

const line = (method: string, origin: string, path: string, headers: Record<string, string> = {}): RequestLine => ({
  method,
  origin,
  path,
  header: (name) => headers[name],
});
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const recognise = (request: RequestLine, body?: string) => {
  const classified = classify(request);
  return classified && complete(classified, body);
};

type SetUri = (value: string | undefined, options?: { refresh?: boolean }) => void;

/**
 * Runs `body` with fake timers and AWS_CONTAINER_CREDENTIALS_FULL_URI set to `value`; `set` changes
 * it and lets the watch's once-a-second re-read happen (the fake clock moves on), unless told not to.
 */
function withFullUri(value: string | undefined, body: (set: SetUri) => void): void {
  const saved = process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  const set: SetUri = (next, { refresh = true } = {}) => {
    if (next === undefined) delete process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
    else process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = next;
    if (refresh) vi.advanceTimersByTime(CONTAINER_URI_REFRESH_MS);
  };
  vi.useFakeTimers();
  try {
    set(value);
    body(set);
  } finally {
    vi.useRealTimers();
    if (saved === undefined) delete process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
    else process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = saved;
    rereadContainerUri();
  }
}

describe('recognising credential fetches by the request itself', () => {
  it('STS Query: the action, role and duration from the form body, on any host', () => {
    const body = 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2Fpath%2Freader&RoleSessionName=s&DurationSeconds=900';
    for (const origin of ['https://sts.us-east-1.amazonaws.com', 'https://vpce-0abc.sts.us-east-1.vpce.amazonaws.com', 'http://127.0.0.1:4566']) {
      expect(recognise(line('POST', origin, '/', FORM), body)).toEqual({ kind: 'sts', action: 'AssumeRole', identity: 'arn:aws:iam::222222222222:role/path/reader', durationSeconds: 900, origin });
    }
  });

  it('STS Query: GetCallerIdentity and other Query services are not credential fetches', () => {
    expect(recognise(line('POST', 'https://sts.amazonaws.com', '/', FORM), 'Action=GetCallerIdentity&Version=2011-06-15')).toBeUndefined();
    expect(recognise(line('POST', 'https://sqs.us-east-1.amazonaws.com', '/', FORM), 'Action=SendMessage&MessageBody=hi')).toBeUndefined();
    expect(recognise(line('POST', 'https://sts.amazonaws.com', '/', FORM), undefined)).toBeUndefined();
  });

  it('STS Query: web identity, SAML, session and federation tokens, named without their secrets', () => {
    const origin = 'https://sts.amazonaws.com';
    expect(recognise(line('POST', origin, '/', FORM), 'Action=AssumeRoleWithWebIdentity&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fweb&RoleSessionName=w&WebIdentityToken=eyJ.SECRET.sig')?.identity).toBe('arn:aws:iam::1:role/web');
    expect(recognise(line('POST', origin, '/', FORM), 'Action=GetSessionToken&DurationSeconds=3600')).toMatchObject({ action: 'GetSessionToken', identity: `GetSessionToken ${origin}`, durationSeconds: 3600 });
    expect(recognise(line('POST', origin, '/', FORM), 'Action=GetFederationToken&Name=bob')?.identity).toBe('federated-user/bob');
  });

  it('STS Query in the query string: a GET, or a POST with the parameters in its URL, read before the body', () => {
    const origin = 'https://sts.amazonaws.com';
    const query = '/?Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fq&RoleSessionName=s&DurationSeconds=900&X-Amz-Security-Token=SECRET-TOKEN&X-Amz-Signature=SECRET-SIG';
    const expected = { kind: 'sts', action: 'AssumeRole', identity: 'arn:aws:iam::1:role/q', durationSeconds: 900, origin };
    expect(recognise(line('GET', origin, query))).toEqual(expected);
    expect(recognise(line('POST', origin, query))).toEqual(expected);
    expect(recognise(line('POST', origin, '/?Action=AssumeRole', FORM), 'RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fq&DurationSeconds=900')).toEqual(expected);
    expect(JSON.stringify(recognise(line('GET', origin, query)))).not.toContain('SECRET');
  });

  it('a query string naming another Action, or no Action parameter at all, is no credential fetch', () => {
    expect(classify(line('GET', 'https://ec2.us-east-1.amazonaws.com', '/?Action=DescribeInstances&Version=2016-11-15'))).toBeDefined();
    expect(recognise(line('GET', 'https://ec2.us-east-1.amazonaws.com', '/?Action=DescribeInstances&Version=2016-11-15'))).toBeUndefined();
    expect(classify(line('GET', 'https://api.example.com', '/search?q=x&XAction=AssumeRole'))).toBeUndefined();
    expect(classify(line('GET', 'https://api.example.com', '/search?XAction=1&Action=AssumeRole&RoleArn=r'))).toBeDefined();
    expect(classify(line('POST', 'https://api.example.com', '/items?page=2', { 'content-type': 'application/json' }))).toBeUndefined();
  });

  it('STS and Cognito JSON protocol: the action from X-Amz-Target, the identity from the body', () => {
    const sts = line('POST', 'https://sts.amazonaws.com', '/', { 'x-amz-target': 'AWSSecurityTokenServiceV20110615.AssumeRole', 'content-type': 'application/x-amz-json-1.0' });
    expect(recognise(sts, '{"RoleArn":"arn:aws:iam::3:role/json","RoleSessionName":"j","DurationSeconds":1200}')).toMatchObject({ kind: 'sts', action: 'AssumeRole', identity: 'arn:aws:iam::3:role/json', durationSeconds: 1200 });
    const caller = line('POST', 'https://sts.amazonaws.com', '/', { 'x-amz-target': 'AWSSecurityTokenServiceV20110615.GetCallerIdentity' });
    expect(classify(caller)).toBeUndefined();
    const cognito = line('POST', 'https://cognito-identity.us-east-1.amazonaws.com', '/', { 'x-amz-target': 'AWSCognitoIdentityService.GetCredentialsForIdentity' });
    expect(recognise(cognito, '{"IdentityId":"us-east-1:1234","Logins":{"accounts.google.com":"eyJ.SECRET"}}')).toMatchObject({ kind: 'cognito', identity: 'us-east-1:1234' });
  });

  it('SSO GetRoleCredentials: account and role from the query string', () => {
    expect(recognise(line('GET', 'https://portal.sso.us-east-1.amazonaws.com', '/federation/credentials?account_id=123456789012&role_name=Admin'))).toMatchObject({ kind: 'sso', identity: '123456789012/Admin' });
  });

  it('IMDS: the role credentials path on any endpoint, not the token or the role listing', () => {
    expect(recognise(line('GET', 'http://169.254.169.254', '/latest/meta-data/iam/security-credentials/web-role'))).toMatchObject({ kind: 'imds', identity: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/web-role' });
    expect(recognise(line('GET', 'http://127.0.0.1:9', '/latest/meta-data/iam/security-credentials/r'))?.kind).toBe('imds');
    expect(classify(line('GET', 'http://169.254.169.254', '/latest/meta-data/iam/security-credentials/'))).toBeUndefined();
    expect(classify(line('PUT', 'http://169.254.169.254', '/latest/api/token'))).toBeUndefined();
  });

  it('container endpoints: the ECS and EKS Pod Identity hosts, and whatever AWS_CONTAINER_CREDENTIALS_FULL_URI names', () => {
    expect(recognise(line('GET', 'http://169.254.170.2', '/v2/credentials/7f1c-guid'))).toMatchObject({ kind: 'container', identity: 'http://169.254.170.2/v2/credentials/7f1c-guid' });
    expect(recognise(line('GET', 'http://169.254.170.23', '/v1/credentials'))?.kind).toBe('container');
    expect(recognise(line('GET', 'http://[fd00:ec2::23]', '/v1/credentials'))?.kind).toBe('container');
    expect(recognise(line('GET', 'http://[fd00:ec2::23]:80', '/v1/credentials'))?.kind).toBe('container');
    expect(recognise(line('GET', 'http://169.254.170.2:80', '/v2/credentials/x'))?.kind).toBe('container');
    withFullUri('http://127.0.0.1:8123/creds', (set) => {
      expect(recognise(line('GET', 'http://127.0.0.1:8123', '/creds'))?.kind).toBe('container');
      expect(classify(line('GET', 'http://127.0.0.1:8124', '/creds'))).toBeUndefined();
      expect(classify(line('GET', 'http://127.0.0.1:8123', '/other'))).toBeUndefined();
      set('https://creds.internal.example/v1/creds');
      expect(recognise(line('GET', 'https://creds.internal.example', '/v1/creds'))?.kind).toBe('container');
      // The SDKs refuse a plain-http full URI off loopback, so such a request is no credential fetch.
      set('http://10.0.0.5/creds');
      expect(classify(line('GET', 'http://10.0.0.5', '/creds'))).toBeUndefined();
      set('not a URL');
      expect(classify(line('GET', 'http://127.0.0.1:8123', '/creds'))).toBeUndefined();
    });
  });

  it('AWS_CONTAINER_CREDENTIALS_FULL_URI is read at most once a second, and a change is seen after that', () => {
    const request = line('GET', 'http://127.0.0.1:8123', '/creds');
    withFullUri(undefined, () => {
      // process.env, counting the reads of the variable.
      const real = process.env;
      let reads = 0;
      const counted = new Proxy(real, {
        get: (target, name, receiver) => (name === 'AWS_CONTAINER_CREDENTIALS_FULL_URI' && reads++, Reflect.get(target, name, receiver)),
      });
      Object.defineProperty(process, 'env', { value: counted, configurable: true, writable: true });
      try {
        rereadContainerUri();
        for (let i = 0; i < 1_000; i++) expect(classify(request)).toBeUndefined();
        expect(reads).toBe(1);
        real.AWS_CONTAINER_CREDENTIALS_FULL_URI = 'http://127.0.0.1:8123/creds';
        vi.advanceTimersByTime(CONTAINER_URI_REFRESH_MS - 1);
        expect(classify(request)).toBeUndefined(); // not yet: the last read is still fresh
        expect(reads).toBe(1);
        vi.advanceTimersByTime(1);
        expect(classify(request)?.request.kind).toBe('container');
        expect(reads).toBe(2);
        for (let i = 0; i < 1_000; i++) classify(request);
        expect(reads).toBe(2);
        delete real.AWS_CONTAINER_CREDENTIALS_FULL_URI;
        vi.advanceTimersByTime(CONTAINER_URI_REFRESH_MS);
        expect(classify(request)).toBeUndefined();
        expect(reads).toBe(3);
        // Requests that cannot be a full-URI endpoint never read it.
        vi.advanceTimersByTime(CONTAINER_URI_REFRESH_MS);
        classify(line('GET', 'http://10.0.0.5', '/creds'));
        classify(line('GET', 'http://169.254.170.2', '/v2/credentials/x'));
        classify(line('POST', 'http://127.0.0.1:8123', '/creds', { 'content-type': 'application/json' }));
        expect(reads).toBe(3);
      } finally {
        Object.defineProperty(process, 'env', { value: real, configurable: true, writable: true });
      }
    });
  });

  it('a clock set back reads the variable again', () => {
    const request = line('GET', 'http://127.0.0.1:8123', '/creds');
    withFullUri('http://127.0.0.1:8123/creds', (set) => {
      expect(classify(request)?.request.kind).toBe('container');
      set(undefined, { refresh: false });
      vi.setSystemTime(Date.now() - 60_000);
      expect(classify(request)).toBeUndefined();
    });
  });

  it('ordinary requests are left alone', () => {
    expect(classify(line('GET', 'https://example.com', '/index.html'))).toBeUndefined();
    expect(classify(line('PUT', 'https://bucket.s3.amazonaws.com', '/key', { 'content-type': 'text/plain' }))).toBeUndefined();
    expect(classify(line('POST', 'https://dynamodb.us-east-1.amazonaws.com', '/', { 'x-amz-target': 'DynamoDB_20120810.GetItem' }))).toBeUndefined();
  });
});

describe('body fields', () => {
  it('decodes only the wanted form fields', () => {
    const fields = queryFields('WebIdentityToken=%E0%A4%A&RoleArn=arn%3Ax&Other=1', new Set(['RoleArn']));
    expect([...fields]).toEqual([['RoleArn', 'arn:x']]);
  });

  it('reads only the wanted JSON fields', () => {
    expect([...jsonFields('{"Logins":{"x":"SECRET"},"IdentityId":"id-1","DurationSeconds":900}', new Set(['IdentityId', 'DurationSeconds']))]).toEqual([
      ['IdentityId', 'id-1'],
      ['DurationSeconds', '900'],
    ]);
  });
});
