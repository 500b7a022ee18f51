// Loads the room store, and Socket.IO with it, when it is first needed: a room's address, a device link,
// or creating or joining from the start page. A first visit to the start page loads none of it.
import { route } from './route.svelte.js';

type Room = (typeof import('./room.svelte.js'))['room'];

let loading: Promise<Room> | null = null;

/** The room store; on first use this page enters the room at its address (none, on the start page). */
export function loadRoom(): Promise<Room> {
  return (loading ??= import('./room.svelte.js').then(({ room }) => {
    room.enter(route.roomId);
    return room;
  }));
}

/** Enters the room the address names, or leaves it for the start page, once the store is in use. */
export function followAddress(roomId: string | null, needed: boolean): void {
  if (loading) void loading.then((room) => room.enter(roomId));
  else if (needed) void loadRoom();
}
