// The link that brings another device of the same person into a room: /device#room=…&code=…. Everything
// is in the fragment, which browsers never send to the server, so no request line or log holds the code.
// Read as named fields, so more can travel beside them later (issue 13: the room key) without a new format.

export const DEVICE_PATH = '/device';

export interface DeviceLink {
  roomId: string;
  /** The one-time transfer code (never a seat token). */
  code: string;
}

const ROOM_ID = /^[A-Za-z0-9_-]{21,32}$/;
const CODE = /^[A-Za-z0-9_-]{22}$/;

export function deviceLink(origin: string, link: DeviceLink): string {
  const fields = new URLSearchParams({ room: link.roomId, code: link.code });
  return `${origin}${DEVICE_PATH}#${fields.toString()}`;
}

/** Reads a device link's fragment (with or without its '#'); null when a field is missing or malformed. Unknown fields are left alone. */
export function readDeviceLink(fragment: string): DeviceLink | null {
  const fields = new URLSearchParams(fragment.startsWith('#') ? fragment.slice(1) : fragment);
  const roomId = fields.get('room');
  const code = fields.get('code');
  if (!roomId || !ROOM_ID.test(roomId) || !code || !CODE.test(code)) return null;
  return { roomId, code };
}
