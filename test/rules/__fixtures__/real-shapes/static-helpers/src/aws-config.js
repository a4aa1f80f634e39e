const AWS = require('aws-sdk');

function initAWS(identityPoolId = process.env.IDENTITY_POOL_ID) {
  AWS.config.credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: identityPoolId });
}

module.exports = { initAWS };
