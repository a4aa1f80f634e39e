const { fromIni } = require('@aws-sdk/credential-providers');

// `iniCredentials` is a parameter below and `iniCredentialsDev` a global the page sets: the
// hoisted declaration takes a name that neither shadows nor is shadowed.
exports.handler = async () => {
  const credentials = fromIni({ profile: 'dev' });
  return credentials();
};

exports.describe = (iniCredentials) => `${iniCredentials} ${globalThis.name} ${iniCredentialsDev}`;
