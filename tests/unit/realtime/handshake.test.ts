// The handshake: which origins may open a WebSocket, whose address a connection counts against, what
// a handshake's auth asks for, and that its tokens are gone from the socket once they have been checked.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { refuse } from '../../../shared/protocol.js';
import type { Room } from '../../../shared/room.js';
import { clientAddress, originAllowed, readSeatAuth, seatHandshake, type Handshake } from '../../../server/realtime/handshake.js';
import type { CloserSocket } from '../../../server/realtime/types.js';

const ROOM = 'V1StGXR8_Z5jdHi6B-myT';
const TOKEN = 'abcdefghijklmnopqrstuv';
const request = (headers: IncomingMessage['headers']) => ({ headers }) as IncomingMessage;

describe('origins', () => {
  it('a listed origin may connect, any other may not', () => {
    expect(originAllowed(request({ origin: 'https://closer.example' }), ['https://closer.example'])).toBe(true);
    expect(originAllowed(request({ origin: 'https://evil.example' }), ['https://closer.example'])).toBe(false);
  });

  it('with no list, only the page the server itself serves', () => {
    expect(originAllowed(request({ origin: 'http://localhost:3000', host: 'localhost:3000' }), null)).toBe(true);
    expect(originAllowed(request({ origin: 'http://evil.example', host: 'localhost:3000' }), null)).toBe(false);
    expect(originAllowed(request({ origin: 'not a url', host: 'localhost:3000' }), null)).toBe(false);
  });

  it('a client with no Origin (not a browser) may connect', () => {
    expect(originAllowed(request({}), ['https://closer.example'])).toBe(true);
  });
});

describe('client address', () => {
  const socket = { handshake: { address: '10.0.0.2', headers: { 'x-forwarded-for': '203.0.113.7, 10.0.0.1' } } };

  it("behind a trusted proxy, the first forwarded address; otherwise the connection's own", () => {
    expect(clientAddress(socket, true)).toBe('203.0.113.7');
    expect(clientAddress(socket, false)).toBe('10.0.0.2');
    expect(clientAddress({ handshake: { address: '10.0.0.2', headers: {} } }, true)).toBe('10.0.0.2');
  });
});

describe('what a handshake asks for', () => {
  it('no auth, or an empty one: a device with no seat yet', () => {
    for (const auth of [undefined, null, {}, 'x']) expect(readSeatAuth(auth)).toEqual({ kind: 'none' });
  });

  it('a room and one or two tokens: seats to resume', () => {
    expect(readSeatAuth({ roomId: ROOM, tokens: [TOKEN] })).toEqual({ kind: 'resume', auth: { roomId: ROOM, tokens: [TOKEN] } });
  });

  it('anything else is refused', () => {
    for (const auth of [{ roomId: ROOM }, { roomId: ROOM, tokens: [] }, { roomId: ROOM, tokens: [TOKEN, TOKEN, TOKEN] }, { tokens: [TOKEN] }]) {
      expect(readSeatAuth(auth)).toEqual({ kind: 'malformed' });
    }
  });
});

describe('the auth middleware', () => {
  const log = { error: () => undefined };
  const limits = { connection: async () => ({ ok: true as const }) };
  const handshakeOf = (auth: unknown) =>
    ({ id: 's1', data: {}, handshake: { auth, address: '127.0.0.1', headers: {} } }) as unknown as CloserSocket;
  const run = (handshake: Handshake, socket: CloserSocket) =>
    new Promise<Error | undefined>((resolve) => void handshake.middleware(socket, resolve));

  it('resumes the seats, hands them to the connection once, and keeps no token in the handshake', async () => {
    const handshake = seatHandshake({
      service: { resume: async (auth) => ({ ok: true, value: { stored: { version: 1, room: { id: auth.roomId } as Room }, seats: [0], devices: ['device-0'] } }) },
      limits,
      log,
      trustProxy: false,
    });
    const socket = handshakeOf({ roomId: ROOM, tokens: [TOKEN] });
    expect(await run(handshake, socket)).toBeUndefined();
    expect(socket.handshake.auth).toEqual({});
    expect(JSON.stringify(socket)).not.toContain(TOKEN);
    expect(handshake.takeResumed(socket)).toEqual({ roomId: ROOM, seats: [0], devices: ['device-0'] });
    expect(handshake.takeResumed(socket)).toBeUndefined();
  });

  it('a refused handshake keeps no token either', async () => {
    const handshake = seatHandshake({ service: { resume: async () => refuse('SEAT_REFUSED') }, limits, log, trustProxy: false });
    const socket = handshakeOf({ roomId: ROOM, tokens: [TOKEN] });
    expect(((await run(handshake, socket)) as Error & { data: unknown }).data).toMatchObject({ code: 'SEAT_REFUSED' });
    expect(socket.handshake.auth).toEqual({});
    expect(handshake.takeResumed(socket)).toBeUndefined();
  });
});
