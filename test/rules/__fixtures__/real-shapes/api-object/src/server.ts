import express from 'express';
import { createStsClient } from './sts-client';

const sts = createStsClient('eu-west-1');
const app = express();

const inputFor = (role: unknown) => ({ RoleArn: String(role), RoleSessionName: 'web' });

app.get('/credentials', async (request, response) => {
  response.json(await sts.assumeRole(inputFor(request.query.role)));
});

app.listen(3000);
