// The link that brings another device of the same person into a room: /device#room=…&code=…&k=…. Everything
// is in the fragment, which browsers never send to the server, so no request line or log holds the code or
// the room key. Read as named fields, so more can travel beside them without a new format.
import { isKeyText } from './room-link.js';

export const DEVICE_PATH = '/device';

export interface DeviceLink {
  roomId: string;
  /** The one-time transfer code (never a seat token). */
  code: string;
  /** The room key (a link made before rooms were sealed has none). */
  key: string | null;
}

const ROOM_ID = /^[A-Za-z0-9_-]{21,32}$/;
const CODE = /^[A-Za-z0-9_-]{22}$/;

export function deviceLink(origin: string, link: DeviceLink): string {
  const fields = new URLSearchParams({ room: link.roomId, code: link.code, ...(link.key ? { k: link.key } : {}) });
  return `${origin}${DEVICE_PATH}#${fields.toString()}`;
}

/** Reads a device link's fragment (with or without its '#'); null when a field is missing or malformed. Unknown fields are left alone. */
export function readDeviceLink(fragment: string): DeviceLink | null {
  const fields = new URLSearchParams(fragment.startsWith('#') ? fragment.slice(1) : fragment);
  const roomId = fields.get('room');
  const code = fields.get('code');
  const key = fields.get('k');
  if (!roomId || !ROOM_ID.test(roomId) || !code || !CODE.test(code) || (key !== null && !isKeyText(key))) return null;
  return { roomId, code, key };
}
