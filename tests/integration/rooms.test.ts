// Two people meet in a room: the real server on a random port, real socket.io clients, real Redis.
import { nanoid } from 'nanoid';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Credential, SeatedAnswer } from '../../shared/protocol.js';
import { formatCode } from '../../shared/invite-code.js';
import { STREAM_RETENTION_MS } from '../../server/store/outbox.js';
import { RedisStore } from '../../server/store/redis.js';
import type { RunningServer } from '../../server/server.js';
import { cid, client, connected, eventually, firstSnapshot, refused, seatedPair, startTestServer, type Client } from '../support/server.js';
import { fakeSealed, TEST_SEAL } from '../support/sealed.js';

const redisUrl = inject('redisUrl');

describe.runIf(redisUrl !== '')('a room between two people, over Redis', () => {
  let store: RedisStore;
  let server: RunningServer;
  const open: Client[] = [];
  const prefix = `rooms-${nanoid(8)}`;

  const connect = (auth: object = {}, headers: Record<string, string> = {}) => {
    const c = client(server.url, auth, headers);
    open.push(c);
    return c;
  };

  async function createRoom(name = fakeSealed('Ada')): Promise<{ ada: Client; created: SeatedAnswer }> {
    const ada = connect();
    await connected(ada);
    const answer = await ada.socket.emitWithAck('room:create', { commandId: cid(), name, audience: 'partners', mode: 'two-devices', seal: TEST_SEAL });
    if (!answer.ok) throw new Error(answer.error.message);
    return { ada, created: answer };
  }

  async function fullRoom() {
    const pair = await seatedPair(server.url);
    open.push(pair.ada, pair.grace);
    return { ...pair, adaCred: pair.credentials.ada, graceCred: pair.credentials.grace };
  }

  const tokens = (...creds: Credential[]) => creds.map((c) => c.token);

  beforeAll(async () => {
    store = await RedisStore.connect(redisUrl, prefix);
    server = await startTestServer(store);
  });
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('creating a room seats the creator with a 128-bit token and a code to type', async () => {
    const { ada, created } = await createRoom();
    expect(created.roomId).toMatch(/^[A-Za-z0-9_-]{21}$/);
    expect(created.credentials).toEqual([{ seat: 0, token: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), device: expect.any(String) }]);
    const snapshot = await eventually(() => {
      expect(ada.snapshots).toHaveLength(1);
      return ada.snapshots[0]!;
    });
    expect(snapshot.version).toBe(1);
    expect(snapshot.view.seats).toEqual([{ name: fakeSealed('Ada') }, null]);
    expect(formatCode(snapshot.view.invite!.code)).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const stored = await store.redis.hget(store.roomKeys(created.roomId)[0], 'doc');
    expect(stored).not.toContain(created.credentials[0]!.token);
  });

  it('the second person joins by link; both see both names and that the other is online', async () => {
    const { ada, grace } = await fullRoom();
    for (const person of [ada, grace]) {
      await eventually(() => expect(person.snapshots.at(-1)?.view.seats).toEqual([{ name: fakeSealed('Ada') }, { name: fakeSealed('Grace') }]), 1_000);
      await eventually(
        () => expect(person.received.filter((e) => e.event === 'room:presence').at(-1)?.args[0]).toEqual({ online: [true, true], away: [false, false] }),
        1_000,
      );
    }
    expect(grace.snapshots.at(-1)?.seat).toBe(1);
  });

  it('the second person joins by the typed code, once', async () => {
    const { ada } = await createRoom();
    const code = await eventually(() => ada.snapshots[0]!.view.invite!.code);
    const grace = connect();
    await connected(grace);
    const typed = formatCode(code).toLowerCase();
    const joined = await grace.socket.emitWithAck('room:join-by-code', { commandId: cid(), code: typed, name: fakeSealed('Grace') });
    expect(joined.ok).toBe(true);
    const again = await connect().socket.emitWithAck('room:join-by-code', { commandId: cid(), code, name: fakeSealed('Eve') });
    expect(again).toEqual({ ok: false, error: expect.objectContaining({ code: 'CODE_INVALID' }) });
  });

  it('a renewed code works and the old one no longer does', async () => {
    const { ada } = await createRoom();
    const old = await eventually(() => ada.snapshots[0]!.view.invite!.code);
    expect((await ada.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'renew-invite' } })).ok).toBe(true);
    const fresh = await eventually(() => {
      const code = ada.snapshots.at(-1)!.view.invite!.code;
      expect(code).not.toBe(old);
      return code;
    });
    const grace = connect();
    await connected(grace);
    const stale = await grace.socket.emitWithAck('room:join-by-code', { commandId: cid(), code: old, name: fakeSealed('Grace') });
    expect(stale.ok ? '' : stale.error.code).toBe('CODE_INVALID');
    expect((await grace.socket.emitWithAck('room:join-by-code', { commandId: cid(), code: fresh, name: fakeSealed('Grace') })).ok).toBe(true);
  });

  it('a wrong code gets the same answer whether or not a room has it', async () => {
    const { ada } = await createRoom();
    const code = await eventually(() => ada.snapshots[0]!.view.invite!.code);
    const eve = connect();
    await connected(eve);
    const unknown = await eve.socket.emitWithAck('room:join-by-code', { commandId: cid(), code: 'ZZZZZ-ZZZZZ', name: fakeSealed('Eve') });
    const garbage = await eve.socket.emitWithAck('room:join-by-code', { commandId: cid(), code: '!!', name: fakeSealed('Eve') });
    expect(unknown).toEqual(garbage);
    expect(unknown.ok ? '' : unknown.error.code).toBe('CODE_INVALID');
    expect(code).not.toBe('ZZZZZZZZZZ');
  });

  it('a third person is refused and receives no room content at all', async () => {
    const { roomId } = await fullRoom();
    const eve = connect();
    await connected(eve);
    const peek = await eve.socket.emitWithAck('room:peek', { roomId });
    const join = await eve.socket.emitWithAck('room:join', { commandId: cid(), roomId, name: fakeSealed('Eve') });
    expect(peek).toEqual({ ok: false, error: expect.objectContaining({ code: 'ROOM_FULL' }) });
    expect(join).toEqual({ ok: false, error: expect.objectContaining({ code: 'ROOM_FULL' }) });
    await new Promise((r) => setTimeout(r, 200));
    expect(eve.received).toEqual([]);
    expect(JSON.stringify([peek, join])).not.toMatch(/Ada|Grace/);
  });

  it('an unknown room answers ROOM_NOT_FOUND', async () => {
    const eve = connect();
    await connected(eve);
    const peek = await eve.socket.emitWithAck('room:peek', { roomId: nanoid() });
    expect(peek.ok ? '' : peek.error.code).toBe('ROOM_NOT_FOUND');
    const resume = connect({ roomId: nanoid(), tokens: ['A'.repeat(22)] });
    expect((await refused(resume))?.code).toBe('ROOM_NOT_FOUND');
  });

  it('a device comes back to its seat with its token, and gets a full snapshot', async () => {
    const { roomId, graceCred } = await fullRoom();
    const back = connect({ roomId, tokens: tokens(graceCred) });
    await connected(back);
    const snapshot = await eventually(() => firstSnapshot(back));
    expect(snapshot.seat).toBe(1);
    expect(snapshot.view.seats).toEqual([{ name: fakeSealed('Ada') }, { name: fakeSealed('Grace') }]);
  });

  it('a wrong token is refused at the handshake with no content sent', async () => {
    const { roomId, graceCred } = await fullRoom();
    const forged = graceCred.token.slice(0, -1) + (graceCred.token.endsWith('A') ? 'B' : 'A');
    for (const auth of [{ roomId, tokens: [forged] }, { roomId, tokens: ['short'] }, { roomId, tokens: [graceCred.token, forged] }]) {
      const thief = connect(auth);
      expect((await refused(thief))?.code).toBe('SEAT_REFUSED');
      expect(thief.received).toEqual([]);
    }
  });

  it('the creator can remove the person who joined: the seat frees, their token and the old link stop working', async () => {
    const { ada, grace, roomId, adaCred, graceCred } = await fullRoom();
    const removed = await ada.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'remove-partner' } });
    expect(removed.ok).toBe(true);
    await eventually(() => expect(grace.received.map((e) => e.event)).toContain('seat:removed'));
    await eventually(() => expect(grace.socket.connected).toBe(false));
    const moved = await eventually(() => {
      const event = ada.received.find((e) => e.event === 'room:moved');
      expect(event).toBeDefined();
      return (event!.args[0] as { roomId: string }).roomId;
    });
    expect(moved).not.toBe(roomId);
    expect(grace.received.map((e) => e.event)).not.toContain('room:moved');

    // The removed person can neither come back with their token nor walk back in by the old link.
    const back = connect({ roomId, tokens: tokens(graceCred) });
    expect((await refused(back))?.code).toBe('ROOM_NOT_FOUND');
    const stranger = connect();
    await connected(stranger);
    const oldLink = await stranger.socket.emitWithAck('room:join', { commandId: cid(), roomId, name: fakeSealed('Grace again') });
    expect(oldLink.ok ? '' : oldLink.error.code).toBe('ROOM_NOT_FOUND');
    const graceOnNew = connect({ roomId: moved, tokens: tokens(graceCred) });
    expect((await refused(graceOnNew))?.code).toBe('SEAT_REFUSED');

    // The creator follows the room with the same token, and the right person can join the new link.
    const adaBack = connect({ roomId: moved, tokens: tokens(adaCred) });
    await connected(adaBack);
    const snapshot = await eventually(() => firstSnapshot(adaBack));
    expect(snapshot.view.seats).toEqual([{ name: fakeSealed('Ada') }, null]);
    expect(snapshot.view.invite).not.toBeNull();
    expect(await stranger.socket.emitWithAck('room:peek', { roomId: moved })).toEqual({ ok: true, hostName: fakeSealed('Ada'), seal: TEST_SEAL });
    expect(await store.redis.keys(`${prefix}:*${roomId}*`)).toEqual([]);
  });

  it('a replayed join by code cannot take a seat its claim no longer holds', async () => {
    const { ada } = await createRoom();
    const code = await eventually(() => ada.snapshots[0]!.view.invite!.code);
    const grace = connect();
    await connected(grace);
    const commandId = cid();
    expect((await grace.socket.emitWithAck('room:join-by-code', { commandId, code, name: fakeSealed('Grace') })).ok).toBe(true);
    await ada.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'remove-partner' } });
    // Her socket was closed by the removal; Socket.IO would replay the buffered emit on a new connection.
    const again = connect();
    await connected(again);
    const replay = await again.socket.emitWithAck('room:join-by-code', { commandId, code, name: fakeSealed('Grace') });
    expect(replay.ok ? '' : replay.error.code).toBe('CODE_INVALID');
  });

  it('only the creator may remove, and only a seat that is taken', async () => {
    const { grace } = await fullRoom();
    const byGrace = await grace.socket.emitWithAck('room:command', { commandId: cid(), seat: 1, command: { type: 'remove-partner' } });
    expect(byGrace.ok ? '' : byGrace.error.code).toBe('NOT_ALLOWED');
    const notHers = await grace.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'remove-partner' } });
    expect(notHers.ok ? '' : notHers.error.code).toBe('NOT_SEATED');
  });

  it('replaying a command id changes nothing and answers the same result', async () => {
    const { ada, created } = await createRoom();
    const commandId = cid();
    const first = await ada.socket.emitWithAck('room:command', { commandId, seat: 0, command: { type: 'renew-invite' } });
    const second = await ada.socket.emitWithAck('room:command', { commandId, seat: 0, command: { type: 'renew-invite' } });
    expect(first).toEqual({ ok: true, version: 2 });
    expect(second).toEqual(first);
    expect((await store.load(created.roomId)).stored?.version).toBe(2);
  });

  it('a replayed join gets the same seat with a fresh token, and the room still has two seats', async () => {
    const { created } = await createRoom();
    const grace = connect();
    await connected(grace);
    const commandId = cid();
    const first = await grace.socket.emitWithAck('room:join', { commandId, roomId: created.roomId, name: fakeSealed('Grace') });
    const again = await grace.socket.emitWithAck('room:join', { commandId, roomId: created.roomId, name: fakeSealed('Grace') });
    if (!first.ok || !again.ok) throw new Error('join failed');
    expect(again.credentials[0]!.seat).toBe(first.credentials[0]!.seat);
    const back = connect({ roomId: created.roomId, tokens: tokens(again.credentials[0]!) });
    await connected(back);
    const { stored } = await store.load(created.roomId);
    expect(stored?.room.seats.map((s) => s?.name)).toEqual([fakeSealed('Ada'), fakeSealed('Grace')]);
  });

  it('erasing deletes every key of the room at once and tells the other screen', async () => {
    const { ada, grace, roomId } = await fullRoom();
    expect((await store.redis.keys(`${prefix}:*${roomId}*`)).length).toBeGreaterThan(0);
    const erased = await grace.socket.emitWithAck('room:erase', { commandId: cid() });
    expect(erased).toEqual({ ok: true });
    await eventually(() => expect(ada.received.map((e) => e.event)).toContain('room:erased'));
    expect(await store.redis.keys(`${prefix}:*${roomId}*`)).toEqual([]);
    const claims = await Promise.all((await store.redis.keys(`${prefix}:claim:*`)).map((k) => store.redis.get(k)));
    expect(claims).not.toContain(roomId);
  });

  it('every key the app writes has a TTL: an hour while waiting, a week once full', async () => {
    const { roomId } = await fullRoom();
    const waiting = (await createRoom()).created.roomId;
    const keys = await store.redis.keys(`${prefix}:*`);
    for (const key of keys) expect(await store.redis.pttl(key)).toBeGreaterThan(0);
    const [fullKey] = store.roomKeys(roomId);
    const [waitingKey] = store.roomKeys(waiting);
    expect(await store.redis.pttl(fullKey)).toBeGreaterThan(6 * 86_400_000);
    expect(await store.redis.pttl(waitingKey)).toBeLessThanOrEqual(3_600_000);
  });

  it('the stream that carries views between nodes keeps only its last 15 s, and has a TTL', async () => {
    const stream = `${prefix}:sio`;
    // An entry from long ago, as if left over from an earlier game (this suite's own stream, started afresh).
    await store.redis.multi().del(stream).xadd(stream, '1-1', 'old', 'view').exec();
    const { ada, grace } = await fullRoom();
    const command = { type: 'propose', activity: 'question-swap', options: { answerMode: 'talk' } } as const;
    expect((await ada.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command })).ok).toBe(true);
    await eventually(() => expect(grace.snapshots.at(-1)?.view.proposal).toBeTruthy());
    const entries = await store.redis.xrange(stream, '-', '+');
    expect(entries.length).toBeGreaterThan(0);
    const oldest = Number(entries[0]![0].split('-')[0]);
    expect(Date.now() - oldest).toBeLessThan(STREAM_RETENTION_MS);
    expect(await store.redis.pttl(stream)).toBeGreaterThan(0);
    expect(await store.redis.pttl(stream)).toBeLessThanOrEqual(2 * STREAM_RETENTION_MS);
  });

  it('on one shared device both seats are taken at once and one socket holds both', async () => {
    const tablet = connect();
    await connected(tablet);
    const created = await tablet.socket.emitWithAck('room:create', {
      commandId: cid(),
      name: fakeSealed('Ada'),
      partnerName: fakeSealed('Grace'),
      audience: 'family',
      mode: 'one-device',
      seal: TEST_SEAL,
    });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.credentials.map((c) => c.seat)).toEqual([0, 1]);
    const back = connect({ roomId: created.roomId, tokens: tokens(...created.credentials) });
    await connected(back);
    await eventually(() => expect(back.snapshots.map((s) => s.seat).sort()).toEqual([0, 1]));
    expect(back.snapshots[0]!.view.invite).toBeNull();
  });
});
