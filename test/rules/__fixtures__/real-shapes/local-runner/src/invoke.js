import { handler } from './handler.js';

const results = [];
for (let id = 0; id < 3; id += 1) results.push(await handler({ id }));
console.log(results);
