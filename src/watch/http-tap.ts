// Sees credential requests made with node:http / node:https (SDK v3, SDK v2, hand-written code).
//
// Node publishes `http.client.request.start` only once the body has been flushed to the socket, in
// a later tick than the one that made the request (Node 20), so neither the body (the Query
// `Action=` and `RoleArn=`) nor the caller's stack can be read from it. The tap therefore wraps
// ClientRequest.prototype.write/end: one property check per request for the first call, nothing
// more for requests that are not credential fetches. The caller's stack is captured in end() (in
// the first write() when the body comes in pieces and names the identity), and only when a
// recorder wants it. Responses come from the `http.client.response.finish` channel, and only
// recognised ones are scanned for Expiration.
import { ClientRequest, type IncomingMessage } from 'node:http';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { classify, type Classified, type RequestLine } from './classify.js';
import { complete } from './complete.js';
import { ExpirationScanner } from './expiration.js';
import { anyWantsTrigger, type Recorder } from './recorder.js';
import { captureTrigger, type Trigger } from './trigger.js';
import type { CredentialRequest } from './types.js';

const TAP = Symbol.for('eslint-plugin-aws-credentials.watch.http-tap');
/** A Query body larger than this (a huge SAML assertion) is cut; identifying fields come first. */
const MAX_BODY_CHARS = 64 * 1024;

interface Tap {
  readonly classified: Classified;
  /** Captured in the first write() of a body that names the identity, before it is known. */
  trigger: Trigger | undefined;
  body: string;
  request: CredentialRequest | undefined;
  sent: boolean;
}
type Tapped = ClientRequest & { [TAP]?: Tap | null };
type Write = (this: ClientRequest, chunk?: unknown, encoding?: unknown, callback?: unknown) => unknown;

const recorders = new Set<Recorder>();
/** Set while our wrappers are on the prototype (they stay, inert, if someone wrapped over them). */
let unwrap: (() => boolean) | undefined;

/** Starts reporting to `recorder`; the returned function stops it (and unwraps when none is left). */
export function tapHttp(recorder: Recorder): () => void {
  if (recorders.size === 0) subscribe('http.client.response.finish', onResponse);
  recorders.add(recorder);
  unwrap ??= wrap();
  return () => {
    if (!recorders.delete(recorder) || recorders.size > 0) return;
    unsubscribe('http.client.response.finish', onResponse);
    if (unwrap?.()) unwrap = undefined;
  };
}

function wrap(): () => boolean {
  const proto = ClientRequest.prototype as unknown as Record<'write' | 'end', Write>;
  const ownWrite = Object.prototype.hasOwnProperty.call(proto, 'write');
  const ownEnd = Object.prototype.hasOwnProperty.call(proto, 'end');
  const write = proto.write;
  const end = proto.end;
  const watchedWrite: Write = function (chunk, encoding, callback) {
    const tap = recorders.size === 0 ? null : tapOf(this);
    if (tap !== null) {
      if (!tap.sent && tap.trigger === undefined && tap.classified.body !== undefined) tap.trigger = captureTrigger(watchedWrite);
      collect(tap, chunk);
    }
    return write.call(this, chunk, encoding, callback);
  };
  const watchedEnd: Write = function (chunk, encoding, callback) {
    const tap = recorders.size === 0 ? null : tapOf(this);
    if (tap !== null) {
      collect(tap, chunk);
      send(tap, watchedEnd);
    }
    return end.call(this, chunk, encoding, callback);
  };
  proto.write = watchedWrite;
  proto.end = watchedEnd;
  return () => {
    // Someone wrapped them after us: leave ours in place, inert, rather than drop their wrapper.
    if (proto.write !== watchedWrite || proto.end !== watchedEnd) return false;
    if (ownWrite) proto.write = write;
    else delete (proto as Partial<typeof proto>).write;
    if (ownEnd) proto.end = end;
    else delete (proto as Partial<typeof proto>).end;
    return true;
  };
}

function tapOf(request: Tapped): Tap | null {
  const existing = request[TAP];
  if (existing !== undefined) return existing;
  const classified = classify(new HttpRequestLine(request));
  const tap = classified === undefined ? null : { classified, trigger: undefined, body: '', request: undefined, sent: false };
  request[TAP] = tap;
  return tap;
}

/**
 * A class, not an object literal with a getter: a literal's accessor gets a fresh map per request,
 * which costs microseconds on every ordinary request.
 */
class HttpRequestLine implements RequestLine {
  private cachedOrigin: string | undefined;
  constructor(private readonly request: ClientRequest) {}
  get method(): string {
    return this.request.method;
  }
  get path(): string {
    return this.request.path;
  }
  get origin(): string {
    return (this.cachedOrigin ??= `${this.request.protocol}//${String(this.request.getHeader('host') ?? this.request.host)}`);
  }
  header(name: string): string | undefined {
    const value = this.request.getHeader(name);
    return value === undefined ? undefined : String(value);
  }
}

function collect(tap: Tap, chunk: unknown): void {
  if (tap.classified.body === undefined || tap.sent || tap.body.length >= MAX_BODY_CHARS) return;
  if (typeof chunk === 'string') tap.body += chunk;
  else if (chunk instanceof Uint8Array) tap.body += Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
}

function send(tap: Tap, below: Write): void {
  if (tap.sent) return;
  tap.sent = true;
  const request = (tap.request = complete(tap.classified, tap.body));
  tap.body = '';
  if (request === undefined) return;
  const trigger = anyWantsTrigger(recorders, request) ? (tap.trigger ?? captureTrigger(below)) : undefined;
  tap.trigger = undefined;
  for (const recorder of recorders) recorder.fetch(request, trigger);
}

function onResponse(message: unknown): void {
  const { request, response } = message as { request: Tapped; response: IncomingMessage };
  const credentials = request[TAP]?.request;
  if (credentials === undefined) return;
  const scanner = new ExpirationScanner();
  const push = response.push;
  response.push = function watchedPush(chunk: unknown, encoding?: BufferEncoding) {
    if (chunk === null) {
      scanner.end();
      // Assigned back, not deleted: a delete would turn the response into a slow dictionary object.
      response.push = push;
      if (scanner.expiresAt !== undefined) {
        const seconds = (scanner.expiresAt - Date.now()) / 1000;
        for (const recorder of recorders) recorder.lifetime(credentials, seconds);
      }
    } else if (typeof chunk === 'string') scanner.feed(chunk);
    else if (chunk instanceof Uint8Array) scanner.feed(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1'));
    return push.call(this, chunk, encoding);
  };
}
