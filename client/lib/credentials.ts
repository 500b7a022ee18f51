// Seat tokens kept on this device, per room, each room's key beside them. The tokens go only into the socket
// handshake, never a URL; the key never leaves the browser except inside the links the person shares.
import type { Credential } from '../../shared/protocol.js';

const KEY = 'closer.rooms';

export interface SavedRoom {
  credentials: Credential[];
  /** The room key (base64url), which opens the room's sealed values. Absent: a room made before sealing. */
  key?: string;
  /** Names seen last time, so the home page can offer "back to your room with …". */
  names: string[];
  savedAt: number;
}

function readAll(): Record<string, SavedRoom> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, SavedRoom>) : {};
  } catch {
    return {};
  }
}

function writeAll(rooms: Record<string, SavedRoom>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(rooms));
  } catch {
    // Private mode or full storage: the seat still works until the tab closes.
  }
}

export function savedRoom(roomId: string): SavedRoom | null {
  return readAll()[roomId] ?? null;
}

export function savedRooms(): [string, SavedRoom][] {
  return Object.entries(readAll()).sort(([, a], [, b]) => b.savedAt - a.savedAt);
}

export function saveCredentials(roomId: string, credentials: Credential[], key: string | null = null): void {
  const rooms = readAll();
  const known = rooms[roomId]?.credentials.filter((c) => !credentials.some((n) => n.seat === c.seat)) ?? [];
  const kept = key ?? rooms[roomId]?.key;
  rooms[roomId] = { credentials: [...known, ...credentials], ...(kept ? { key: kept } : {}), names: rooms[roomId]?.names ?? [], savedAt: Date.now() };
  writeAll(rooms);
}

export function saveNames(roomId: string, names: string[]): void {
  const rooms = readAll();
  const room = rooms[roomId];
  if (!room) return;
  room.names = names;
  writeAll(rooms);
}

export function forgetRoom(roomId: string): void {
  const rooms = readAll();
  delete rooms[roomId];
  writeAll(rooms);
}
