// One contract, two stores: MemoryStore and RedisStore (against a real redis-server) must behave alike.
import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRoom, newSeat, type Room } from '../../shared/room.js';
import { MemoryStore } from '../../server/store/memory.js';
import { Redis } from 'ioredis';
import { StoreUnavailableError } from '../../server/store/errors.js';
import { outboxStream } from '../../server/store/outbox.js';
import { FAIL_FAST, RedisStore } from '../../server/store/redis.js';
import { freePort, startRedis } from '../support/redis-server.js';
import { fakeSealed, TEST_SEAL } from '../support/sealed.js';
import { roomParts } from '../../server/store/documents.js';
import type { Memory } from '../../shared/play.js';
import { REMEMBERED_COMMANDS, type PushSubscriptionStore, type RoomStore } from '../../server/store/types.js';

const redisUrl = inject('redisUrl');
const lifetimes = { waitingMs: 3_600_000, idleMs: 604_800_000, inviteMs: 900_000, transferMs: 600_000 };
const TTL = 60_000;

/** A room with a test-only list, so concurrent writers can each leave a mark and none may be lost. */
type MarkedRoom = Room & { marks?: string[] };

function newRoom(): MarkedRoom {
  return createRoom(
    {
      id: nanoid(),
      audience: 'friends',
      mode: 'two-devices',
      seal: TEST_SEAL,
      creator: newSeat('Ada', nanoid(), { id: nanoid(12), tokenHash: 'a'.repeat(64) }, Date.now()),
      partner: null,
      code: 'ABCDEFGHJK',
      now: Date.now(),
    },
    lifetimes,
  );
}

/** A kept Memory as an activity hands it over: sealed entries only (a store drops any in the clear). */
function memory(id: string): Memory {
  return { id, activity: 'question-swap', at: Date.now(), title: `Question ${id}`, entries: [{ seat: 0, slot: `a-${id}`, sealed: fakeSealed(`answer ${id}`) }] };
}

function withMemories<R extends Room>(room: R, memories: Memory[]): R {
  return { ...room, play: { ...room.play, memories } };
}

interface StoreCase {
  name: string;
  enabled: boolean;
  open(): Promise<RoomStore & PushSubscriptionStore>;
}

const cases: StoreCase[] = [
  { name: 'MemoryStore', enabled: true, open: async () => new MemoryStore() },
  { name: 'RedisStore', enabled: redisUrl !== '', open: () => RedisStore.connect(redisUrl, `contract-${nanoid(8)}`) },
];

describe.each(cases)('$name', ({ enabled, open }) => {
  let store: RoomStore & PushSubscriptionStore;
  beforeAll(async () => {
    if (enabled) store = await open();
  });
  afterAll(async () => {
    if (enabled) await store.close();
  });

  it.runIf(enabled)('creates a room at version 1, once', async () => {
    const room = newRoom();
    expect(await store.create(room, TTL)).toBe(true);
    expect(await store.create(room, TTL)).toBe(false);
    const { stored } = await store.load(room.id);
    expect(stored).toEqual({ version: 1, room });
  });

  it.runIf(enabled)('loads nothing for an unknown room', async () => {
    expect(await store.load(nanoid())).toEqual({ stored: null, replay: null });
  });

  it.runIf(enabled)('commits on the expected version and refuses a stale one, answering with what is stored now', async () => {
    const room = newRoom();
    await store.create(room, TTL);
    const changed = { ...room, audience: 'family' as const };
    expect(await store.commit({ roomId: room.id, expectedVersion: 1, room: changed, commandId: 'cmd-1', result: '{"ok":true}', ttlMs: TTL })).toEqual({ status: 'ok', version: 2, subscribed: false });
    expect(await store.commit({ roomId: room.id, expectedVersion: 1, room, commandId: 'cmd-2', result: '{"ok":true}', ttlMs: TTL })).toEqual({
      status: 'conflict',
      current: { version: 2, room: changed },
      bytes: JSON.stringify(changed).length,
    });
    const loaded = await store.load(room.id);
    expect(loaded.stored).toEqual({ version: 2, room: changed });
    expect(loaded.bytes).toBe(JSON.stringify(changed).length);
  });

  it.runIf(enabled)('stores the room it is given with the parts made for it, and measures its whole JSON', async () => {
    const room = newRoom();
    await store.create(room, TTL);
    const changed = withMemories({ ...room, audience: 'family' as const }, [memory('a'), memory('b')]);
    const parts = roomParts(changed, room);
    expect(parts.bytes).toBe(JSON.stringify(changed).length);
    expect(await store.commit({ roomId: room.id, expectedVersion: 1, room: changed, base: room, parts, commandId: 'cmd-doc', result: '{}', ttlMs: TTL })).toEqual({ status: 'ok', version: 2, subscribed: false });
    const loaded = await store.load(room.id);
    expect(loaded.stored).toEqual({ version: 2, room: changed });
    expect(loaded.bytes).toBe(JSON.stringify(changed).length);
  });

  it.runIf(enabled)('keeps Memories through commits, conflicts and loads: added, removed, in order', async () => {
    const room = withMemories(newRoom(), [memory('one')]);
    await store.create(room, TTL);
    expect((await store.load(room.id)).stored).toEqual({ version: 1, room });
    // Added (and the ones kept, the same array), then a command that leaves them alone.
    const two = withMemories(room, [...room.play.memories, memory('two'), memory('three')]);
    const commit = (version: number, next: Room, base: Room, id: string) =>
      store.commit({ roomId: room.id, expectedVersion: version, room: next, base, commandId: id, result: '{}', ttlMs: TTL });
    expect((await commit(1, two, room, 'm-add')).status).toBe('ok');
    const same = { ...two, audience: 'family' as const };
    expect((await commit(2, same, two, 'm-same')).status).toBe('ok');
    expect((await store.load(room.id)).stored).toEqual({ version: 3, room: same });
    // Removed from the middle, one added: the order is the room's, not the order of writing.
    const removed = withMemories(same, [same.play.memories[0]!, same.play.memories[2]!, memory('four')]);
    expect((await commit(3, removed, same, 'm-remove')).status).toBe('ok');
    const loaded = await store.load(room.id);
    expect(loaded.stored).toEqual({ version: 4, room: removed });
    expect(loaded.stored?.room.play.memories.map((m) => m.id)).toEqual(['one', 'three', 'four']);
    expect(loaded.bytes).toBe(JSON.stringify(removed).length);
    // A stale commit is answered with the room as stored, Memories and all.
    expect(await commit(3, two, same, 'm-stale')).toEqual({ status: 'conflict', current: { version: 4, room: removed }, bytes: JSON.stringify(removed).length });
    // Every Memory removed.
    const none = withMemories(removed, []);
    expect((await commit(4, none, removed, 'm-none')).status).toBe('ok');
    expect((await store.load(room.id)).stored).toEqual({ version: 5, room: none });
  });

  it.runIf(enabled)('a repeated command id is a no-op that answers the first result', async () => {
    const room = newRoom();
    await store.create(room, TTL);
    await store.commit({ roomId: room.id, expectedVersion: 1, room, commandId: 'cmd-same', result: '{"ok":true,"version":2}', ttlMs: TTL });
    const again = await store.commit({ roomId: room.id, expectedVersion: 2, room: { ...room, audience: 'family' }, commandId: 'cmd-same', result: '{"other":1}', ttlMs: TTL });
    expect(again).toEqual({ status: 'duplicate', result: '{"ok":true,"version":2}' });
    const loaded = await store.load(room.id, 'cmd-same');
    expect(loaded.stored?.version).toBe(2);
    expect(loaded.stored?.room.audience).toBe('friends');
    expect(loaded.replay).toBe('{"ok":true,"version":2}');
  });

  it.runIf(enabled)(`remembers the last ${REMEMBERED_COMMANDS} command ids`, async () => {
    const room = newRoom();
    await store.create(room, TTL);
    for (let i = 0; i < REMEMBERED_COMMANDS + 1; i++) {
      expect((await store.commit({ roomId: room.id, expectedVersion: i + 1, room, commandId: `cmd-${i}`, result: `{"n":${i}}`, ttlMs: TTL })).status).toBe('ok');
    }
    expect((await store.load(room.id, 'cmd-0')).replay).toBeNull();
    expect((await store.load(room.id, 'cmd-1')).replay).toBe('{"n":1}');
    expect((await store.load(room.id, `cmd-${REMEMBERED_COMMANDS}`)).replay).toBe(`{"n":${REMEMBERED_COMMANDS}}`);
  });

  it.runIf(enabled)('a commit to a missing room says so', async () => {
    expect(await store.commit({ roomId: nanoid(), expectedVersion: 1, room: newRoom(), commandId: 'cmd-x', result: '{}', ttlMs: TTL })).toEqual({ status: 'missing' });
  });

  it.runIf(enabled)('100 concurrent commits on one room: versions rise by one each, none lost', async () => {
    const room = newRoom();
    await store.create(room, TTL);
    const versions: number[] = [];
    const writer = async (n: number) => {
      for (;;) {
        const { stored } = await store.load(room.id);
        const current = stored!.room as MarkedRoom;
        const next: MarkedRoom = { ...current, marks: [...(current.marks ?? []), `w${n}`] };
        const outcome = await store.commit({ roomId: room.id, expectedVersion: stored!.version, room: next, commandId: `write-${n}`, result: '{"ok":true}', ttlMs: TTL });
        if (outcome.status === 'ok') return versions.push(outcome.version);
        expect(outcome.status).toBe('conflict');
      }
    };
    await Promise.all(Array.from({ length: 100 }, (_, n) => writer(n)));
    const { stored } = await store.load(room.id);
    expect(stored?.version).toBe(101);
    expect(versions.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    const marks = (stored?.room as MarkedRoom).marks ?? [];
    expect(new Set(marks).size).toBe(100);
    expect(marks).toHaveLength(100);
  });

  it.runIf(enabled)('erase removes the room', async () => {
    const room = newRoom();
    await store.create(room, TTL);
    await store.commit({ roomId: room.id, expectedVersion: 1, room, commandId: 'cmd-e', result: '{}', ttlMs: TTL });
    await store.erase({ roomId: room.id, lookups: [], mentions: [room.id] });
    expect((await store.load(room.id, 'cmd-e')).stored).toBeNull();
    expect(await store.commit({ roomId: room.id, expectedVersion: 2, room, commandId: 'cmd-f', result: '{}', ttlMs: TTL })).toEqual({ status: 'missing' });
  });

  it.runIf(enabled)("a seat's devices and its open transfer code live in the room's document and go with it at erase", async () => {
    const room = newRoom();
    const creator = room.seats[0];
    const withDevices: Room = {
      ...room,
      seats: [
        {
          ...creator,
          devices: [...creator.devices, { id: 'laptop-id', tokenHash: 'b'.repeat(64), claimId: nanoid(), addedAt: Date.now() }],
          transfer: { codeHash: 'c'.repeat(64), expiresAt: Date.now() + TTL },
        },
        null,
      ],
    };
    await store.create(room, TTL);
    expect(await store.commit({ roomId: room.id, expectedVersion: 1, room: withDevices, commandId: 'cmd-d', result: '{}', ttlMs: TTL })).toEqual({ status: 'ok', version: 2, subscribed: false });
    expect((await store.load(room.id)).stored).toEqual({ version: 2, room: withDevices });
    await store.erase({ roomId: room.id, lookups: [], mentions: [room.id] });
    expect((await store.load(room.id)).stored).toBeNull();
    if (store instanceof RedisStore) {
      for (const key of store.roomKeys(room.id)) expect(await store.redis.exists(key)).toBe(0);
    }
  });

  it.runIf(enabled)('a commit drops the lookups it is given in the same step, and only if it commits', async () => {
    const room = newRoom();
    await store.create(room, TTL);
    await store.putLookup('code', 'CLOSEDCODE', room.id, TTL);
    const dropLookups = [{ kind: 'code' as const, key: 'CLOSEDCODE' }];
    const stale = { roomId: room.id, expectedVersion: 7, room, commandId: 'cmd-stale', result: '{}', ttlMs: TTL, dropLookups };
    expect((await store.commit(stale)).status).toBe('conflict');
    expect(await store.getLookup('code', 'CLOSEDCODE')).toBe(room.id);
    expect(await store.commit({ ...stale, expectedVersion: 1, commandId: 'cmd-close' })).toEqual({ status: 'ok', version: 2, subscribed: false });
    expect(await store.getLookup('code', 'CLOSEDCODE')).toBeNull();
  });

  it.runIf(enabled)('erase drops the lookups it is given with the room', async () => {
    const room = newRoom();
    await store.create(room, TTL);
    await store.putLookup('code', 'ERASEDCODE', room.id, TTL);
    await store.putLookup('claim', 'claim-erased', room.id, TTL);
    await store.putLookup('claim', 'claim-other', 'another-room', TTL);
    const lookups = [{ kind: 'code' as const, key: 'ERASEDCODE' }, { kind: 'claim' as const, key: 'claim-erased' }];
    await store.erase({ roomId: room.id, lookups, mentions: [room.id] });
    expect(await store.getLookup('code', 'ERASEDCODE')).toBeNull();
    expect(await store.getLookup('claim', 'claim-erased')).toBeNull();
    expect(await store.getLookup('claim', 'claim-other')).toBe('another-room');
  });

  it.runIf(enabled)('a room expires after its time to live, and touch renews it', async () => {
    const room = newRoom();
    await store.create(room, 300);
    await store.touch(room.id, 2_000);
    await new Promise((r) => setTimeout(r, 400));
    expect((await store.load(room.id)).stored).not.toBeNull();
    const other = newRoom();
    await store.create(other, 150);
    await new Promise((r) => setTimeout(r, 300));
    expect((await store.load(other.id)).stored).toBeNull();
  });

  it.runIf(enabled)('lookups are kept for their time and can be dropped', async () => {
    await store.putLookup('code', 'ABCDEFGHJK', 'room-1', 200);
    expect(await store.getLookup('code', 'ABCDEFGHJK')).toBe('room-1');
    expect(await store.getLookup('claim', 'ABCDEFGHJK')).toBeNull();
    await store.dropLookup('code', 'ABCDEFGHJK');
    expect(await store.getLookup('code', 'ABCDEFGHJK')).toBeNull();
    await store.putLookup('claim', 'c-1', 'room-2', 100);
    await new Promise((r) => setTimeout(r, 250));
    expect(await store.getLookup('claim', 'c-1')).toBeNull();
  });

  it.runIf(enabled)('push subscriptions are kept per seat and device while the room lives, and go with it', async () => {
    expect(await store.keepSubscription('no-such-room', 0, 'dev-a', '{"a":1}')).toBe(false);
    expect(await store.subscriptionsOf('no-such-room', 0)).toEqual([]);
    const room = newRoom();
    await store.create(room, 300);
    expect(await store.keepSubscription(room.id, 0, 'dev-a', '{"a":1}')).toBe(true);
    expect(await store.keepSubscription(room.id, 0, 'dev-b', '{"b":1}')).toBe(true);
    expect(await store.keepSubscription(room.id, 1, 'dev-c', '{"c":1}')).toBe(true);
    expect(await store.keepSubscription(room.id, 0, 'dev-a', '{"a":2}')).toBe(true);
    const sorted = async (seat: 0 | 1) => (await store.subscriptionsOf(room.id, seat)).sort((x, y) => x.device.localeCompare(y.device));
    expect(await sorted(0)).toEqual([{ device: 'dev-a', subscription: '{"a":2}' }, { device: 'dev-b', subscription: '{"b":1}' }]);
    await store.dropSubscription(room.id, 0, 'dev-b');
    await store.dropSubscription(room.id, null, 'dev-c');
    expect(await sorted(0)).toEqual([{ device: 'dev-a', subscription: '{"a":2}' }]);
    expect(await sorted(1)).toEqual([]);
    // Renewed with the room (touch), and expiring with it.
    await store.touch(room.id, 2_000);
    await new Promise((r) => setTimeout(r, 400));
    expect(await sorted(0)).toHaveLength(1);
    await store.erase({ roomId: room.id, lookups: [], mentions: [] });
    expect(await sorted(0)).toEqual([]);
    const short = newRoom();
    await store.create(short, 150);
    await store.keepSubscription(short.id, 1, 'dev-d', '{}');
    await new Promise((r) => setTimeout(r, 300));
    expect(await store.subscriptionsOf(short.id, 1)).toEqual([]);
  });

  it.runIf(enabled)('a commit says whether any device of the room keeps a push subscription', async () => {
    const room = newRoom();
    await store.create(room, TTL);
    const commit = (version: number, id: string) => store.commit({ roomId: room.id, expectedVersion: version, room, commandId: id, result: '{}', ttlMs: TTL });
    expect(await commit(1, 'cmd-none')).toEqual({ status: 'ok', version: 2, subscribed: false });
    await store.keepSubscription(room.id, 1, 'dev-a', '{"a":1}');
    expect(await commit(2, 'cmd-one')).toEqual({ status: 'ok', version: 3, subscribed: true });
    await store.dropSubscription(room.id, 1, 'dev-a');
    expect(await commit(3, 'cmd-gone')).toEqual({ status: 'ok', version: 4, subscribed: false });
  });

  it.runIf(enabled)('keeps the first VAPID keys it is given', async () => {
    const first = await store.vapidKeys('{"publicKey":"one"}');
    expect(await store.vapidKeys('{"publicKey":"two"}')).toBe(first);
  });

  it.runIf(enabled)('answers a ping', async () => {
    expect(await store.ping()).toBe(true);
  });
});

describe.runIf(redisUrl !== '')('RedisStore keys', () => {
  it('erase deletes the outbox entries that name the room, and only those', async () => {
    const prefix = `outbox-${nanoid(8)}`;
    const store = await RedisStore.connect(redisUrl, prefix);
    const stream = outboxStream(prefix);
    const [gone, kept] = [newRoom(), newRoom()];
    for (const room of [gone, kept]) {
      await store.create(room, TTL);
      const entries = [['data', `{"rooms":["channel-of-${room.id}"],"name":"Ada"}`]];
      const input = { roomId: room.id, expectedVersion: 1, room, commandId: 'cmd-1', result: '{}', ttlMs: TTL };
      expect(await store.commit({ ...input, outbox: { stream, entries } })).toEqual({ status: 'ok', version: 2, subscribed: false });
    }
    expect(await store.redis.xlen(stream.key)).toBe(2);
    await store.erase({ roomId: gone.id, lookups: [], mentions: [`channel-of-${gone.id}`] });
    const left = await store.redis.xrange(stream.key, '-', '+');
    expect(left.map(([, fields]) => fields[1])).toEqual([`{"rooms":["channel-of-${kept.id}"],"name":"Ada"}`]);
    await store.close();
  });

  it('an unreachable Redis is a StoreUnavailableError, whatever the call', async () => {
    const port = await freePort();
    const store = new RedisStore(new Redis(`redis://127.0.0.1:${port}`, { ...FAIL_FAST, lazyConnect: true, retryStrategy: () => null }));
    const room = newRoom();
    const calls = [
      () => store.load(room.id),
      () => store.create(room, TTL),
      () => store.commit({ roomId: room.id, expectedVersion: 1, room, commandId: 'c', result: '{}', ttlMs: TTL }),
      () => store.erase({ roomId: room.id, lookups: [], mentions: [room.id] }),
      () => store.getLookup('code', 'ABCDEFGHJK'),
    ];
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.ping()).toBe(false);
    store.redis.disconnect();
  });

  it('all of a room’s keys share its hash tag and carry a TTL', async () => {
    const prefix = `keys-${nanoid(8)}`;
    const store = await RedisStore.connect(redisUrl, prefix);
    const room = newRoom();
    await store.create(room, TTL);
    await store.commit({ roomId: room.id, expectedVersion: 1, room, commandId: 'cmd-1', result: '{}', ttlMs: TTL });
    const keys = await store.redis.keys(`${prefix}:*`);
    expect(keys.sort()).toEqual(store.roomKeys(room.id).sort());
    for (const key of keys) {
      expect(key).toContain(`{${room.id}}`);
      const ttl = await store.redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(TTL);
    }
    await store.erase({ roomId: room.id, lookups: [], mentions: [room.id] });
    expect(await store.redis.keys(`${prefix}:*`)).toEqual([]);
    await store.close();
  });
  it('the remembered answers are compact again once the last long one is let go, and still answer replays', async () => {
    const store = await RedisStore.connect(redisUrl, `compact-${nanoid(8)}`);
    const room = newRoom();
    const [, results] = store.roomKeys(room.id);
    await store.create(room, TTL);
    let version = 1;
    const commit = async (commandId: string, result: string) => {
      expect((await store.commit({ roomId: room.id, expectedVersion: version, room, commandId, result, ttlMs: TTL })).status).toBe('ok');
      version++;
    };
    // A seat's claim answers with its device: longer than the 64 bytes a compact hash may hold.
    await commit('claim', JSON.stringify({ answer: { ok: true, seat: 1, device: 'd'.repeat(12), version: 2 }, padding: 'p'.repeat(40) }));
    for (let i = 0; i < REMEMBERED_COMMANDS - 1; i++) await commit(`move-${i}`, `{"answer":{"ok":true,"version":${version + 1}}}`);
    expect(await store.redis.object('ENCODING', results)).toBe('hashtable');
    const before = Number(await store.redis.memory('USAGE', results, 'SAMPLES', '0'));
    await commit('move-last', '{"answer":{"ok":true,"version":22}}');
    expect(await store.redis.object('ENCODING', results)).toBe('listpack');
    expect(Number(await store.redis.memory('USAGE', results, 'SAMPLES', '0'))).toBeLessThan(before * 0.7);
    expect(await store.redis.hlen(results)).toBe(REMEMBERED_COMMANDS);
    expect(await store.redis.pttl(results)).toBeGreaterThan(TTL - 5_000);
    expect((await store.load(room.id, 'claim')).replay).toBeNull();
    expect((await store.load(room.id, 'move-0')).replay).toBe('{"answer":{"ok":true,"version":3}}');
    expect((await store.load(room.id, 'move-last')).replay).toBe('{"answer":{"ok":true,"version":22}}');
    await store.close();
  });
});

describe.runIf(redisUrl !== '')('RedisStore Memories, each its own field', () => {
  /** A Memory the size a full answer seals to (a 4 KB pad: ~5.5 KB of base64url). */
  const big = (id: string): Memory => ({ ...memory(id), entries: [{ seat: 0, slot: `a-${id}`, sealed: fakeSealed(`answer ${id}`, 4096) }] });

  it('a commit sends only the Memory it added, not the ones already stored', async () => {
    // Its own Redis: the bytes it received are counted server-wide, so nobody else may be sending to it.
    const redis = await startRedis();
    const store = await RedisStore.connect(redis.url, `fields-${nanoid(8)}`);
    const counter = new Redis(redis.url);
    const received = async () => Number(/total_net_input_bytes:(\d+)/.exec(await counter.info('stats'))![1]);
    try {
      const room = withMemories(newRoom(), Array.from({ length: 100 }, (_, i) => big(`kept-${i}`)));
      expect(JSON.stringify(room).length).toBeGreaterThan(500_000);
      await store.create(room, TTL);
      const { stored } = await store.load(room.id);
      const added = withMemories(stored!.room, [...stored!.room.play.memories, big('new')]);
      const before = await received();
      const outcome = await store.commit({ roomId: room.id, expectedVersion: 1, room: added, base: stored!.room, commandId: 'cmd-add', result: '{}', ttlMs: TTL });
      const sent = (await received()) - before;
      expect(outcome.status).toBe('ok');
      // One Memory (~5.6 KB), the document with ids in place of Memories (~2 KB) and the script's other arguments.
      expect(sent).toBeGreaterThan(JSON.stringify(big('new')).length);
      expect(sent).toBeLessThan(20_000);
      const unchanged = { ...added, audience: 'family' as const };
      const again = await received();
      await store.commit({ roomId: room.id, expectedVersion: 2, room: unchanged, base: added, commandId: 'cmd-same', result: '{}', ttlMs: TTL });
      expect((await received()) - again).toBeLessThan(JSON.stringify(big('new')).length);
      expect((await store.load(room.id)).stored).toEqual({ version: 3, room: unchanged });
      const [roomKey] = store.roomKeys(room.id);
      expect(await store.redis.hexists(roomKey, 'm:new')).toBe(1);
      expect(await store.redis.hlen(roomKey)).toBe(2 + 101);
      // A Memory removed leaves nothing of itself in the hash.
      const forgotten = withMemories(unchanged, unchanged.play.memories.slice(1));
      await store.commit({ roomId: room.id, expectedVersion: 3, room: forgotten, base: unchanged, commandId: 'cmd-forget', result: '{}', ttlMs: TTL });
      expect(await store.redis.hexists(roomKey, 'm:kept-0')).toBe(0);
      expect(await store.redis.hlen(roomKey)).toBe(2 + 100);
      expect((await store.load(room.id)).stored).toEqual({ version: 4, room: forgotten });
    } finally {
      counter.disconnect();
      await store.close();
      await redis.stop();
    }
  });

  it('reads a whole document (Memories inline, written before the split) and splits it at its next commit', async () => {
    const store = await RedisStore.connect(redisUrl, `whole-${nanoid(8)}`);
    const room = withMemories(newRoom(), [memory('old-1'), memory('old-2')]);
    const [roomKey] = store.roomKeys(room.id);
    await store.redis.hset(roomKey, 'v', 1, 'doc', JSON.stringify(room));
    await store.redis.pexpire(roomKey, TTL);
    const loaded = await store.load(room.id);
    expect(loaded).toEqual({ stored: { version: 1, room }, replay: null, bytes: JSON.stringify(room).length });
    const next = withMemories(loaded.stored!.room, [...loaded.stored!.room.play.memories, memory('new')]);
    expect((await store.commit({ roomId: room.id, expectedVersion: 1, room: next, base: loaded.stored!.room, commandId: 'c', result: '{}', ttlMs: TTL })).status).toBe('ok');
    expect((await store.redis.hkeys(roomKey)).sort()).toEqual(['doc', 'm:new', 'm:old-1', 'm:old-2', 'v']);
    expect((await store.load(room.id)).stored).toEqual({ version: 2, room: next });
    await store.close();
  });
});
