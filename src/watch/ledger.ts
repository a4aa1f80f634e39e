// Counts credential fetches per identity: when they happened, the shortest lifetime seen, and a
// bounded sample of the stacks that triggered them. A stack is captured only for a fetch that is
// over its identity's budget at the time it is made: the last fetch of an identity that ends over
// budget always is (the report's window ends at it, and a lifetime learnt later only raises the
// budget), so every identity reported over budget has a sample, and the fetches within budget, the
// common case, cost no capture. Of an identity's fetches over budget, the 1st, 2nd, 4th, 8th … are
// captured: a capture costs microseconds per frame, and this bounds its share of the requests even
// when thousands of identities each go just over budget. Stacks are formatted only when a report
// shows them.
import { budgetFor, DEFAULT_LIFETIME_SECONDS } from './budget.js';
import { framesOf } from './frames.js';
import type { CredentialFetch, FetchKind, IdentityReport, WatchReport } from './types.js';

/** Stacks kept per identity: enough to name the dominant trigger, bounded for a runaway loop. */
const SAMPLED_TRIGGERS = 25;
const SHOWN_FRAMES = 3;
/** Marks a frame deep mode found in the async ancestry rather than on the fetch's own stack. */
const ASYNC_ANCESTRY = '(async ancestry)';

interface Entry {
  readonly kind: FetchKind;
  readonly identity: string;
  readonly actions: Set<string>;
  fetches: number;
  first: number;
  last: number;
  lifetimeSeconds: number | undefined;
  /** Fetches that were over budget when they were made. */
  overBudgetFetches: number;
  readonly triggers: NonNullable<CredentialFetch['trigger']>[];
}

export function keyOf(kind: FetchKind, identity: string): string {
  return `${kind} ${identity}`;
}

export class Ledger {
  private readonly entries = new Map<string, Entry>();

  add(fetch: CredentialFetch): void {
    const key = keyOf(fetch.kind, fetch.identity);
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = { kind: fetch.kind, identity: fetch.identity, actions: new Set(), fetches: 0, first: fetch.at, last: fetch.at, lifetimeSeconds: undefined, overBudgetFetches: 0, triggers: [] };
      this.entries.set(key, entry);
    }
    entry.actions.add(fetch.action);
    entry.fetches++;
    entry.last = Math.max(entry.last, fetch.at);
    if (fetch.durationSeconds !== undefined) this.lifetime(key, fetch.durationSeconds);
    if (entry.fetches > budgetNow(entry, entry.last, undefined)) entry.overBudgetFetches++;
    if (fetch.trigger !== undefined && entry.triggers.length < SAMPLED_TRIGGERS) entry.triggers.push(fetch.trigger);
  }

  /** Whether a fetch of this identity made at `at` (ms) would be over budget and sampled. */
  wantsTrigger(kind: FetchKind, identity: string, at: number, durationSeconds: number | undefined): boolean {
    const entry = this.entries.get(keyOf(kind, identity));
    if (entry === undefined || entry.triggers.length >= SAMPLED_TRIGGERS) return false;
    if (entry.fetches + 1 <= budgetNow(entry, Math.max(entry.last, at), durationSeconds)) return false;
    const nth = entry.overBudgetFetches + 1;
    return (nth & (nth - 1)) === 0;
  }

  lifetime(key: string, seconds: number): void {
    const entry = this.entries.get(key);
    if (entry !== undefined && seconds > 0) entry.lifetimeSeconds = Math.min(entry.lifetimeSeconds ?? Infinity, seconds);
  }

  report(cwd: string): WatchReport {
    const identities = [...this.entries.values()].map((entry) => reportOf(entry, cwd));
    identities.sort((a, b) => Number(b.overBudget) - Number(a.overBudget) || b.fetches - a.fetches || a.identity.localeCompare(b.identity));
    return { identities };
  }
}

/** The budget of `entry` for a window ending at `at`, with what is known of its lifetime by then. */
function budgetNow(entry: Entry, at: number, durationSeconds: number | undefined): number {
  const lifetime = Math.min(entry.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS, durationSeconds ?? Infinity);
  return budgetFor((at - entry.first) / 1000, lifetime);
}

function reportOf(entry: Entry, cwd: string): IdentityReport {
  const windowSeconds = (entry.last - entry.first) / 1000;
  const lifetimeSeconds = entry.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS;
  const budget = budgetFor(windowSeconds, lifetimeSeconds);
  return {
    kind: entry.kind,
    identity: entry.identity,
    actions: [...entry.actions].sort(),
    fetches: entry.fetches,
    windowSeconds,
    lifetimeSeconds,
    budget,
    overBudget: entry.fetches > budget,
    frames: entry.fetches > budget ? dominantFrames(entry.triggers, cwd) : [],
  };
}

/** The first application frames of the trigger seen most often in the sample. */
function dominantFrames(triggers: readonly NonNullable<CredentialFetch['trigger']>[], cwd: string): string[] {
  const counts = new Map<string, { frames: string[]; count: number }>();
  for (const trigger of triggers) {
    const frames = triggerFrames(trigger, cwd);
    if (frames.length === 0) continue;
    const key = frames.join('\n');
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { frames, count: 1 });
  }
  let best: { frames: string[]; count: number } | undefined;
  for (const candidate of counts.values()) if (best === undefined || candidate.count > best.count) best = candidate;
  return best?.frames ?? [];
}

/**
 * A trigger's application frames; when its stack holds only library frames and deep mode found
 * application frames in its async ancestry, those, each marked `(async ancestry)`.
 */
function triggerFrames(trigger: NonNullable<CredentialFetch['trigger']>, cwd: string): string[] {
  const own = framesOf(trigger.stack, cwd, SHOWN_FRAMES);
  if (own.frames.length > 0 && !own.library) return own.frames;
  const ancestry = framesOf(trigger.ancestry, cwd, SHOWN_FRAMES);
  if (ancestry.frames.length === 0 || ancestry.library) return own.frames;
  return ancestry.frames.map((frame) => `${ASYNC_ANCESTRY} ${frame}`);
}
