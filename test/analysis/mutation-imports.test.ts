// Where and how a fix imports the runtime (fix-plan/imports.ts): merged into an existing import or
// destructured require, a new statement after the last import in the file's quote and semicolon
// style, after a shebang, before a leading comment, and in files with no statement at all.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/analysis/index.js';
import { runtimeImportEdit } from '../../src/analysis/fix-plan/imports.js';
import { fixAll, lines } from './support.js';

const RUNTIME = 'eslint-plugin-aws-credentials/runtime';

function fixed(code: string, file: string): string {
  const output = fixAll(code, file);
  expect(() => parseSource(output, file)).not.toThrow();
  return output;
}

describe('runtime imports of a fix', () => {
  it('merged into a destructured require of the runtime', () => {
    const code = lines("const { fromIni } = require('@aws-sdk/credential-providers');", `const { cacheCredentials } = require('${RUNTIME}');`, 'exports.handler = async (e) => fromIni({ profile: e.p });');
    expect(fixed(code, 'a.cjs')).toBe(
      lines(
        "const { fromIni } = require('@aws-sdk/credential-providers');",
        `const { cacheCredentials, sharedCredentials } = require('${RUNTIME}');`,
        "exports.handler = async (e) => sharedCredentials({ source: 'fromIni', profile: e.p }, () => fromIni({ profile: e.p }));",
      ),
    );
  });

  it('nothing added when the require already has the name', () => {
    const code = lines("const { fromIni } = require('@aws-sdk/credential-providers');", `const { cacheCredentials } = require('${RUNTIME}');`, 'exports.handler = async () => fromIni();');
    expect(fixed(code, 'a.cjs')).toBe(
      lines("const { fromIni } = require('@aws-sdk/credential-providers');", `const { cacheCredentials } = require('${RUNTIME}');`, 'const iniCredentials = cacheCredentials(fromIni());', '', 'exports.handler = async () => iniCredentials;'),
    );
  });

  it('merged into an existing import; a type-only import is not reused', () => {
    const merged = lines("import { fromIni } from '@aws-sdk/credential-providers';", `import { cacheCredentials } from '${RUNTIME}';`, 'export const handler = async (e) => fromIni({ profile: e.p });');
    expect(fixed(merged, 'a.mjs')).toContain(`import { cacheCredentials, sharedCredentials } from '${RUNTIME}';\nexport const handler`);
    const typeOnly = lines("import { fromIni } from '@aws-sdk/credential-providers';", `import type { CachedCredentialProvider } from '${RUNTIME}';`, 'export const handler = async () => fromIni();');
    expect(fixed(typeOnly, 'a.ts')).toBe(
      lines(
        "import { fromIni } from '@aws-sdk/credential-providers';",
        `import type { CachedCredentialProvider } from '${RUNTIME}';`,
        `import { cacheCredentials } from '${RUNTIME}';`,
        'const iniCredentials = cacheCredentials(fromIni());',
        '',
        'export const handler = async () => iniCredentials;',
      ),
    );
  });

  it('in the file\'s style: double quotes, no semicolons', () => {
    const code = lines('import { fromIni } from "@aws-sdk/credential-providers"', 'export const handler = async () => fromIni()');
    expect(fixed(code, 'a.mjs')).toBe(
      lines('import { fromIni } from "@aws-sdk/credential-providers"', `import { cacheCredentials } from "${RUNTIME}"`, 'const iniCredentials = cacheCredentials(fromIni())', '', 'export const handler = async () => iniCredentials'),
    );
  });

  it('CommonJS recognised by module.exports, after a shebang', () => {
    const code = lines('#!/usr/bin/env node', "const { fromIni } = require('@aws-sdk/credential-providers')", 'module.exports.handler = async () => fromIni()');
    expect(fixed(code, 'a.js')).toBe(
      lines(
        '#!/usr/bin/env node',
        "const { fromIni } = require('@aws-sdk/credential-providers')",
        `const { cacheCredentials } = require('${RUNTIME}')`,
        'const iniCredentials = cacheCredentials(fromIni())',
        '',
        'module.exports.handler = async () => iniCredentials',
      ),
    );
  });

  it('after a TypeScript import-equals', () => {
    const code = lines("import cp = require('@aws-sdk/credential-providers');", 'export const handler = async () => cp.fromIni();');
    expect(fixed(code, 'a.ts')).toBe(
      lines("import cp = require('@aws-sdk/credential-providers');", `import { cacheCredentials } from '${RUNTIME}';`, 'const iniCredentials = cacheCredentials(cp.fromIni());', '', 'export const handler = async () => iniCredentials;'),
    );
  });
});

describe('runtimeImportEdit on files with no import', () => {
  const edit = (text: string, names: string[]) => runtimeImportEdit(parseSource(text, 'a.mjs').ast, text, 'm', names);
  it('an empty file: the import, with a semicolon', () => {
    expect(edit('', ['b', 'a', 'b'])).toEqual({ range: [0, 0], text: "import { a, b } from 'm';\n", isImport: true });
  });
  it('directives only: after them', () => {
    expect(edit("'use strict';\n", ['a'])).toEqual({ range: [14, 14], text: "import { a } from 'm';\n", isImport: true });
    expect(edit("'use strict';", ['a'])).toEqual({ range: [13, 13], text: "\nimport { a } from 'm'\n", isImport: true }); // no `;\n` in the file: no semicolon
  });
  it('before the first statement, and its comment, in the file\'s semicolon style', () => {
    expect(edit('x', ['a'])).toEqual({ range: [0, 0], text: "import { a } from 'm'\n\n", isImport: true });
    expect(edit("'use strict';\n/** doc */\nx;\ny;\n", ['a'])).toEqual({ range: [14, 14], text: "import { a } from 'm';\n\n", isImport: true });
    expect(edit("/* header */\n\nx;\n", ['a'])).toEqual({ range: [14, 14], text: "import { a } from 'm';\n\n", isImport: true });
  });
  it('no names, no edit', () => {
    expect(edit('x', [])).toBeUndefined();
  });
});
