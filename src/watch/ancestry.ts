// Deep mode (AWS_CREDENTIALS_WATCH_DEEP=1): remembers, per async resource, the nearest application
// frames of the code that created it, so a credential fetch whose own stack is all library code
// (V8's async stack ends where a library awaits through `__awaiter`'s `.then`) can still be traced
// to the application line that started it.
//
// An async_hooks `init` hook runs for every resource created (every promise, timer, socket): it
// captures the creating stack's frames as structured call sites (no string formatting), and keeps
// the first application frames found; when the stack has none, the resource inherits what its
// creator's resource (executionAsyncResource) holds. So the ancestry walk, executionAsyncId ->
// the resource that created it -> …, is done one step at a time as resources are created, and a
// lookup at fetch time is one WeakMap read. The records hang off the resource objects in a WeakMap:
// they live exactly as long as the resources, so nothing needs dropping on destroy or resolve and no
// destroy hook (which makes V8 track every promise's collection) is installed.
//
// Cost: one stack capture per async resource created while the hook is on, a few µs each, which is
// why deep mode is off by default and installs nothing then. A subtree of resources created with no
// application frame for LIBRARY_HOPS generations in a row stops capturing and shares its ancestor's
// record: deep inside a library, the nearest application frame can no longer change.
import { createHook, executionAsyncResource, type AsyncHook } from 'node:async_hooks';
import { findSourceMap } from 'node:module';
import { isApplicationFile } from './frames.js';

/** Frames looked at per capture: enough to reach the application caller of a library's promise. */
const ANCESTRY_STACK_DEPTH = 40;
/** Application frames kept per record (the report shows three). */
const KEPT_FRAMES = 3;
/**
 * Generations of resources created from library code only before a subtree stops capturing. An
 * SDK v3 credential request runs a few dozen awaits deep inside the SDK: without a bound it would pay
 * a capture per await; with it, only the first generations past the application pay.
 */
const LIBRARY_HOPS = 6;

interface Origin {
  /** The nearest application frames, as stack lines (`    at name (file:line:column)`). */
  readonly frames: string | undefined;
  /** Generations since `frames` were seen on a creating stack. */
  readonly hops: number;
}

const origins = new WeakMap<object, Origin>();
let hook: AsyncHook | undefined;
let users = 0;

/** Starts remembering origins (shared by every deep watch); the returned function stops it. */
export function trackAncestry(): () => void {
  users++;
  hook ??= createHook({ init: onInit });
  if (users === 1) hook.enable();
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    if (--users === 0) hook?.disable();
  };
}

/**
 * The nearest application frames in the async ancestry of the code running now, as stack lines
 * (source-mapped when source maps are on), or undefined when none is known (deep mode off, or no
 * application frame created it). Called only for a fetch whose stack is sampled.
 */
export function ancestryFrames(): string | undefined {
  if (users === 0) return undefined;
  const frames = origins.get(executionAsyncResource())?.frames;
  return frames === undefined ? undefined : frames.split('\n').map(sourceMapped).join('\n');
}

const STACK_LINE = /^(\s*at (?:.+? \()?)(.+?):(\d+):(\d+)(\)?)$/;

/**
 * A captured call site's position is the generated code's: Node maps only formatted stacks. With
 * --enable-source-maps, `findSourceMap` knows the file's map (undefined otherwise: unchanged).
 */
function sourceMapped(line: string): string {
  const match = STACK_LINE.exec(line);
  if (!match) return line;
  const [, head, file, row, column, tail] = match;
  try {
    const entry = findSourceMap(file!)?.findEntry(Number(row) - 1, Number(column) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
    if (entry?.originalSource === undefined || entry.originalLine === undefined || entry.originalColumn === undefined) return line;
    return `${head}${entry.originalSource}:${entry.originalLine + 1}:${entry.originalColumn + 1}${tail}`;
  } catch {
    return line;
  }
}

function onInit(_asyncId: number, _type: string, _triggerAsyncId: number, resource: object): void {
  // An exception thrown from an async hook is fatal to the process: nothing may escape.
  try {
    const parent = origins.get(executionAsyncResource());
    if (parent !== undefined && parent.hops >= LIBRARY_HOPS) {
      origins.set(resource, parent);
      return;
    }
    const frames = applicationFramesHere();
    origins.set(resource, frames !== undefined ? { frames, hops: 0 } : { frames: parent?.frames, hops: (parent?.hops ?? 0) + 1 });
  } catch {
    // a resource without a record inherits nothing; the watch goes on
  }
}

/** Distinct script names seen in stacks: a process has a few thousand at most; cleared if ever more. */
const MAX_CACHED_FILES = 20_000;
const applicationFiles = new Map<string, boolean>();

/** isApplicationFile, remembered per script name: a file: URL costs microseconds to convert, per frame. */
function applicationFile(file: string): boolean {
  let application = applicationFiles.get(file);
  if (application === undefined) {
    if (applicationFiles.size >= MAX_CACHED_FILES) applicationFiles.clear();
    application = isApplicationFile(file);
    applicationFiles.set(file, application);
  }
  return application;
}

type CallSite = NodeJS.CallSite;
const callSitesOf = (_error: Error, sites: CallSite[]): CallSite[] => sites;

/** The first application frames on the current stack as stack lines, or undefined when there are none. */
function applicationFramesHere(): string | undefined {
  const limit = Error.stackTraceLimit;
  const prepare = Error.prepareStackTrace;
  const holder: { stack?: unknown } = {};
  let sites: unknown;
  try {
    Error.stackTraceLimit = ANCESTRY_STACK_DEPTH;
    Error.prepareStackTrace = callSitesOf;
    Error.captureStackTrace(holder, onInit);
    sites = holder.stack;
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
  if (!Array.isArray(sites)) return undefined;
  let lines: string | undefined;
  let kept = 0;
  for (const site of sites as CallSite[]) {
    const file = site.getFileName() ?? site.getScriptNameOrSourceURL();
    if (!file || !applicationFile(file)) continue;
    const name = site.getFunctionName() ?? site.getMethodName();
    const line = `    at ${name ? `${name} (` : ''}${file}:${site.getLineNumber() ?? 0}:${site.getColumnNumber() ?? 0}${name ? ')' : ''}`;
    lines = lines === undefined ? line : `${lines}\n${line}`;
    if (++kept === KEPT_FRAMES) break;
  }
  return lines;
}
