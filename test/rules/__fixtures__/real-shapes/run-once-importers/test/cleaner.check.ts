// A test (by its folder): runs once per test run.
import { AccountCleaner } from '../src/cleaner';

export async function cleans(): Promise<void> {
  await new AccountCleaner().cleanAll([]);
}
