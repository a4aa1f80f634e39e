const { fromIni } = require('@aws-sdk/credential-providers');
const { cacheCredentials } = require('eslint-plugin-aws-credentials/runtime');

const sharedIniCredentials = cacheCredentials(fromIni({ profile: 'dev' }));

// `iniCredentials` is a parameter below and `iniCredentialsDev` a global the page sets: the
// hoisted declaration takes a name that neither shadows nor is shadowed.
exports.handler = async () => {
  const credentials = sharedIniCredentials;
  return credentials();
};

exports.describe = (iniCredentials) => `${iniCredentials} ${globalThis.name} ${iniCredentialsDev}`;
