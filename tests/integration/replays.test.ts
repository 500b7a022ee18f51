// A replay finishes what its first try started: the store answers the commit, then fails once (a Redis
// blip, or the node dying right after the commit), so the first try's answer is lost before its
// effects are carried out. The same command id again must finish them. And command ids are remembered
// per seat: the other seat's id never answers, or swallows, a command.
import { nanoid } from 'nanoid';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Credential } from '../../shared/protocol.js';
import { StoreUnavailableError } from '../../server/store/errors.js';
import { RedisStore } from '../../server/store/redis.js';
import type { RoomStore } from '../../server/store/types.js';
import type { RunningServer } from '../../server/server.js';
import { cid, client, connected, eventually, firstSnapshot, refused, seatedPair, startTestServer, type Client } from '../support/server.js';
import { fakeSealed, TEST_SEAL } from '../support/sealed.js';

const redisUrl = inject('redisUrl');

/** The real store, forwarding every call; once armed, the first call after a successful commit throws once. */
function blipAfterCommit(store: RoomStore): { store: RoomStore; arm(): void } {
  let armed = false;
  let tripped = false;
  const wrapper = new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (tripped) {
          tripped = false;
          throw new StoreUnavailableError(new Error('a blip right after the commit'));
        }
        const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (property === 'commit' && armed && (result as { status: string }).status === 'ok') {
          armed = false;
          tripped = true;
        }
        return result;
      };
    },
  });
  return { store: wrapper, arm: () => void (armed = true) };
}

/** Where a client was told the room moved to (`room:moved`), once it has been. */
function movedTo(c: Client): Promise<string> {
  return eventually(() => {
    const event = c.received.find((e) => e.event === 'room:moved');
    if (!event) throw new Error('not moved yet');
    return (event.args[0] as { roomId: string }).roomId;
  });
}

describe.runIf(redisUrl !== '')('replays over a store that blips right after a commit', () => {
  const prefix = `replays-${nanoid(8)}`;
  let store: RedisStore;
  let blip: ReturnType<typeof blipAfterCommit>;
  let server: RunningServer;
  const open: Client[] = [];
  const connect = (auth: object = {}) => {
    const c = client(server.url, auth);
    open.push(c);
    return c;
  };
  const tokens = (...creds: Credential[]) => creds.map((c) => c.token);
  const errorCode = (answer: { ok: boolean; error?: { code: string } }) => (answer.ok ? 'ok' : answer.error!.code);

  beforeAll(async () => {
    store = await RedisStore.connect(redisUrl, prefix);
    blip = blipAfterCommit(store);
    server = await startTestServer(blip.store);
  });
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('a removal whose answer was lost: the same id again moves the room, the creator follows, the old link and token get nothing', async () => {
    const { ada, grace, roomId, credentials } = await seatedPair(server.url);
    open.push(ada, grace);
    const commandId = cid();
    const remove = () => ada.socket.emitWithAck('room:command', { commandId, seat: 0, command: { type: 'remove-partner' } });

    blip.arm();
    expect(errorCode(await remove())).toBe('UNAVAILABLE');
    // The removal committed its marker: even before the move is done, the old id takes nobody in.
    const stranger = connect();
    await connected(stranger);
    expect(errorCode(await stranger.socket.emitWithAck('room:peek', { roomId }))).toBe('ROOM_NOT_FOUND');
    expect(errorCode(await stranger.socket.emitWithAck('room:join', { commandId: cid(), roomId, name: fakeSealed('Eve') }))).toBe('ROOM_NOT_FOUND');
    expect((await refused(connect({ roomId, tokens: tokens(credentials.grace) })))?.code).toBe('SEAT_REFUSED');

    expect(await remove()).toEqual({ ok: true, version: expect.any(Number) });
    const moved = await movedTo(ada);
    expect(moved).not.toBe(roomId);
    await eventually(() => expect(grace.received.map((e) => e.event)).toContain('seat:removed'));

    const adaBack = connect({ roomId: moved, tokens: tokens(credentials.ada) });
    await connected(adaBack);
    const snapshot = await eventually(() => firstSnapshot(adaBack));
    expect(snapshot.view.seats).toEqual([{ name: fakeSealed('Ada') }, null]);
    expect(errorCode(await stranger.socket.emitWithAck('room:peek', { roomId: moved }))).toBe('ok');

    expect((await refused(connect({ roomId, tokens: tokens(credentials.grace) })))?.code).toBe('ROOM_NOT_FOUND');
    expect((await refused(connect({ roomId: moved, tokens: tokens(credentials.grace) })))?.code).toBe('SEAT_REFUSED');
    expect(errorCode(await stranger.socket.emitWithAck('room:peek', { roomId }))).toBe('ROOM_NOT_FOUND');
    expect(errorCode(await stranger.socket.emitWithAck('room:join', { commandId: cid(), roomId, name: fakeSealed('Eve') }))).toBe('ROOM_NOT_FOUND');
    expect(await store.redis.keys(`${prefix}:*${roomId}*`)).toEqual([]);
    const lookups = await Promise.all((await store.redis.keys(`${prefix}:claim:*`)).map((k) => store.redis.get(k)));
    expect(lookups).not.toContain(roomId);
  });

  it('a removal whose answer was lost, and the creator comes back instead of resending: the move is finished and they follow', async () => {
    const { ada, grace, roomId, credentials } = await seatedPair(server.url);
    open.push(ada, grace);
    blip.arm();
    const lost = await ada.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'remove-partner' } });
    expect(errorCode(lost)).toBe('UNAVAILABLE');
    ada.close();

    // A reload: the device still holds the old id and its token.
    const adaBack = connect({ roomId, tokens: tokens(credentials.ada) });
    await connected(adaBack);
    const moved = await movedTo(adaBack);
    expect(moved).not.toBe(roomId);
    const snapshot = await eventually(() => firstSnapshot(adaBack));
    expect(snapshot.view.roomId).toBe(moved);
    expect(snapshot.view.seats).toEqual([{ name: fakeSealed('Ada') }, null]);
    await eventually(() => expect(grace.received.map((e) => e.event)).toContain('seat:removed'));
    expect((await refused(connect({ roomId, tokens: tokens(credentials.grace) })))?.code).toBe('ROOM_NOT_FOUND');
    expect(await store.redis.keys(`${prefix}:*${roomId}*`)).toEqual([]);
  });

  it('a removal whose answer was lost, and the creator taps something else: the move is finished and their screen follows', async () => {
    const { ada, grace, roomId } = await seatedPair(server.url);
    open.push(ada, grace);
    blip.arm();
    expect(errorCode(await ada.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'remove-partner' } }))).toBe('UNAVAILABLE');
    const other = await ada.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'renew-invite' } });
    expect(errorCode(other)).toBe('ROOM_NOT_FOUND');
    const moved = await movedTo(ada);
    expect(moved).not.toBe(roomId);
    await eventually(() => expect(grace.received.map((e) => e.event)).toContain('seat:removed'));
    expect(await store.redis.keys(`${prefix}:*${roomId}*`)).toEqual([]);
  });

  it('a renewed code whose answer was lost: the old code stops at once, the new one works after the same id again', async () => {
    const ada = connect();
    await connected(ada);
    const created = await ada.socket.emitWithAck('room:create', { commandId: cid(), name: fakeSealed('Ada'), audience: 'partners', mode: 'two-devices', seal: TEST_SEAL });
    if (!created.ok) throw new Error(created.error.code);
    const old = await eventually(() => ada.snapshots[0]!.view.invite!.code);
    const commandId = cid();
    const renew = () => ada.socket.emitWithAck('room:command', { commandId, seat: 0, command: { type: 'renew-invite' } });

    blip.arm();
    expect(errorCode(await renew())).toBe('UNAVAILABLE');
    const fresh = await eventually(() => {
      const code = ada.snapshots.at(-1)!.view.invite!.code;
      expect(code).not.toBe(old);
      return code;
    });
    const grace = connect();
    await connected(grace);
    const join = (code: string) => grace.socket.emitWithAck('room:join-by-code', { commandId: cid(), code, name: fakeSealed('Grace') });
    expect(errorCode(await join(old))).toBe('CODE_INVALID');

    expect(await renew()).toEqual({ ok: true, version: 2 });
    expect(errorCode(await join(old))).toBe('CODE_INVALID');
    expect(errorCode(await join(fresh))).toBe('ok');
  });

  it("seat 1 sending the very command id seat 0 used gets its own command carried out, not seat 0's answer", async () => {
    const { ada, grace, roomId } = await seatedPair(server.url);
    open.push(ada, grace);
    const commandId = cid();
    const propose = { type: 'propose', activity: 'question-swap', options: { answerMode: 'talk' } } as const;
    const byAda = await ada.socket.emitWithAck('room:command', { commandId, seat: 0, command: propose });
    const byGrace = await grace.socket.emitWithAck('room:command', { commandId, seat: 1, command: { type: 'ready' } });
    expect(byAda).toEqual({ ok: true, version: 3 });
    expect(byGrace).toEqual({ ok: true, version: 4 });
    const { stored } = await store.load(roomId);
    expect(stored?.room.play.proposal?.ready).toEqual([false, true]);
    // And each seat's own replay is still answered as the first time, changing nothing.
    expect(await ada.socket.emitWithAck('room:command', { commandId, seat: 0, command: propose })).toEqual(byAda);
    expect(await grace.socket.emitWithAck('room:command', { commandId, seat: 1, command: { type: 'ready' } })).toEqual(byGrace);
    expect((await store.load(roomId)).stored?.version).toBe(4);
  });
});
