// A DI container: `get` hands back an instance of whatever class it is given.
export const container = {
  get<T>(token: new () => T): T {
    return new token();
  },
};
