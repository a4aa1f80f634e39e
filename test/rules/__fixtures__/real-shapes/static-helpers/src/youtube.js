const { createClient } = require('./db');

class Youtube {
  async generateUrl(uid) {
    await createClient().send({ uid });
    return `https://example.test/${uid}`;
  }
}

module.exports = new Youtube();
