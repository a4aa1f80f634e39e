import express from 'express';
import { whoAmI } from './cleaner';

const app = express();
app.get('/me', async (req, res) => {
  res.json(await whoAmI());
});
app.listen(3000);
