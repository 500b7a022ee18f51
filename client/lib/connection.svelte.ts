// Whether this page has been connected to the server at least once. The room store (room.svelte.ts) keeps
// it; NetworkNote reads it here, since importing the room store would bring Socket.IO into the start page's
// first load (tests/e2e/bundle.test.ts holds that load to 40 KB).
export const connection = $state({ everConnected: false });
