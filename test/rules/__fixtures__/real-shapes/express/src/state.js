const getCreds = require('./creds/imds');

async function getState() {
  const creds = await getCreds();
  return creds.AccessKeyId;
}

module.exports = getState;
