// Whether this page has been connected to the server at least once, and whether the device says it has a
// network at all. The room store (room.svelte.ts) keeps the first; NetworkNote reads it here, since
// importing the room store would bring Socket.IO into the start page's first load (tests/e2e/bundle.test.ts
// holds that load to 40 KB).
export const connection = $state({ everConnected: false, online: navigator.onLine });

addEventListener('online', () => (connection.online = true));
addEventListener('offline', () => (connection.online = false));
