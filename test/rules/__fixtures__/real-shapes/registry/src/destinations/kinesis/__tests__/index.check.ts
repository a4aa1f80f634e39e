import action from '../index';

test('perform', async () => {
  await action.perform(undefined, { settings: { roleArn: 'arn:aws:iam::1:role/r' }, payload: {} });
});
