// startFakeAws: one listener on 127.0.0.1, port 0, speaking HTTP/1.1 and cleartext HTTP/2 (the
// Kinesis client uses HTTP/2), routing to STS, the ECS container endpoint, IMDSv2 and generic
// service answers. It never sends traffic anywhere.
import { createServer as createHttp1Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { handleContainer } from './container.js';
import { handleImds } from './imds.js';
import { handleService } from './service.js';
import { signingInfo } from './signing.js';
import { FakeState, type FakeRequest, type Reply } from './state.js';
import { handleSso, SSO_PATH } from './sso.js';
import { handleSts, isStsRequest } from './sts.js';
import type { FakeAws, FakeAwsOptions } from './types.js';

/** Bodies larger than this are drained, not kept (S3 uploads in tests are small). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

type AnyRequest = IncomingMessage | Http2ServerRequest;
type AnyResponse = ServerResponse | Http2ServerResponse;
/** The HTTP/2 connection preface starts with these bytes. */
const H2_PREFACE = Buffer.from('PRI * HTTP/2.0');

function readBody(req: AnyRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function route(state: FakeState, request: FakeRequest, containerPath: string): Reply {
  const path = request.url.pathname;
  if (path === '/latest' || path.startsWith('/latest/')) return handleImds(state, request);
  if (path === containerPath && request.method === 'GET' && !request.signing) return handleContainer(state);
  if (path === SSO_PATH && request.method === 'GET') return handleSso(state, request);
  if (isStsRequest(request)) return handleSts(state, request);
  return handleService(state, request);
}

function isClosed(res: AnyResponse): boolean {
  return 'stream' in res ? res.stream.destroyed || res.stream.closed : res.destroyed;
}

export async function startFakeAws(options: FakeAwsOptions = {}): Promise<FakeAws> {
  const state = new FakeState(options);
  const containerPath = options.containerPath ?? '/creds';
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const handle = (req: AnyRequest, res: AnyResponse): void => {
    void (async () => {
      try {
        const body = await readBody(req);
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined;
        const request: FakeRequest = { method: req.method ?? 'GET', url, headers: req.headers, body, signing: signingInfo(authorization, url) };
        const reply = route(state, request, containerPath);
        const latency = state.latencyFor(reply.endpoint);
        if (latency > 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              timers.delete(timer);
              resolve();
            }, latency);
            timers.add(timer);
          });
        }
        if (isClosed(res)) return;
        const payload = reply.body ?? '';
        (res as ServerResponse).writeHead(reply.status, {
          'x-amzn-requestid': randomUUID(),
          'content-length': String(Buffer.byteLength(payload)),
          ...reply.headers,
        });
        res.end(payload);
      } catch (error) {
        if (isClosed(res)) return;
        if (!res.headersSent) (res as ServerResponse).writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake-aws internal error: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
  };
  const http1 = createHttp1Server(handle);
  http1.keepAliveTimeout = 5_000;
  const http2 = createHttp2Server(handle);
  const sockets = new Set<Socket>();
  // Sniff the first bytes of each connection: the HTTP/2 preface goes to the h2c server.
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      const h2 = first.subarray(0, H2_PREFACE.length).equals(H2_PREFACE);
      (h2 ? http2 : http1).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
    socket.on('error', () => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    port,
    containerUri: `${url}${containerPath}`,
    calls: state.calls,
    roles: state.roles,
    assumeRoleRequests: state.assumeRoleRequests,
    serviceRequests: state.serviceRequests,
    signedBy: state.signedBy,
    issued: state.issued,
    roleOf: (accessKeyId) => (accessKeyId === undefined ? undefined : state.issued.get(accessKeyId)?.roleArn),
    get options() {
      return state.options;
    },
    configure: (patch) => state.configure(patch),
    reset: () => state.reset(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        http1.closeAllConnections();
        http2.close();
        for (const socket of sockets) socket.destroy();
      }),
  };
}
