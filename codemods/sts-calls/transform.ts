// jscodeshift transform: the fix plans of the rule for this folder. Usage:
//   npx jscodeshift --parser=tsx -t node_modules/eslint-plugin-aws-credentials/codemods/sts-calls src
import { makeTransform } from '../shared/make-transform.js';

const transform = makeTransform('sts-calls');

export default transform;
