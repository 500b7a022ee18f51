// The handshake: which origins may open a WebSocket, whose address a connection counts against, and
// what a handshake's auth asks for.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, originAllowed, readSeatAuth } from '../../../server/realtime/handshake.js';

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
