// A local function that happens to be called fromIni is not the SDK's.
function fromIni(options) {
  return async () => ({ accessKeyId: options.profile, secretAccessKey: 'x' });
}

export async function handler() {
  return fromIni({ profile: 'local' })();
}
