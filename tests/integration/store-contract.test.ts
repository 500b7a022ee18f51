// One contract, two stores: MemoryStore and RedisStore (against a real redis-server) must behave alike.
import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRoom, newSeat, type Room } from '../../shared/room.js';
import { MemoryStore } from '../../server/store/memory.js';
import { Redis } from 'ioredis';
import { StoreUnavailableError } from '../../server/store/errors.js';
import { outboxStream } from '../../server/store/outbox.js';
import { FAIL_FAST, RedisStore } from '../../server/store/redis.js';
import { freePort } from '../support/redis-server.js';
import { TEST_SEAL } from '../support/sealed.js';
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

  it.runIf(enabled)('stores the JSON it is given as the document', async () => {
    const room = newRoom();
    await store.create(room, TTL);
    const changed = { ...room, audience: 'family' as const };
    const doc = JSON.stringify(changed);
    expect(await store.commit({ roomId: room.id, expectedVersion: 1, room: changed, doc, commandId: 'cmd-doc', result: '{}', ttlMs: TTL })).toEqual({ status: 'ok', version: 2, subscribed: false });
    const loaded = await store.load(room.id);
    expect(loaded.stored).toEqual({ version: 2, room: changed });
    expect(loaded.bytes).toBe(doc.length);
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
});
