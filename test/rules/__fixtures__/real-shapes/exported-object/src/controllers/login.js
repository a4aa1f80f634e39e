const helpers = require('../utils/sts');

const loginController = {};

loginController.exchange = async (req, res, next) => {
  res.locals.credentials = await helpers.assumeCustomerRole(req.body.roleArn, req.body.externalId);
  return next();
};

module.exports = loginController;
