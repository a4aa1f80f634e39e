import * as Helpers from './helpers';

export { Helpers };
