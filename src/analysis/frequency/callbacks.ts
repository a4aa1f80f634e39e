// What kind of callback a function passed to a call is, from the call's callee: run in the same
// run as the code around it (`then`, `setTimeout`), once per element (`map`), per request (a
// route), per event, per timer tick, or once (test bodies, CLI command actions, one-shot APIs).
import type { TSESTree } from '@typescript-eslint/utils';
import { dottedName, staticPropertyName } from '../walk.js';

/** Callbacks that run once per run of the code around them. */
const SAME_RUN_CALLEES = new Set(['setTimeout', 'setImmediate', 'queueMicrotask', 'process.nextTick', 'then', 'catch', 'finally', 'Promise', 'call', 'apply', 'bind']);
const ITERATION_CALLEES = new Set(['map', 'forEach', 'flatMap', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'from', 'mapLimit', 'eachLimit', 'mapSeries', 'eachSeries', 'pMap']);
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'route', 'head', 'options', 'handle', 'addHook', 'middleware']);
const EVENT_METHODS = new Set(['on', 'once', 'addListener', 'addEventListener', 'subscribe', 'prependListener', 'run', 'each', 'eachMessage', 'eachBatch', 'process', 'consume', 'handleMessage']);
/** Test-framework blocks: a test body runs once per test run; a client per test is no production cost. */
const TEST_CALLEES = /^(describe|context|suite|it|test|specify|beforeAll|beforeEach|afterAll|afterEach|before|after|setup|teardown|bench|fit|xit|fdescribe|xdescribe)(\.(only|skip|each|concurrent|sequential|todo|failing|serial))*$/;
/** CLI frameworks: `program.command(...).action(fn)`, `yargs.command(name, desc, builder, handler)`. */
const CLI_METHODS = new Set(['action', 'command', 'handler']);
/** One-shot APIs whose callback runs once per call of the API (browser auth flows). */
const ONE_SHOT_METHODS = new Set(['authenticateUser', 'getSession', 'getCurrentUser', 'ready', 'whenReady', 'onReady', 'init', 'initialize', 'configure', 'setup', 'bootstrap', 'register']);

export const ONCE_INITIALISERS = new Set(['useMemo', 'React.useMemo', 'useState', 'React.useState', 'useRef', 'React.useRef', 'once', 'lazy']);

export type CallbackKind =
  | { readonly kind: 'same-run' }
  | { readonly kind: 'once'; readonly reason: string }
  | { readonly kind: 'per-invocation'; readonly context: string };

/** `callee.method` of a call, through optional chaining. */
export function calleeNames(call: TSESTree.CallExpression): { dotted: string; method: string; isMember: boolean } {
  const dotted = dottedName(call.callee) ?? '';
  const unwrapped = call.callee.type === 'ChainExpression' ? call.callee.expression : call.callee;
  const isMember = unwrapped.type === 'MemberExpression';
  const method = isMember ? staticPropertyName(unwrapped as TSESTree.MemberExpression) ?? '' : dotted;
  return { dotted, method, isMember };
}

/** The kind of a function passed as an argument to `call`. */
export function callbackKind(call: TSESTree.CallExpression): CallbackKind {
  const { dotted, method, isMember } = calleeNames(call);
  if (ONCE_INITIALISERS.has(dotted)) return { kind: 'once', reason: `${dotted}() initialiser` };
  if (TEST_CALLEES.test(dotted) || TEST_CALLEES.test(rootOf(call))) return { kind: 'once', reason: 'test code' };
  if (SAME_RUN_CALLEES.has(dotted) || SAME_RUN_CALLEES.has(method)) return { kind: 'same-run' };
  if (dotted === 'setInterval') return { kind: 'per-invocation', context: 'timer' };
  // `useEffect(fn, [])` runs once per mount of the component: app set-up, not per render.
  if (/^(React\.)?use(Effect|LayoutEffect)$/.test(dotted) && isEmptyArray(call.arguments[1])) return { kind: 'once', reason: 'effect on mount' };
  if (/^(React\.)?use(Effect|LayoutEffect|Callback)$/.test(dotted)) return { kind: 'per-invocation', context: 'React render' };
  if (ITERATION_CALLEES.has(method)) return { kind: 'per-invocation', context: 'loop' };
  if (isMember && CLI_METHODS.has(method) && isCliChain(call)) return { kind: 'once', reason: 'CLI command' };
  if (isMember && ONE_SHOT_METHODS.has(method)) return { kind: 'same-run' };
  if (isMember && ROUTE_METHODS.has(method)) return { kind: 'per-invocation', context: 'route callback' };
  if (method === 'createServer' || method === 'Server') return { kind: 'per-invocation', context: 'request handler' };
  if (EVENT_METHODS.has(method)) return firesOnce(call, method) ? { kind: 'same-run' } : { kind: 'per-invocation', context: 'event handler' };
  return { kind: 'per-invocation', context: 'callback' };
}

function isEmptyArray(node: TSESTree.Node | undefined): boolean {
  return node?.type === 'ArrayExpression' && node.elements.length === 0;
}

/** Events an emitter fires once in its life: a handler for one runs as often as the code that registers it. */
const ONCE_EVENTS = new Set(['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'exit', 'beforeExit', 'close', 'end', 'finish', 'listening', 'ready', 'DOMContentLoaded', 'load']);

/** `emitter.once(…)`, `process.on('SIGINT', …)`, `child.on('close', …)`. */
function firesOnce(call: TSESTree.CallExpression, method: string): boolean {
  if (method === 'once') return true;
  const [event] = call.arguments;
  return event?.type === 'Literal' && typeof event.value === 'string' && ONCE_EVENTS.has(event.value);
}

/** `describe.each(...)(name, fn)`: the root callee of a curried call. */
function rootOf(call: TSESTree.CallExpression): string {
  let callee: TSESTree.Node = call.callee;
  while (callee.type === 'CallExpression') callee = callee.callee;
  return dottedName(callee) ?? '';
}

/** `program.command('x').description(...).action(fn)` or `yargs.command(...)`: a CLI, not a router. */
function isCliChain(call: TSESTree.CallExpression): boolean {
  const { method } = calleeNames(call);
  if (method === 'action') return true;
  let object: TSESTree.Node | undefined = call.callee.type === 'MemberExpression' ? call.callee.object : undefined;
  while (object) {
    const name = dottedName(object);
    if (name && /^(yargs|program|cli|commander|argv|sade|cac)$/i.test(name.split('.')[0]!)) return true;
    if (object.type === 'CallExpression') {
      const inner: TSESTree.Node = object.callee;
      if (inner.type === 'Identifier' && /^(yargs|sade|cac|commander)$/.test(inner.name)) return true;
      object = inner.type === 'MemberExpression' ? inner.object : undefined;
    } else object = undefined;
  }
  return false;
}
