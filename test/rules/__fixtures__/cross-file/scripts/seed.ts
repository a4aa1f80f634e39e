import { credentialsFor } from '../src/lib/aws.js';

const role = 'arn:aws:iam::111111111111:role/seed';
for (const table of ['a', 'b']) {
  credentialsFor(role);
  credentialsFor(table);
}
