// Every acknowledged emit to a known event is answered, whatever its arguments: the ack is the last
// argument, the input the single one before it, and any other shape gets BAD_REQUEST, never silence.
import fc from 'fast-check';
import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, type ClientToServerEvents } from '../../shared/protocol.js';
import { CLIENT_EVENTS, type ClientEvent } from '../../server/realtime/handlers.js';
import type { RunningServer } from '../../server/server.js';
import { MemoryStore } from '../../server/store/memory.js';
import { cid, client, connected, startTestServer, type Client } from '../support/server.js';
import { fakeSealed, TEST_SEAL } from '../support/sealed.js';

/** A payload each event would accept on its own, so a refusal below is about the shape alone. */
const VALID: { [E in ClientEvent]: Parameters<ClientToServerEvents[E]>[0] } = {
  'room:create': { commandId: cid(), name: fakeSealed('Ada'), audience: 'partners', mode: 'two-devices', seal: TEST_SEAL },
  'room:peek': { roomId: nanoid() },
  'room:join': { commandId: cid(), roomId: nanoid(), name: fakeSealed('Grace') },
  'key:ask': { code: 'ABCD-EFGH', sid: 's'.repeat(22), share: 'y'.repeat(43) },
  'key:give': { sid: 's'.repeat(22), share: 'y'.repeat(43), box: 'b'.repeat(60) },
  'room:join-by-code': { commandId: cid(), code: 'ABCD-EFGH', name: fakeSealed('Grace') },
  'room:command': { commandId: cid(), seat: 0, command: { type: 'ready' } },
  'memories:page': { version: 0, before: null },
  'room:visibility': { hidden: true },
  'room:erase': { commandId: cid() },
  'device:offer': { seat: 0 },
  'device:claim': { commandId: cid(), roomId: nanoid(), code: 'c'.repeat(22) },
  'push:key': {},
  'push:subscribe': { endpoint: 'https://push.example.com/x', keys: { p256dh: 'p'.repeat(87), auth: 'a'.repeat(22) } },
  'push:unsubscribe': {},
};
const EVENTS = [...CLIENT_EVENTS] as ClientEvent[];
const CODES = Object.keys(ERROR_MESSAGES);

describe('acknowledged emits', () => {
  let server: RunningServer;
  let c: Client;
  /** Emits with these arguments and an ack last, bypassing the typed event map as a misbehaving client would. */
  const emit = (event: string, ...args: unknown[]) =>
    (c.socket as unknown as { timeout(ms: number): { emitWithAck(e: string, ...a: unknown[]): Promise<unknown> } })
      .timeout(5_000)
      .emitWithAck(event, ...args);

  beforeAll(async () => {
    server = await startTestServer(new MemoryStore());
    c = client(server.url);
    await connected(c);
  });
  afterAll(async () => {
    c.close();
    await server.close();
  });

  it('an ack with no input before it is answered BAD_REQUEST, for every known event', async () => {
    for (const event of EVENTS) {
      expect(await emit(event), event).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.any(String) } });
    }
  });

  it('two or three inputs before the ack are answered BAD_REQUEST, even when the first is valid', async () => {
    for (const event of EVENTS) {
      for (const args of [[VALID[event], VALID[event]], [VALID[event], 'extra', 42]]) {
        expect(await emit(event, ...args), `${event} with ${args.length} inputs`).toEqual({
          ok: false,
          error: { code: 'BAD_REQUEST', message: expect.any(String) },
        });
      }
    }
    // Nothing ran: the room that create would have made does not exist, and no seat was taken.
    expect(c.snapshots).toEqual([]);
  });

  it('unknown events are still answered BAD_REQUEST, whatever their arguments', async () => {
    for (const args of [[], [{ x: 1 }], [1, 2, 3]]) {
      expect(await emit('room:hack', ...args)).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Unknown event.' } });
    }
  });

  it('blind argument shapes: every acknowledged emit is answered with a typed error', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EVENTS), fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 4 }), async (event, args) => {
        const answer = (await emit(event, ...args)) as { ok: boolean; error?: { code: string; message: string } };
        expect(answer.ok).toBe(false);
        expect(CODES).toContain(answer.error?.code);
        expect(answer.error?.message).toEqual(expect.any(String));
      }),
      { numRuns: 300 },
    );
    // The socket is still there and still answered.
    expect(c.socket.connected).toBe(true);
    expect(await emit('room:peek', { roomId: nanoid() })).toMatchObject({ ok: false, error: { code: 'ROOM_NOT_FOUND' } });
  });
});
