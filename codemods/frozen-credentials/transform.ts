// jscodeshift transform: the fix plans of the rule for this folder. Usage:
//   npx jscodeshift --parser=tsx -t node_modules/eslint-plugin-aws-credentials/codemods/frozen-credentials src
import { makeTransform } from '../shared/make-transform.js';

const transform = makeTransform('frozen-credentials');

export default transform;
