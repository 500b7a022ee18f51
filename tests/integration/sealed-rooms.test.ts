// Sealed names end to end through the real server and Redis: each person's name is sealed on their device,
// the other opens it from the view, the join page's name opens with the link's key, and a canary in the
// names appears in no Redis key or value (all of them read whole) and in no log line at trace level.
import { nanoid } from 'nanoid';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { keyOpensRoom, openName } from '../../shared/sealed/room-seal.js';
import { RedisStore } from '../../server/store/redis.js';
import type { RunningServer } from '../../server/server.js';
import { everything } from '../support/redis-dump.js';
import { browserSeal } from '../support/sealed.js';
import { cid, client, connected, eventually, startTestServer, type Client } from '../support/server.js';

const redisUrl = inject('redisUrl');

describe.runIf(redisUrl !== '')('sealed names', () => {
  const clients: Client[] = [];
  let server: RunningServer | undefined;
  let store: RedisStore | undefined;
  let admin: Redis | undefined;
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await server?.close();
    await store?.close();
    admin?.disconnect();
  });

  it('each sees the other’s name, while no name reaches Redis or the logs in the clear', async () => {
    const logs: string[] = [];
    store = await RedisStore.connect(redisUrl, `sealed-${nanoid(8)}`);
    server = await startTestServer(store, { logLevel: 'trace' }, logs);
    admin = new Redis(redisUrl);
    const canary = `Canary${nanoid(8)}`;
    const ada = client(server.url);
    const grace = client(server.url);
    clients.push(ada, grace);
    await Promise.all([connected(ada), connected(grace)]);

    const sealed = await browserSeal();
    const created = await ada.socket.emitWithAck('room:create', {
      commandId: cid(),
      name: await sealed.name(0, `Ada ${canary}`),
      audience: 'partners',
      mode: 'two-devices',
      seal: sealed.seal,
    });
    if (!created.ok) throw new Error(created.error.message);

    // The join page: the creator's name arrives sealed and opens with the link's key.
    const peek = await grace.socket.emitWithAck('room:peek', { roomId: created.roomId });
    if (!peek.ok || !peek.seal) throw new Error('no peek');
    expect(await keyOpensRoom(sealed.key, peek.seal)).toBe(true);
    expect(await openName(sealed.key, peek.seal.id, 0, peek.hostName)).toEqual({ ok: true, value: `Ada ${canary}` });

    const joined = await grace.socket.emitWithAck('room:join', { commandId: cid(), roomId: created.roomId, name: await sealed.name(1, `Grace ${canary}`) });
    if (!joined.ok) throw new Error(joined.error.message);
    const view = await eventually(() => {
      const latest = ada.snapshots.at(-1)!.view;
      if (!latest.seats[1]) throw new Error('not joined yet');
      return latest;
    });
    expect(await openName(sealed.key, view.seal!.id, 1, view.seats[1]!.name)).toEqual({ ok: true, value: `Grace ${canary}` });
    const graceView = await eventually(() => grace.snapshots.at(-1)!.view);
    expect(await openName(sealed.key, graceView.seal!.id, 0, graceView.seats[0]!.name)).toEqual({ ok: true, value: `Ada ${canary}` });

    const keys = await everything(admin);
    expect(keys.some((k) => k.text.includes(sealed.seal.check)), 'the room is in this Redis').toBe(true);
    for (const key of keys) expect(`${key.key} ${key.text}`, key.key).not.toContain(canary);
    const text = logs.join('\n');
    expect(text).toContain('room created');
    expect(text).not.toContain(canary);
  });
});
