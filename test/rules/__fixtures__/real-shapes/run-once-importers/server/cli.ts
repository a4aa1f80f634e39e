#!/usr/bin/env node
import { AccountCleaner } from './cleaner';

void new AccountCleaner().cleanAll(process.argv.slice(2));
