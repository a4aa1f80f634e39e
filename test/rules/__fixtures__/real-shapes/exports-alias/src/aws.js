const { SESClient, SendEmailCommand } = require('@aws-sdk/client-ses');
const self = module.exports;

self.sendMail = async (to, body) => {
  const ses = new SESClient({ region: process.env.AWS_REGION });
  return ses.send(new SendEmailCommand({ Destination: { ToAddresses: [to] }, Message: body }));
};
