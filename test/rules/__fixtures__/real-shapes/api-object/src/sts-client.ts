import { AssumeRoleCommand, type AssumeRoleCommandInput, STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

export const createStsClient = (region: string) => {
  const client = new STSClient({ region });

  const assumeRole = (input: AssumeRoleCommandInput) => client.send(new AssumeRoleCommand(input));

  return { assumeRole };
};

export const createMechanism = () => ({
  authenticate: async () => fromNodeProviderChain()(),
});
