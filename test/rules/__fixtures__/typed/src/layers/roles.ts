export { credentialsFor as roleCredentials } from '../credentials.js';
