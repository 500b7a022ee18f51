// What a notification needs from this device, kept in IndexedDB so the service worker can read it: per
// room, the opened names by seat and which seats this device holds. Written only while notifications are
// on for the room (lib/Notifications.svelte), deleted when they are turned off and when the room is
// forgotten here (erase, leave). The server's pushes carry only an event kind, a seat and the room id.
import type { SeatIndex } from '../../shared/core.js';

export interface NotifiedRoom {
  roomId: string;
  /** Opened names by seat ('' where a seat is empty). */
  names: [string, string];
  /** This device's seats in the room. */
  seats: SeatIndex[];
}

const DB = 'closer';
const STORE = 'notified-rooms';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'roomId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open.'));
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = act(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB refused.'));
    });
  } finally {
    db.close();
  }
}

export function keepNotifiedRoom(room: NotifiedRoom): Promise<unknown> {
  return run('readwrite', (store) => store.put(room)).catch(() => undefined);
}

export function notifiedRoom(roomId: string): Promise<NotifiedRoom | null> {
  return run<NotifiedRoom | undefined>('readonly', (store) => store.get(roomId) as IDBRequest<NotifiedRoom | undefined>)
    .then((room) => room ?? null)
    .catch(() => null);
}

export function forgetNotifiedRoom(roomId: string): Promise<unknown> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return run('readwrite', (store) => store.delete(roomId)).catch(() => undefined);
}

/** The room moved to a new id (the other person was removed): its names go with it, the removed seat's left out. */
export function moveNotifiedRoom(from: string, to: string, removed: SeatIndex): Promise<unknown> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return notifiedRoom(from)
    .then(async (room) => {
      if (room) await keepNotifiedRoom({ roomId: to, names: removed === 0 ? ['', room.names[1]] : [room.names[0], ''], seats: room.seats.filter((s) => s !== removed) });
      await forgetNotifiedRoom(from);
    })
    .catch(() => undefined);
}
