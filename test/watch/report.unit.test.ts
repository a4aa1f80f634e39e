// Budgets, Expiration parsing, application frames and the exit table.
import { describe, expect, it } from 'vitest';
import { budgetFor } from '../../src/watch/budget.js';
import { ExpirationScanner } from '../../src/watch/expiration.js';
import { applicationFrames } from '../../src/watch/frames.js';
import { Ledger } from '../../src/watch/ledger.js';
import { formatTable } from '../../src/watch/table.js';

describe('budget', () => {
  it('two for a short run, then one per quarter lifetime', () => {
    expect(budgetFor(0, 3600)).toBe(2);
    expect(budgetFor(60, 3600)).toBe(2);
    expect(budgetFor(900, 3600)).toBe(3);
    expect(budgetFor(3 * 3600, 3600)).toBe(14);
    expect(budgetFor(60, 8)).toBe(32);
  });
});

describe('ExpirationScanner', () => {
  const scan = (...chunks: string[]) => {
    const scanner = new ExpirationScanner();
    for (const chunk of chunks) scanner.feed(chunk);
    return scanner.expiresAt;
  };
  const at = Date.parse('2026-12-01T23:00:00Z');

  it('reads the XML and JSON Expiration fields, split across chunks or not', () => {
    expect(scan('<Credentials><SessionToken>x</SessionToken><Expiration>2026-12-01T23:00:00Z</Expiration>')).toBe(at);
    expect(scan('<Credentials><Expir', 'ation>2026-12-01T2', '3:00:00Z</Expiration>')).toBe(at);
    expect(scan('{"Token":"t","Expiration":"2026-12-01T23:00:00Z"}')).toBe(at);
    expect(scan('{"Token":"t","Expira', 'tion" : "2026-12-01T23:00:00Z"}')).toBe(at);
  });

  it('reads epoch seconds (Cognito) and milliseconds (SSO)', () => {
    expect(scan('{"Credentials":{"Expiration":1796166000}}')).toBe(1796166000 * 1000);
    expect(scan('{"roleCredentials":{"expiration":1796166000000}}')).toBe(1796166000000);
  });

  it('finds nothing in a response without one', () => {
    expect(scan('<ErrorResponse><Error><Code>AccessDenied</Code></Error></ErrorResponse>')).toBeUndefined();
  });
});

describe('application frames', () => {
  const cwd = '/srv/app';
  const stack = [
    'Error',
    '    at watchedEnd (/srv/app/node_modules/eslint-plugin-aws-credentials/dist/esm/src/watch/http-tap.js:40:5)',
    '    at new Promise (<anonymous>)',
    '    at NodeHttpHandler.handle (/srv/app/node_modules/@smithy/node-http-handler/dist-cjs/index.js:1:1)',
    '    at processTicksAndRejections (node:internal/process/task_queues:95:5)',
    '    at async getRecords (file:///srv/app/src/consumer.mjs:15:16)',
    '    at async /srv/app/src/server.js:8:3',
    '    at async Promise.all (index 0)',
    '    at async main (/elsewhere/main.js:2:1)',
  ].join('\n');

  it('keeps application code, drops node_modules, internals and anonymous frames', () => {
    expect(applicationFrames(stack, cwd, 3)).toEqual(['src/consumer.mjs:15:16 (getRecords)', 'src/server.js:8:3', '/elsewhere/main.js:2:1 (main)']);
    expect(applicationFrames(stack, cwd, 1)).toEqual(['src/consumer.mjs:15:16 (getRecords)']);
  });

  it('falls back to the outermost library frames when the async chain ends inside node_modules', () => {
    const library = stack.split('\n').slice(0, 5).join('\n');
    expect(applicationFrames(library, cwd, 3)).toEqual([
      '(library) node_modules/@smithy/node-http-handler/dist-cjs/index.js:1:1 (NodeHttpHandler.handle)',
      '(library) node_modules/eslint-plugin-aws-credentials/dist/esm/src/watch/http-tap.js:40:5 (watchedEnd)',
    ]);
  });
});

describe('ledger and table', () => {
  it('counts per identity, keeps the shortest lifetime, and puts the identities over budget first', () => {
    const ledger = new Ledger();
    const trigger = { stack: 'Error\n    at async handler (/srv/app/handler.mjs:7:3)' };
    for (let i = 0; i < 5; i++) ledger.add({ kind: 'sts', action: 'AssumeRole', identity: 'arn:aws:iam::1:role/hot', at: 1000 + i, durationSeconds: undefined, trigger });
    ledger.add({ kind: 'imds', action: 'imds', identity: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/r', at: 0, durationSeconds: undefined, trigger: undefined });
    ledger.lifetime('sts arn:aws:iam::1:role/hot', 900);
    const report = ledger.report('/srv/app');
    expect(report.identities.map(({ identity, fetches, budget, overBudget, lifetimeSeconds }) => ({ identity, fetches, budget, overBudget, lifetimeSeconds }))).toEqual([
      { identity: 'arn:aws:iam::1:role/hot', fetches: 5, budget: 2, overBudget: true, lifetimeSeconds: 900 },
      { identity: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/r', fetches: 1, budget: 2, overBudget: false, lifetimeSeconds: 3600 },
    ]);
    expect(report.identities[0]!.frames).toEqual(['handler.mjs:7:3 (handler)']);
    const table = formatTable(report);
    expect(table).toContain('6 credential fetches for 2 identities; 1 over budget');
    expect(table).toMatch(/sts +arn:aws:iam::1:role\/hot +5 +0\.0 s +2 +OVER BUDGET +handler\.mjs:7:3 \(handler\)/);
  });

  it('wants a stack only for a fetch over budget at its time, ever more sparsely', () => {
    const ledger = new Ledger();
    const role = 'arn:aws:iam::1:role/hot';
    const fetchAt = (at: number, stack?: string) => ledger.add({ kind: 'sts', action: 'AssumeRole', identity: role, at, durationSeconds: 900, trigger: stack === undefined ? undefined : { stack } });
    expect(ledger.wantsTrigger('sts', role, 0, 900)).toBe(false);
    fetchAt(0);
    expect(ledger.wantsTrigger('sts', role, 1, 900)).toBe(false);
    fetchAt(1);
    // The third fetch within a quarter lifetime (225 s) is over a budget of 2; after it, one more is allowed.
    expect(ledger.wantsTrigger('sts', role, 2, 900)).toBe(true);
    expect(ledger.wantsTrigger('sts', role, 225_000, 900)).toBe(false);
    expect(ledger.wantsTrigger('sts', 'arn:aws:iam::1:role/other', 2, 900)).toBe(false);
    // Of the fetches over budget, the 1st, 2nd, 4th, 8th … are sampled.
    const sampled: number[] = [];
    for (let nth = 1; nth <= 40; nth++) {
      const wanted = ledger.wantsTrigger('sts', role, 1 + nth, 900);
      if (wanted) sampled.push(nth);
      fetchAt(1 + nth, wanted ? 'Error\n    at async handler (/srv/app/handler.mjs:7:3)' : undefined);
    }
    expect(sampled).toEqual([1, 2, 4, 8, 16, 32]);
    const [hot] = ledger.report('/srv/app').identities;
    expect(hot).toMatchObject({ fetches: 42, overBudget: true, frames: ['handler.mjs:7:3 (handler)'] });
  });

  it('frames only for identities over budget', () => {
    const ledger = new Ledger();
    const trigger = { stack: 'Error\n    at async handler (/srv/app/handler.mjs:7:3)' };
    ledger.add({ kind: 'sts', action: 'AssumeRole', identity: 'arn:aws:iam::1:role/calm', at: 0, durationSeconds: undefined, trigger });
    expect(ledger.report('/srv/app').identities[0]).toMatchObject({ overBudget: false, frames: [] });
  });

  it('bounds the table for thousands of identities', () => {
    const ledger = new Ledger();
    for (let i = 0; i < 40; i++) ledger.add({ kind: 'sts', action: 'AssumeRole', identity: `arn:aws:iam::${i}:role/r`, at: 0, durationSeconds: undefined, trigger: undefined });
    const table = formatTable(ledger.report('/'));
    expect(table.trim().split('\n')).toHaveLength(1 + 1 + 15 + 1);
    expect(table).toContain('… 25 more identities (0 over budget)');
  });

  it('library-only frames: the async ancestry (deep mode) when known, marked; else the library frames and a hint unless deep', () => {
    const library = 'Error\n    at Object.awsCredentialsProvider (/srv/app/node_modules/@aws-sdk/credential-providers/dist-cjs/index.js:219:33)';
    const ancestry = '    at oauthBearerProvider (file:///srv/app/src/consumer.mjs:12:27)\n    at /srv/app/node_modules/kafkajs/index.js:1:1';
    const reportOf = (trigger: { stack: string; ancestry?: string }) => {
      const ledger = new Ledger();
      for (let i = 0; i < 3; i++) ledger.add({ kind: 'sts', action: 'AssumeRole', identity: 'arn:aws:iam::1:role/msk', at: i, durationSeconds: undefined, trigger });
      return ledger.report('/srv/app');
    };
    const shallow = reportOf({ stack: library });
    expect(shallow.identities[0]!.frames).toEqual(['(library) node_modules/@aws-sdk/credential-providers/dist-cjs/index.js:219:33 (Object.awsCredentialsProvider)']);
    expect(formatTable(shallow)).toContain('AWS_CREDENTIALS_WATCH_DEEP=1 follows the async ancestry');
    expect(formatTable(shallow, { deep: true })).not.toContain('AWS_CREDENTIALS_WATCH_DEEP');

    const deep = reportOf({ stack: library, ancestry });
    expect(deep.identities[0]!.frames).toEqual(['(async ancestry) src/consumer.mjs:12:27 (oauthBearerProvider)']);
    expect(formatTable(deep)).not.toContain('AWS_CREDENTIALS_WATCH_DEEP');
    // A stack that reaches the application keeps its own frames.
    expect(reportOf({ stack: 'Error\n    at async handler (/srv/app/handler.mjs:7:3)', ancestry }).identities[0]!.frames).toEqual(['handler.mjs:7:3 (handler)']);
  });
});

