const express = require('express');
const getState = require('./state');

const app = express();
app.get('/state', async (request, response) => {
  response.send(await getState());
});
app.listen(3000);
