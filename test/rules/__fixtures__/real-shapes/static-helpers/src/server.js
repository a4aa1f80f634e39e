const express = require('express');
const { User } = require('./user');
const Tokens = require('./tokens');

const app = express();

app.post('/login', async (req, res) => {
  res.json(await User.verifyAccount(req.body));
});

app.post('/reset', async (req, res) => {
  res.json(await User.resetPassword(req.body));
});

app.get('/token', async (req, res) => {
  res.json(await Tokens.retrieve(req.query.uid));
});

app.listen(3000);

const Youtube = require('./youtube');
const AwsConfig = require('./aws-config');

app.get('/youtube-url', async (req, res) => {
  res.json({ url: await Youtube.generateUrl(req.query.uid) });
});

app.post('/sign-up', async (req, res) => {
  AwsConfig.initAWS();
  res.end();
});
