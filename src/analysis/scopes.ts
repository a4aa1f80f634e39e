// Finding the variable an identifier refers to, with only the scope-manager API that eslint-scope
// and @typescript-eslint/scope-manager share.
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManagerLike } from './types.js';

export interface ScopeLike {
  readonly type: string;
  readonly block: TSESTree.Node;
  readonly upper: ScopeLike | null;
  readonly set: Map<string, VariableLike>;
  readonly variables: readonly VariableLike[];
  readonly childScopes: readonly ScopeLike[];
}

export interface DefinitionLike {
  readonly type: string;
  readonly node: TSESTree.Node;
  readonly name: TSESTree.Identifier;
  readonly parent?: TSESTree.Node | null;
}

export interface ReferenceLike {
  readonly identifier: TSESTree.Identifier | TSESTree.JSXIdentifier;
  isWrite(): boolean;
  readonly init?: boolean;
}

export interface VariableLike {
  readonly name: string;
  readonly defs: readonly DefinitionLike[];
  readonly references: readonly ReferenceLike[];
  readonly scope: ScopeLike;
}

export class Scopes {
  constructor(private readonly manager: ScopeManagerLike) {}

  get global(): ScopeLike {
    return this.manager.globalScope as ScopeLike;
  }

  /** The innermost scope that contains `node`. */
  scopeOf(node: TSESTree.Node): ScopeLike {
    for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
      const scope = this.manager.acquire(current, true) as ScopeLike | null;
      if (scope) {
        // A function's name and parameters are not in its body's block scope; acquire covers both.
        return scope;
      }
    }
    return this.global;
  }

  findVariable(identifier: TSESTree.Identifier): VariableLike | undefined {
    for (let scope: ScopeLike | null = this.scopeOf(identifier); scope; scope = scope.upper) {
      const variable = scope.set.get(identifier.name);
      if (variable) return variable;
    }
    return undefined;
  }

  declaredVariables(node: TSESTree.Node): readonly VariableLike[] {
    const manager = this.manager as unknown as { getDeclaredVariables?(node: unknown): VariableLike[] };
    return manager.getDeclaredVariables?.(node) ?? [];
  }

  /**
   * Module scope, the global scope of scripts, or the function scope eslint-scope wraps CommonJS
   * files in (`sourceType: 'commonjs'` / `globalReturn`): its block is the Program itself.
   */
  isModuleLevel(scope: ScopeLike): boolean {
    return scope.type === 'module' || scope.type === 'global' || scope.block?.type === 'Program';
  }

  /**
   * The declared variables called `name` in every scope, and whether the file reads or writes a
   * `name` that no scope declares (a global).
   */
  bindingsNamed(name: string): { variables: VariableLike[]; global: boolean } {
    const variables: VariableLike[] = [];
    let global = false;
    for (const scope of this.manager.scopes as readonly ScopeLike[]) {
      const variable = scope.set.get(name);
      if (variable && variable.defs.length > 0) variables.push(variable);
    }
    for (const reference of (this.global as unknown as { through: readonly ReferenceLike[] }).through ?? []) {
      if (reference.identifier.name === name) global = true;
    }
    return { variables, global };
  }

  /** Every name declared anywhere in the file, to pick names that collide with nothing. */
  allNames(): Set<string> {
    const names = new Set<string>();
    for (const scope of this.manager.scopes as readonly ScopeLike[]) {
      for (const variable of scope.variables) names.add(variable.name);
      for (const reference of (scope as unknown as { through: readonly ReferenceLike[] }).through ?? []) names.add(reference.identifier.name);
    }
    return names;
  }
}
