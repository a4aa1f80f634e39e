const express = require('express');
const aws = require('./aws');

const router = express.Router();

router.post('/forgot', async (req, res) => {
  await aws.sendMail(req.body.email, 'reset');
  res.end();
});

module.exports = router;
