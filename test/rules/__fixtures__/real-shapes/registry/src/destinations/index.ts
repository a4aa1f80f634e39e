// The registry loads each destination by its path: no import statement names them.
const manifest: Record<string, unknown> = {};

function register(id: string, destinationPath: string) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  manifest[id] = require(destinationPath).default;
}

register('kinesis', './kinesis');

export default manifest;
