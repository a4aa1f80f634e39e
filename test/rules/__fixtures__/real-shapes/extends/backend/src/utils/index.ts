export { getRoleCredentials } from './role-credentials';
