// Is a file bundled apart from the package it sits in? Lambda handlers of an infrastructure-as-code
// app (a CDK app: a package depending on aws-cdk-lib, or with a cdk.json) are built by the app's
// bundler at synth time (CDK `NodejsFunction` runs esbuild over the entry file), not by the
// package's own build: an added import of the runtime must resolve for that bundler, and whether
// it does is the deploy's business. So are files the package's tsconfig excludes (a `lambda/`
// folder beside the app). A handler in a package of its own inside a CDK app (a `NodejsFunction`
// entry with its own package.json) is bundled from that package: there the runtime import is fine
// only when the package already resolves it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { Minimatch } from 'minimatch';
import { projectRootOf } from './project-root.js';
import { readJson } from './read-json.js';

/** Dependencies that make a package a CDK app (v2, v1, the CLI, CDK for Terraform). */
const IAC_DEPENDENCIES = ['aws-cdk-lib', 'aws-cdk', '@aws-cdk/core', 'cdktf'];

type Manifest = Record<string, Record<string, string> | undefined>;

function isIacApp(root: string): boolean {
  if (existsSync(join(root, 'cdk.json')) || existsSync(join(root, 'cdktf.json'))) return true;
  const manifest = readJson(join(root, 'package.json')) as Manifest | undefined;
  const dependencies = { ...manifest?.dependencies, ...manifest?.devDependencies, ...manifest?.peerDependencies };
  return IAC_DEPENDENCIES.some(name => name in dependencies);
}

/** An IaC app package above `root` (not `root` itself), up to the filesystem root. */
function enclosingIacApp(root: string): string | undefined {
  for (let dir = dirname(root); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && isIacApp(dir)) return dir;
    if (existsSync(join(dir, '.git'))) return undefined;
  }
  return undefined;
}

/** Does the package's own tsconfig.json exclude `file` (a pattern naming it or a folder above it)? */
function excludedByTsconfig(root: string, file: string): boolean {
  const config = readJson(join(root, 'tsconfig.json')) as { exclude?: unknown } | undefined;
  if (!Array.isArray(config?.exclude)) return false;
  const path = relative(root, file).split(sep).join('/');
  const parts = path.split('/');
  const candidates = parts.map((_part, index) => parts.slice(0, index + 1).join('/'));
  return config.exclude
    .filter((pattern): pattern is string => typeof pattern === 'string')
    .map(pattern => new Minimatch(pattern.replace(/^\.\//, '').replace(/\/+$/, ''), { dot: true }))
    .some(matcher => candidates.some(candidate => matcher.match(candidate)));
}

/** Would `module` resolve from the package at `root`: declared in its package.json, or installed where Node finds it? */
function resolvesFrom(root: string, module: string): boolean {
  if (module.startsWith('.') || module.startsWith('/')) return true;
  const name = module.startsWith('@') ? module.split('/').slice(0, 2).join('/') : module.split('/')[0]!;
  const manifest = readJson(join(root, 'package.json')) as Manifest | undefined;
  if (name in { ...manifest?.dependencies, ...manifest?.devDependencies }) return true;
  try {
    createRequire(join(root, 'package.json')).resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

const known = new Map<string, string | undefined>();

/**
 * Why a rewrite that imports `runtimeModule` into `file` (a Lambda handler) is not safe to make
 * unattended, when the file is bundled apart from its package; undefined when it is not.
 */
export function bundledApartReason(file: string, runtimeModule: string): string | undefined {
  const root = projectRootOf(file);
  if (!root) return undefined;
  const key = `${file}\u0000${runtimeModule}`;
  if (known.has(key)) return known.get(key);
  let reason: string | undefined;
  if (isIacApp(root)) {
    reason = 'this Lambda handler belongs to an infrastructure-as-code app (CDK), whose bundler builds it at synth time: make sure the runtime import resolves there, then apply the fix by hand.';
  } else if (excludedByTsconfig(root, file)) {
    reason = "this Lambda handler is excluded by its package's tsconfig.json, so it is bundled apart from the package: make sure the runtime import resolves for that bundler, then apply the fix by hand.";
  } else if (enclosingIacApp(root) && !resolvesFrom(root, runtimeModule)) {
    reason = `this Lambda handler is bundled on its own from an infrastructure-as-code app (a CDK NodejsFunction entry), and ${runtimeModule} does not resolve from its package.json: add the dependency there, then apply the fix.`;
  }
  known.set(key, reason);
  return reason;
}
