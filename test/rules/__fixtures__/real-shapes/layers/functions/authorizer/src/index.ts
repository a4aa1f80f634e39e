import * as Auth from '/opt/nodejs/node_modules/auth-service';

export const handler = async (event: { tenant: string; policy: string }) => {
  const sessions = new Auth.Helpers.SessionManagement(process.env.AWS_REGION!);
  return sessions.getSession(event.tenant, event.policy);
};
