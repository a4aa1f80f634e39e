// The last word on every site's plan, whoever made it: a plan that is safe where it stands may
// still be unsafe in its file. A file that switches AWS_* variables by hand, an import name the
// file already uses for something else, a Lambda handler bundled apart from its package (a CDK
// app's): each turns the plan into a manual note with its reason, for suggestions and fix alike.
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scopes } from '../scopes.js';
import type { FixPlan } from '../types.js';
import { ENVIRONMENT_SWITCH_REASON, switchesAwsEnvironment } from './environment.js';
import { clashingImportName, importClashReason } from './import-names.js';
import { manual } from './plans.js';

export interface GuardContext {
  readonly program: TSESTree.Program;
  readonly scopes: Scopes;
  /** Why the file is bundled apart from its package (`AnalysisOptions.bundledApart`), if it is. */
  readonly bundledApart?: string;
  /** Is the site's file, or the code around it, a Lambda handler? Asked only when bundled apart. */
  readonly inLambdaHandler: () => boolean;
}

export function guardedPlan(fix: FixPlan, context: GuardContext): FixPlan {
  if (fix.kind === 'manual') return fix;
  if (switchesAwsEnvironment(context.program)) return manual(ENVIRONMENT_SWITCH_REASON);
  const clash = clashingImportName(fix, context.scopes);
  if (clash) return manual(importClashReason(clash));
  if (context.bundledApart && context.inLambdaHandler()) return manual(context.bundledApart);
  return fix;
}
