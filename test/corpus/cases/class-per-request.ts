/* eslint-disable */
// @ts-nocheck
// A report service instantiated per request by a route; another instantiated once.
import express from 'express';
import { AthenaClient, StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import { GlueClient } from '@aws-sdk/client-glue';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

class ReportService {
  private readonly athena: AthenaClient;
  private readonly glue = new GlueClient({}); // expect: no-per-request-client

  constructor(private readonly roleArn: string) {
    this.athena = new AthenaClient({
      credentials: fromTemporaryCredentials({ params: { RoleArn: roleArn } }), // expect: no-per-request-credential-provider
    });
  }

  run(sql: string) {
    return this.athena.send(new StartQueryExecutionCommand({ QueryString: sql }));
  }
}

class CatalogService {
  readonly glue = new GlueClient({ region: 'us-east-1' }); // ok: class instantiated once at module scope
  readonly athena: AthenaClient;
  constructor() {
    this.athena = new AthenaClient({ credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.CATALOG_ROLE } }) }); // ok: class instantiated once at module scope
  }
}

export const catalog = new CatalogService();
const app = express();

app.post('/reports', async (req, res) => {
  const service = new ReportService(req.user.roleArn);
  res.json(await service.run(req.body.sql));
});
