import { Helpers } from './src';

export { Helpers };
