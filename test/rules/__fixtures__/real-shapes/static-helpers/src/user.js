const { createClient } = require('./db');

class User {
  static async findAccount(info) {
    const client = createClient();
    return [await client.send(info), client];
  }

  static async verifyAccount(info) {
    const [found] = await this.findAccount(info);
    return found;
  }

  static async resetPassword(info) {
    const [found] = await this.findAccount(info);
    return found;
  }
}

module.exports = { User };
