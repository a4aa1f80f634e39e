const { createClient } = require('./db');

class Tokens {
  static async retrieve(uid) {
    return createClient().send({ uid });
  }
}

module.exports = Tokens;
