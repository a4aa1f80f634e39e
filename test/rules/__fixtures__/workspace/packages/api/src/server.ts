import express from 'express';
import { bucketClient } from '@acme/core';

const app = express();
app.get('/objects', (req, res) => {
  const s3 = bucketClient(String(req.query.region));
  res.json(s3.config);
});
