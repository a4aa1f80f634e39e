import express from 'express';
import { CLEANER_ROLE, type CleanResult } from './cleaner';

const app = express();
app.get('/role', (req, res) => {
  const result: CleanResult = { accountId: String(req.query.account) };
  res.json({ role: CLEANER_ROLE, result });
});
app.listen(3000);
