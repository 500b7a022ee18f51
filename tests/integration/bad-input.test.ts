// Every payload is checked: a wrong one gets a typed error, the socket stays usable, the server stays up.
import { nanoid } from 'nanoid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../server/store/memory.js';
import type { RunningServer } from '../../server/server.js';
import { MAX_MESSAGE_BYTES } from '../../server/realtime/index.js';
import { cid, client, connected, eventually, startTestServer, type Client } from '../support/server.js';
import { fakeSealed, TEST_SEAL } from '../support/sealed.js';
import { SEALED_SIZES, toBase64Url } from '../../shared/sealed/seal.js';

describe('bad input', () => {
  let server: RunningServer;
  const open: Client[] = [];
  const connect = (headers: Record<string, string> = {}) => {
    const c = client(server.url, {}, headers);
    open.push(c);
    return c;
  };
  /** Sends any payload, bypassing the typed event map, as a misbehaving client would. */
  const raw = (c: Client, event: string, payload: unknown) =>
    (c.socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<unknown> } })
      .timeout(2_000)
      .emitWithAck(event, payload);

  beforeAll(async () => {
    server = await startTestServer(new MemoryStore(), { allowedOrigins: ['https://closer.example'] });
  });
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
  });
  afterAll(() => server.close());

  it('a malformed payload gets BAD_REQUEST and the socket keeps working', async () => {
    const c = connect();
    await connected(c);
    const bad: [string, unknown][] = [
      ['room:create', null],
      ['room:create', 'hello'],
      ['room:create', { commandId: cid(), name: 42, audience: 'partners', mode: 'two-devices', seal: TEST_SEAL }],
      ['room:create', { commandId: cid(), name: fakeSealed('Ada'), audience: 'strangers', mode: 'two-devices', seal: TEST_SEAL }],
      ['room:create', { commandId: 'x', name: fakeSealed('Ada'), audience: 'partners', mode: 'two-devices', seal: TEST_SEAL }],
      ['room:join', { commandId: cid(), roomId: '../../etc', name: fakeSealed('Eve') }],
      ['room:peek', { roomId: { $gt: '' } }],
      ['room:command', { commandId: cid(), seat: 7, command: { type: 'remove-partner' } }],
      ['room:command', { commandId: cid(), seat: 0, command: { type: 'drop-tables' } }],
      ['room:erase', []],
      ['device:offer', { seat: 2 }],
      ['device:claim', { commandId: cid(), roomId: 'short', code: 'x' }],
      ['device:claim', { commandId: cid(), roomId: nanoid(), code: 'x'.repeat(65) }],
      ['room:command', { commandId: cid(), seat: 0, command: { type: 'sign-out-device', device: 7 } }],
    ];
    for (const [event, payload] of bad) {
      const answer = await raw(c, event, payload);
      expect(answer, `${event} ${JSON.stringify(payload)}`).toEqual({
        ok: false,
        error: { code: 'BAD_REQUEST', message: expect.any(String) },
      });
    }
    const good = await c.socket.emitWithAck('room:peek', { roomId: nanoid() });
    expect(good.ok ? '' : good.error.code).toBe('ROOM_NOT_FOUND');
  });

  it('a name must be a sealed value: bad base64, an unknown version, a wrong or too large size are refused, and nothing is made', async () => {
    const c = connect();
    await connected(c);
    const good = fakeSealed('Ada');
    const withVersion = (version: number) => `${toBase64Url(new Uint8Array([version]))}`.slice(0, 2) + good.slice(2);
    const cases: [string, string][] = [
      ['Ada', 'That sealed value has the wrong length.'],
      [good.slice(0, -4), 'That sealed value has the wrong length.'],
      [`${good.slice(0, -1)}!`, 'A sealed value must be base64url text.'],
      [`${good.slice(0, -2)}==`, 'A sealed value must be base64url text.'],
      [withVersion(2), 'That sealed value has an unknown version.'],
      [fakeSealed('Ada', SEALED_SIZES[3]!), 'That sealed value is larger than this field allows.'],
      ['A'.repeat(8_000), 'That sealed value is larger than this field allows.'],
      ['', 'A sealed value must be base64url text.'],
    ];
    for (const [name, message] of cases) {
      const answer = await c.socket.emitWithAck('room:create', { commandId: cid(), name, audience: 'partners', mode: 'two-devices', seal: TEST_SEAL });
      expect(answer, name.slice(0, 20)).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message } });
    }
    const badCheck = await c.socket.emitWithAck('room:create', { commandId: cid(), name: good, audience: 'partners', mode: 'two-devices', seal: { ...TEST_SEAL, check: 'x' } });
    expect(badCheck.ok ? '' : badCheck.error.code).toBe('BAD_REQUEST');
    const badJoin = await c.socket.emitWithAck('room:join', { commandId: cid(), roomId: nanoid(), name: 'Eve' });
    expect(badJoin.ok ? '' : badJoin.error.message).toMatch(/^That sealed value/);
    expect(c.snapshots).toEqual([]);
    const made = await c.socket.emitWithAck('room:create', { commandId: cid(), name: good, audience: 'partners', mode: 'two-devices', seal: TEST_SEAL });
    expect(made.ok).toBe(true);
    await eventually(() => expect(c.snapshots[0]?.view.seats[0]).toEqual({ name: good }));
  });

  it('commands from a socket with no seat get NOT_SEATED', async () => {
    const c = connect();
    await connected(c);
    const answer = await c.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'renew-invite' } });
    expect(answer.ok ? '' : answer.error.code).toBe('NOT_SEATED');
    const erase = await c.socket.emitWithAck('room:erase', { commandId: cid() });
    expect(erase.ok ? '' : erase.error.code).toBe('NOT_SEATED');
    const offer = await c.socket.emitWithAck('device:offer', { seat: 0 });
    expect(offer.ok ? '' : offer.error.code).toBe('NOT_SEATED');
  });

  it('an unknown event with an ack is answered BAD_REQUEST', async () => {
    const c = connect();
    await connected(c);
    expect(await raw(c, 'room:hack', { x: 1 })).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Unknown event.' } });
  });

  it('a payload over 16 KiB closes that connection, and the server keeps serving others', async () => {
    const c = connect();
    await connected(c);
    c.socket.io.reconnection(false);
    const closed = new Promise<string>((resolve) => c.socket.once('disconnect', (reason) => resolve(reason)));
    c.socket.emit('room:peek', { roomId: 'x'.repeat(MAX_MESSAGE_BYTES + 10) }, () => undefined);
    expect(await closed).toBe('transport close');
    const other = connect();
    await connected(other);
    const answer = await other.socket.emitWithAck('room:peek', { roomId: nanoid() });
    expect(answer.ok ? '' : answer.error.code).toBe('ROOM_NOT_FOUND');
  });

  it('a WebSocket from an origin not in the allowed list is refused at the handshake', async () => {
    const evil = connect({ origin: 'https://evil.example' });
    evil.socket.io.reconnection(false);
    await expect(connected(evil)).rejects.toThrow();
    expect(evil.received).toEqual([]);
    const ok = connect({ origin: 'https://closer.example' });
    await connected(ok);
  });
});
