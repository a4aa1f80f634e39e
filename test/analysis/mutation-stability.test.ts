// Which inputs a fix may share (fix-plan/stability.ts), one expression shape at a time: static
// inputs hoist, varying ones key a sharedCredentials entry (on exactly the inputs that vary), and
// anything the analysis cannot compare between requests leaves the site manual, with the reason.
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../src/analysis/index.js';
import { lines } from './support.js';

function planFor(roleArn: string): [string, string | readonly string[] | undefined] {
  const code = lines(
    "import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';",
    'const CONFIG = { a: 1 };',
    'let counter = 0;',
    `export const handler = async (event) => fromTemporaryCredentials({ params: { RoleArn: ${roleArn} } });`,
    'const LATE = 1;',
  );
  const sites = analyzeSource(code, 'a.mjs').sites;
  expect(sites).toHaveLength(1);
  const fix = sites[0]!.fix;
  return [fix.kind, fix.kind === 'manual' ? fix.reason : fix.kind === 'keyed' ? fix.keyInputs : undefined];
}

describe('input stability', () => {
  it.each<[string, string, (string | readonly string[])?]>([
    ['[event.a, , "x"]', 'keyed', ['event.a']],
    ['[...event.list]', 'manual', 'an input spreads an array.'],
    ['!event.flag', 'keyed', ['event.flag']],
    ['typeof event.x', 'keyed', ['event.x']],
    ['delete event.x', 'manual', 'an input deletes a property.'],
    ['event.a || "d"', 'keyed', ['event.a']],
    ['event.a ? "x" : "y"', 'keyed', ['event.a']],
    ['"x" ? event.b : event.c', 'keyed', ['event.b', 'event.c']],
    ['event.a + "-" + event.b + event.a', 'keyed', ['event.a', 'event.b']],
    ['`r-${event.a}`', 'keyed', ['event.a']],
    ['process.env.ROLE', 'hoist'],
    ['process["env"].ROLE', 'hoist'],
    ['process.env[event.k]', 'keyed', ['process.env[event.k]']],
    ['CONFIG[event.k]', 'keyed', ['CONFIG[event.k]']],
    ['CONFIG.a', 'hoist'],
    ['undefined', 'hoist'],
    ['counter', 'keyed', ['counter']],
    ['LATE', 'manual', '`LATE` is declared after the code that uses it.'],
    ['new Date()', 'manual', "`new Date()` makes every call's input unique, so nothing can be shared."],
    ['crypto.randomUUID()', 'manual', "`crypto.randomUUID()` makes every call's input unique, so nothing can be shared."],
    ['this.role', 'manual', 'an input (`this`) is not plain data.'],
    ['class {}', 'manual', 'an input (`class {}`) is not plain data.'],
    ['event.aVeryLongPropertyNameThatGoesOnAndOnForever.andMore', 'keyed', ['event.aVeryLongPropertyNameThatGoesOn...']],
    ['(() => "x")()', 'manual', 'an input calls `() => "x"()`, which may have side effects.'],
  ])('%s', (expression, kind, detail) => {
    expect(planFor(expression)).toEqual([kind, detail]);
  });
});
