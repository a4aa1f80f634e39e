import { send } from './utils';

const action = {
  title: 'Send to Kinesis',
  perform: async (_request: unknown, { settings, payload }: { settings: { roleArn: string }; payload: unknown }) => {
    await send(settings.roleArn, [payload]);
  },
};

export default action;
