/** `from '…'`, `require('…')`, `import('…')`: the specifiers a file names, read from its text. */
export const SPECIFIER = /\b(?:from|require|import)\s*\(?\s*['"]([^'"\n]+)['"]/g;
