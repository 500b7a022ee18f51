// The two places the app can be: home, or a room at /r/<roomId>. Plain history API, no router needed.
const ROOM_PATH = /^\/r\/([A-Za-z0-9_-]{21,32})\/?$/;

class Route {
  path = $state(location.pathname);
  roomId = $derived(ROOM_PATH.exec(this.path)?.[1] ?? null);
  /** An address that starts like a room link but is not one (cut short when copied, say). */
  brokenLink = $derived(this.path.startsWith('/r/') && this.roomId === null);

  /** Counts links opened in place: a room link pasted where the same room is open changes only the fragment (its key). */
  visits = $state(0);

  constructor() {
    addEventListener('popstate', () => (this.path = location.pathname));
    addEventListener('hashchange', () => (this.visits += 1));
  }

  go(path: string, replace = false): void {
    if (path === this.path) return;
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    this.path = path;
  }
}

export const route = new Route();
