import { credentialsFor } from '../src/lib/aws.js';

for (const role of ['a', 'b']) {
  credentialsFor(role);
}
