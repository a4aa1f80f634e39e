// The command-line program: one run per command.
import yargs from 'yargs';
import { AccountCleaner } from './cleaner';

const argv = yargs(process.argv.slice(2)).option('accounts', { type: 'array' }).parseSync();
void new AccountCleaner().cleanAll((argv.accounts ?? []).map(String));
