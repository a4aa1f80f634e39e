// action.yml: every `aws-credentials` command its steps run is one the CLI's own argument parser
// accepts, with the inputs' defaults and sample values for the step's environment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCliArgs } from '../../src/cli/args.js';

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly env?: Record<string, string>;
}
interface Action {
  readonly inputs: Record<string, { readonly default?: string }>;
  readonly runs: { readonly using: string; readonly steps: readonly Step[] };
}

const action = parse(readFileSync(join(__dirname, '..', '..', 'action.yml'), 'utf8')) as Action;

/** `${{ inputs.x }}` -> the input's default; any other expression -> a sample value. */
function expression(value: string): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_match, inner: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(inner);
    if (input) return action.inputs[input[1]!]?.default ?? '';
    return inner === 'steps.base.outputs.ref' ? 'origin/main' : 'sample';
  });
}

/** The words of one shell command line up to a redirection, pipe or `||`, with `$VAR` expanded from `env`. */
function words(line: string, env: Record<string, string>): string[] {
  const out: string[] = [];
  for (const token of line.match(/"[^"]*"|'[^']*'|[^\s]+/g) ?? []) {
    if (['>', '<', '|', '||', '&&', ';'].includes(token)) break;
    const quoted = token.startsWith('"') ? 'double' : token.startsWith("'") ? 'single' : undefined;
    const body = quoted ? token.slice(1, -1) : token;
    const expanded = quoted === 'single' ? body : body.replace(/\$(\w+)|\$\{(\w+)\}/g, (_m, a?: string, b?: string) => env[(a ?? b)!] ?? '');
    if (quoted) out.push(expanded);
    else out.push(...expanded.split(/\s+/).filter(Boolean)); // unquoted: split like the shell
  }
  return out;
}

function cliCommands(): { step: string; argv: string[] }[] {
  const commands: { step: string; argv: string[] }[] = [];
  for (const step of action.runs.steps) {
    if (!step.run) continue;
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, expression(String(value))]));
    for (const line of expression(step.run).split('\n')) {
      const argv = words(line.trim(), env);
      const at = argv.indexOf('aws-credentials');
      if (at === -1 || argv[0] !== 'npx') continue;
      commands.push({ step: step.name ?? '', argv: argv.slice(at + 1) });
    }
  }
  return commands;
}

describe('action.yml', () => {
  it('is a composite action whose run steps declare a shell', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) if (step.run) expect(step.shell, step.name).toBe('bash');
    expect(action.runs.steps.map(step => step.uses).filter(Boolean)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^actions\/setup-node@/), expect.stringMatching(/^github\/codeql-action\/upload-sarif@/), expect.stringMatching(/^reviewdog\/action-setup@/)]),
    );
  });

  it('runs only commands the CLI accepts', () => {
    const commands = cliCommands();
    expect(commands.length).toBe(4);
    for (const { step, argv } of commands) {
      const args = parseCliArgs(argv);
      expect(args.command, `${step}: ${argv.join(' ')}`).toBe('scan');
      if (args.command === 'scan') expect(['sarif', 'rdjson']).toContain(args.format);
    }
    expect(commands.filter(({ argv }) => argv.includes('--changed-since'))).toHaveLength(2);
  });
});
