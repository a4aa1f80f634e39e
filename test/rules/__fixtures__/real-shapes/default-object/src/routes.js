import express from 'express';
import getObject from './aws/get-object.js';
import { refreshIndex } from './aws/refresh-index.js';

const router = express.Router();
router.post('/object', (req, res) => {
  getObject.get(req.body.key).then((object) => res.json(object));
});
setInterval(refreshIndex, 60_000);
export const traced = trace(refreshIndex);

export default router;
