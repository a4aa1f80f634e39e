import { main } from './assume.js';

setInterval(async () => {
  await main();
}, 15 * 60 * 1000);
