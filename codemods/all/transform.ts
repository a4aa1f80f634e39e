// jscodeshift transform: every rule's fix plans. Usage:
//   npx jscodeshift --parser=tsx -t node_modules/eslint-plugin-aws-credentials/codemods/all src
import { makeTransform } from '../shared/make-transform.js';

const transform = makeTransform('all');

export default transform;
