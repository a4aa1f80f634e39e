/* eslint-disable */
// @ts-nocheck
// IAM database authentication: a token per new connection.
import { Signer } from '@aws-sdk/rds-signer';
import { Pool } from 'pg';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

const chain = fromNodeProviderChain(); // ok: module scope

export const pool = new Pool({
  host: process.env.DB_HOST,
  user: 'app',
  password: async () => {
    const signer = new Signer({ hostname: process.env.DB_HOST, port: 5432, username: 'app' }); // expect: no-per-request-client
    return signer.getAuthToken();
  },
});

export const sharedPool = new Pool({
  host: process.env.DB_HOST,
  password: () => new Signer({ hostname: process.env.DB_HOST, port: 5432, username: 'app', credentials: chain }).getAuthToken(), // ok: self-caching chain shared
});

const moduleSigner = new Signer({ hostname: process.env.DB_HOST, port: 5432, username: 'ro' }); // ok: module scope
export const readOnly = new Pool({ password: () => moduleSigner.getAuthToken() });
