import express from 'express';
import { AccountCleaner } from './cleaner';

const app = express();
const cleaner = new AccountCleaner();
app.post('/clean', async (req, res) => {
  await cleaner.cleanAll(req.body.accounts);
  res.end();
});
app.listen(3000);
