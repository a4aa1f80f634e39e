// Cross-file knowledge for per-file rules and the codemods: where imports lead, what each
// project module's exports create per call, and a file's path inside its project.
export { lookupFor } from './summaries.js';
export { projectPathOf, projectRootOf } from './project-root.js';
export { resolveModule } from './resolve-module.js';
export { isLambdaPackage } from './deploy-target.js';
export { bundledApartReason } from './bundled-apart.js';
