// Sees credential requests made with the global `fetch` (undici), through undici's
// `undici:request:create` channel, which Node publishes in the tick of the `fetch` call: the
// caller's stack is still there. A `fetch` body is a stream by then, so a Query POST through
// `fetch` is recognised by its query string (`?Action=AssumeRole&…`) or a readable (string or
// Buffer) body; container, IMDS, SSO and JSON-protocol requests need no body. No Expiration is read: undici publishes no response body.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { classify } from './classify.js';
import { complete } from './complete.js';
import { anyWantsTrigger, type Recorder } from './recorder.js';
import { captureTrigger } from './trigger.js';

interface UndiciRequest {
  readonly origin?: string | { origin?: string };
  readonly method?: string;
  readonly path?: string;
  /** undici 6+: [name, value, name, value…]; undici 5: "name: value\r\n…" */
  readonly headers?: readonly string[] | string;
  readonly body?: unknown;
}

const CREATE = 'undici:request:create';
const recorders = new Set<Recorder>();

export function tapFetch(recorder: Recorder): () => void {
  if (recorders.size === 0) subscribe(CREATE, onCreate);
  recorders.add(recorder);
  return () => {
    recorders.delete(recorder);
    if (recorders.size === 0) unsubscribe(CREATE, onCreate);
  };
}

function onCreate(message: unknown): void {
  const request = (message as { request: UndiciRequest }).request;
  const origin = typeof request.origin === 'string' ? request.origin : (request.origin?.origin ?? '');
  const classified = classify({ method: request.method ?? 'GET', origin, path: request.path ?? '/', header: (name) => headerOf(request.headers, name) });
  if (classified === undefined) return;
  const body = typeof request.body === 'string' ? request.body : request.body instanceof Uint8Array ? Buffer.from(request.body).toString('utf8') : undefined;
  const credentials = complete(classified, body);
  if (credentials === undefined) return;
  const trigger = anyWantsTrigger(recorders, credentials) ? captureTrigger(onCreate) : undefined;
  for (const recorder of recorders) recorder.fetch(credentials, trigger);
}

function headerOf(headers: UndiciRequest['headers'], name: string): string | undefined {
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) if (String(headers[i]).toLowerCase() === name) return String(headers[i + 1]);
    return undefined;
  }
  if (typeof headers === 'string') {
    for (const line of headers.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon !== -1 && line.slice(0, colon).trim().toLowerCase() === name) return line.slice(colon + 1).trim();
    }
  }
  return undefined;
}
