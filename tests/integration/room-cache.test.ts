// The room cache (server/room-cache.ts) on a Redis of this file's own, so its command counts are ours
// alone: on one node a move is one round trip (no load), and on two nodes, with each person on their
// own, each node's copy follows the other's commits (their notices in the stream), and a commit that
// still meets a stale copy brings the current document with it. And the copy is never the
// truth: a change the stale copy would refuse is checked again, a replay on a hit gets its first answer,
// and a room erased by another node is gone for this one too.
import { nanoid } from 'nanoid';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.js';
import { RedisStore } from '../../server/store/redis.js';
import { redisServerInstalled, startRedis, type RedisProcess } from '../support/redis-server.js';
import { send } from '../support/question-swap.js';
import { cid, client, connected, eventually, seatedPair, startTestServer, type Client } from '../support/server.js';
import { fakeSealed } from '../support/sealed.js';

/** How many times Redis ran each command, scripts' own calls included (INFO commandstats). */
async function commandCounts(redis: Redis): Promise<Record<string, number>> {
  const info = await redis.info('commandstats');
  return Object.fromEntries([...info.matchAll(/cmdstat_(\w+):calls=(\d+)/g)].map((m) => [m[1]!, Number(m[2])]));
}

describe.runIf(redisServerInstalled())('the room cache: one round trip a move, and never the truth', () => {
  let redis: RedisProcess;
  let admin: Redis;
  const stores: RedisStore[] = [];
  const nodes: RunningServer[] = [];
  const clients: Client[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    admin = new Redis(redis.url);
    const prefix = `cache-${nanoid(6)}`;
    stores.push(await RedisStore.connect(redis.url, prefix), await RedisStore.connect(redis.url, prefix));
    for (const store of stores) nodes.push(await startTestServer(store));
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    for (const node of nodes) await node.close();
    for (const store of stores) await store.close();
    admin?.disconnect();
    await redis?.stop();
  });

  const pair = async (graceOnSecondNode: boolean) => {
    const [a, b] = nodes as [RunningServer, RunningServer];
    const seated = await seatedPair(a.url, 'partners', graceOnSecondNode ? b.url : a.url);
    clients.push(seated.ada, seated.grace);
    return seated;
  };
  const must = async (c: Client, seat: 0 | 1, command: Parameters<typeof send>[2], commandId = cid()) => {
    const answer = await send(c, seat, command, commandId);
    if (!answer.ok) throw new Error(`${command.type}: ${answer.error.code} ${answer.error.message}`);
    return answer;
  };
  const propose = { type: 'propose', activity: 'question-swap', options: { answerMode: 'write' } } as const;

  it('on one node, both people moving: every move commits without a load', async () => {
    const { ada, grace } = await pair(false);
    const node = nodes[0]!;
    const before = { stats: node.cacheStats(), counts: await commandCounts(admin) };
    const versions: number[] = [];
    for (let i = 0; i < 5; i++) {
      versions.push((await must(ada, 0, propose)).version);
      versions.push((await must(grace, 1, { type: 'withdraw' })).version);
    }
    const after = { stats: node.cacheStats(), counts: await commandCounts(admin) };
    expect(versions).toEqual(versions.map((_, i) => versions[0]! + i));
    expect(after.stats.hits - before.stats.hits).toBe(10);
    expect(after.stats.misses - before.stats.misses).toBe(0);
    // Each commit pushes its command id once. HGETALL is how a load, a conflict's reply and a lookup of
    // push subscriptions read: none of them happened. Nobody turned notifications on: the commit's own
    // reply says so, and no subscription is looked up (each proposal would otherwise look for the partner's).
    expect((after.counts.rpush ?? 0) - (before.counts.rpush ?? 0)).toBe(10);
    expect((after.counts.hgetall ?? 0) - (before.counts.hgetall ?? 0)).toBe(0);
  });

  it('on two nodes, taking turns: each copy follows the other node\'s commits, so every move commits without a load', async () => {
    const { ada, grace } = await pair(true);
    const [a, b] = nodes as [RunningServer, RunningServer];
    const heardOn = async (node: RunningServer, heard: number) => eventually(() => expect(node.cacheStats().heard).toBe(heard), 5_000);
    // A first turn each, so each node holds a copy (a creator's node loads it on her first move).
    const start = [a.cacheStats().heard, b.cacheStats().heard];
    await must(ada, 0, propose);
    await heardOn(b, start[1]! + 1);
    await must(grace, 1, { type: 'withdraw' });
    await heardOn(a, start[0]! + 1);
    const before = [a.cacheStats(), b.cacheStats()];
    const counts = await commandCounts(admin);
    const versions: number[] = [];
    for (let i = 0; i < 5; i++) {
      versions.push((await must(ada, 0, propose)).version);
      await heardOn(b, before[1]!.heard + i + 1);
      versions.push((await must(grace, 1, { type: 'withdraw' })).version);
      await heardOn(a, before[0]!.heard + i + 1);
    }
    expect(versions).toEqual(versions.map((_, i) => versions[0]! + i));
    const after = [a.cacheStats(), b.cacheStats()];
    const delta = (what: 'hits' | 'misses' | 'stale') => after.map((s, n) => s[what] - before[n]![what]);
    expect(delta('hits')).toEqual([5, 5]);
    expect(delta('misses')).toEqual([0, 0]);
    expect(delta('stale')).toEqual([0, 0]);
    // No load and no conflict's reply read the room's hash (HGETALL).
    expect((await commandCounts(admin)).hgetall ?? 0).toBe(counts.hgetall ?? 0);
  });

  it('on two nodes, a copy a turn behind (a commit no node told of) costs one more trip, never a wrong answer', async () => {
    const { ada, grace, roomId } = await pair(true);
    const [a, b] = nodes as [RunningServer, RunningServer];
    await must(ada, 0, propose);
    const before = [a.cacheStats(), b.cacheStats()];
    const counts = await commandCounts(admin);
    // Another process commits the room as it is, telling no node: both copies are a version behind.
    const { stored } = await stores[0]!.load(roomId);
    const outside = await stores[0]!.commit({ roomId, expectedVersion: stored!.version, room: stored!.room, commandId: cid(), result: '{}', ttlMs: 60_000 });
    expect(outside.status).toBe('ok');
    const withdrawn = await must(grace, 1, { type: 'withdraw' });
    // Node A's copy is two versions behind Grace's notice, so A loads the room to show Ada her view.
    await eventually(() => expect(ada.snapshots.at(-1)?.version).toBe(withdrawn.version));
    expect(ada.snapshots.at(-1)?.view.proposal).toBeNull();
    const proposed = await must(ada, 0, propose);
    expect([withdrawn.version, proposed.version]).toEqual([stored!.version + 2, stored!.version + 3]);
    const after = [a.cacheStats(), b.cacheStats()];
    // B's copy met the conflict, whose reply brought the current document (no load); A's could not follow
    // the notice and was loaded for it, so Ada's move then committed against a current copy.
    const delta = (what: 'hits' | 'misses' | 'stale' | 'unfollowed') => after.map((s, n) => s[what] - before[n]![what]);
    expect(delta('stale')).toEqual([0, 1]);
    expect(delta('unfollowed')).toEqual([1, 0]);
    expect(delta('misses')).toEqual([0, 0]);
    expect(delta('hits')).toEqual([1, 0]);
    // The load above, B's conflict's reply and A's load for the notice are the only reads of the room's hash.
    expect((await commandCounts(admin)).hgetall! - (counts.hgetall ?? 0)).toBe(3);
  });

  it('a change the stale copy would refuse is tried again on what is stored: Ready to a proposal made on the other node', async () => {
    const { ada, grace } = await pair(true);
    // Ada's withdraw leaves node A a copy without a proposal; then Grace proposes on node B.
    await must(ada, 0, propose);
    await must(ada, 0, { type: 'withdraw' });
    await must(grace, 1, propose);
    const ready = await send(ada, 0, { type: 'ready' });
    expect(ready.ok).toBe(true);
  });

  it('a command sent again on a hit gets its first answer and changes nothing', async () => {
    const { ada } = await pair(false);
    const id = cid();
    const first = await must(ada, 0, propose, id);
    const again = await send(ada, 0, propose, id);
    expect(again).toEqual(first);
    const next = await must(ada, 0, { type: 'withdraw' });
    expect(next.version).toBe(first.version + 1);
  });

  it('a room erased on the other node is gone on this one too, whatever its copy says', async () => {
    const { ada, grace, roomId } = await pair(true);
    await must(ada, 0, propose);
    await must(grace, 1, { type: 'withdraw' });
    const held = nodes[0]!.cacheStats().rooms;
    expect(await grace.socket.timeout(5_000).emitWithAck('room:erase', { commandId: cid() })).toEqual({ ok: true });
    // Node B tells node A, which lets its copy go.
    await eventually(() => expect(nodes[0]!.cacheStats().rooms).toBe(held - 1));
    // Even a copy that stayed would not answer: a third person with the link asks A to join the room.
    const eve = client(nodes[0]!.url);
    clients.push(eve);
    await connected(eve);
    const joined = await eve.socket.timeout(5_000).emitWithAck('room:join', { commandId: cid(), roomId, name: fakeSealed('Eve') });
    expect(joined).toMatchObject({ ok: false, error: { code: 'ROOM_NOT_FOUND' } });
  });
});
