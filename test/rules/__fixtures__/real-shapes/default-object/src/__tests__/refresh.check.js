import { refreshIndex } from '../aws/refresh-index.js';

setInterval(refreshIndex, 10);
