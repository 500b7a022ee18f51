// Rate limits: a flooding socket, too many rooms, guessing codes, too many connections — each answered
// RATE_LIMITED with a retry hint, counted across server processes through Redis.
import { nanoid } from 'nanoid';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { MemoryStore } from '../../server/store/memory.js';
import { RedisStore } from '../../server/store/redis.js';
import type { RunningServer } from '../../server/server.js';
import type { RoomStore } from '../../server/store/types.js';
import { cid, client, connected, refused, ROOMY_LIMITS, seatedPair, startTestServer, type Client } from '../support/server.js';
import { fakeSealed, TEST_SEAL } from '../support/sealed.js';

const redisUrl = inject('redisUrl');

describe('rate limits', () => {
  const running: { server: RunningServer; store: RoomStore }[] = [];
  const clients: Client[] = [];
  const connect = (server: RunningServer) => {
    const c = client(server.url);
    clients.push(c);
    return c;
  };
  async function start(limits: Partial<typeof ROOMY_LIMITS>, store: RoomStore = new MemoryStore()) {
    const server = await startTestServer(store, { limits: { ...ROOMY_LIMITS, ...limits } });
    running.push({ server, store });
    return server;
  }
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    for (const { server, store } of running.splice(0)) {
      await server.close();
      await store.close();
    }
  });

  it('a socket sending 1,000 commands a second is refused for at least 95% of them, and recovers', async () => {
    const server = await start({ commandsPerSecond: 5, commandBurst: 20 });
    const flood = connect(server);
    await connected(flood);
    const answers = await Promise.all(
      Array.from({ length: 1_000 }, () => flood.socket.timeout(5_000).emitWithAck('room:peek', { roomId: nanoid() })),
    );
    const limited = answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED');
    expect(limited.length / answers.length).toBeGreaterThanOrEqual(0.95);
    const first = limited[0]!;
    expect(first.ok ? 0 : first.error.retryAfterMs).toBeGreaterThan(0);
    expect(first.ok ? '' : first.error.message).toMatch(/try again in \d+ seconds/);
    const calm = connect(server);
    await connected(calm);
    const other = await calm.socket.emitWithAck('room:peek', { roomId: nanoid() });
    expect(other.ok ? '' : other.error.code).toBe('ROOM_NOT_FOUND');
  });

  it('commands are limited per room too: four sockets in one room, each within its own limit, are refused together; another room is not', async () => {
    const server = await start({ commandsPerSecond: 5, commandBurst: 20, roomCommandsPerSecond: 10, roomCommandBurst: 40 });
    const { roomId, credentials } = await seatedPair(server.url);
    const devices = [credentials.ada, credentials.grace, credentials.ada, credentials.grace].map((credential) => {
      const c = client(server.url, { roomId, tokens: [credential.token] });
      clients.push(c);
      return c;
    });
    await Promise.all(devices.map(connected));
    const peek = (c: Client) => c.socket.timeout(5_000).emitWithAck('room:peek', { roomId: nanoid() });
    const answers = await Promise.all(devices.flatMap((c) => Array.from({ length: 18 }, () => peek(c))));
    const limited = answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED');
    // 72 emits, 18 from each socket (under its burst of 20): the room's burst of 40 lets about 40 through.
    expect(limited.length).toBeGreaterThanOrEqual(72 - 45);
    expect(limited.length).toBeLessThanOrEqual(72 - 35);
    const elsewhere = await seatedPair(server.url);
    clients.push(elsewhere.ada, elsewhere.grace);
    const calm = await peek(elsewhere.ada);
    expect(calm.ok ? '' : calm.error.code).toBe('ROOM_NOT_FOUND');
  });

  it('commands are limited per address too: many sockets from one address are refused together; another address is not', async () => {
    const server = await startTestServer(new MemoryStore(), {
      trustProxy: true,
      limits: { ...ROOMY_LIMITS, commandsPerSecond: 5, commandBurst: 20, addressCommandsPerSecond: 10, addressCommandBurst: 40 },
    });
    running.push({ server, store: new MemoryStore() });
    const from = (address: string) => {
      const c = client(server.url, {}, { 'x-forwarded-for': address });
      clients.push(c);
      return c;
    };
    const crowd = Array.from({ length: 5 }, () => from('203.0.113.7'));
    await Promise.all(crowd.map(connected));
    const peek = (c: Client) => c.socket.timeout(5_000).emitWithAck('room:peek', { roomId: nanoid() });
    const answers = await Promise.all(crowd.flatMap((c) => Array.from({ length: 16 }, () => peek(c))));
    const limited = answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThanOrEqual(80 - 45);
    expect(limited.length).toBeLessThanOrEqual(80 - 35);
    const neighbour = from('198.51.100.4');
    await connected(neighbour);
    const calm = await peek(neighbour);
    expect(calm.ok ? '' : calm.error.code).toBe('ROOM_NOT_FOUND');
  });

  it('room creations per address are limited', async () => {
    const server = await start({ createsPerHour: 3 });
    const c = connect(server);
    await connected(c);
    const create = () => c.socket.emitWithAck('room:create', { commandId: cid(), name: fakeSealed('Ada'), audience: 'friends', mode: 'two-devices', seal: TEST_SEAL });
    for (let i = 0; i < 3; i++) expect((await create()).ok).toBe(true);
    const fourth = await create();
    expect(fourth.ok ? '' : fourth.error.code).toBe('RATE_LIMITED');
    expect(fourth.ok ? '' : fourth.error.message).toMatch(/minutes/);
  });

  it('guessing codes: after 5 failed joins even a right code waits', async () => {
    const server = await start({ failedJoinsPerMinute: 5 });
    const ada = connect(server);
    await connected(ada);
    await ada.socket.emitWithAck('room:create', { commandId: cid(), name: fakeSealed('Ada'), audience: 'friends', mode: 'two-devices', seal: TEST_SEAL });
    const code = await new Promise<string>((resolve) => {
      const check = () => {
        const invite = ada.snapshots.at(-1)?.view.invite;
        if (invite) resolve(invite.code);
        else setTimeout(check, 10);
      };
      check();
    });
    const guesser = connect(server);
    await connected(guesser);
    for (let i = 0; i < 5; i++) {
      const wrong = await guesser.socket.emitWithAck('room:join-by-code', { commandId: cid(), code: 'ZZZZZZZZZZ', name: fakeSealed('Eve') });
      expect(wrong.ok ? '' : wrong.error.code).toBe('CODE_INVALID');
    }
    const right = await guesser.socket.emitWithAck('room:join-by-code', { commandId: cid(), code, name: fakeSealed('Eve') });
    expect(right.ok ? '' : right.error.code).toBe('RATE_LIMITED');
  });

  it('new connections per address are limited at the handshake', async () => {
    const server = await start({ connectionsPerMinute: 3 });
    for (let i = 0; i < 3; i++) await connected(connect(server));
    const fourth = connect(server);
    fourth.socket.io.reconnection(false);
    const refusal = await refused(fourth);
    expect(refusal?.code).toBe('RATE_LIMITED');
    expect(fourth.received).toEqual([]);
  });

  it.runIf(redisUrl !== '')('limits kept in Redis count across server processes, with a TTL on every key', async () => {
    const prefix = `limits-${nanoid(8)}`;
    const first = await start({ createsPerHour: 2 }, await RedisStore.connect(redisUrl, prefix));
    const secondStore = await RedisStore.connect(redisUrl, prefix);
    const second = await start({ createsPerHour: 2 }, secondStore);
    const create = async (server: RunningServer) => {
      const c = connect(server);
      await connected(c);
      return c.socket.emitWithAck('room:create', { commandId: cid(), name: fakeSealed('Ada'), audience: 'friends', mode: 'two-devices', seal: TEST_SEAL });
    };
    expect((await create(first)).ok).toBe(true);
    expect((await create(second)).ok).toBe(true);
    const third = await create(first);
    expect(third.ok ? '' : third.error.code).toBe('RATE_LIMITED');
    const keys = await secondStore.redis.keys(`${prefix}:limit:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(await secondStore.redis.pttl(key)).toBeGreaterThan(0);
  });
});
