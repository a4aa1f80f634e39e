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
