// The ESLint plugin object. Rules and configs are registered here as they land.
export const meta = { name: 'eslint-plugin-aws-credentials', version: '0.1.0' };

const plugin = { meta, rules: {}, configs: {} };
export default plugin;
