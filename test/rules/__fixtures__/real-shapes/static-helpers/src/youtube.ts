// A stale TypeScript copy beside youtube.js: Node's require('./youtube') loads the .js file.
export class Youtube {
  generateUrl(uid: string): string {
    return uid;
  }
}
