// Closer on a Redis Cluster of three masters, each with a replica (tests/support/redis-cluster.ts): the
// store's scripts keep to one slot, erase leaves nothing in any shard, and two people on two real server
// processes play on while the master holding their room is killed and its replica takes over, losing
// nothing either of them was told had happened.
import { nanoid } from 'nanoid';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput, SeatIndex } from '../../shared/protocol.js';
import { roomChannel } from '../../server/channels.js';
import { eraseRoom, lookupsOf } from '../../server/effects.js';
import { FORGET_AFTER_MS, HELLO_INTERVAL_MS } from '../../server/realtime/lone.js';
import { OUTBOX_SHARDS } from '../../server/store/outbox.js';
import { RedisStore } from '../../server/store/redis.js';
import { startNode, type Node } from '../support/nodes.js';
import { answerMove, bothNext, gameView, playRound, send, startGame } from '../support/question-swap.js';
import { startRedisCluster, type RedisClusterProcess } from '../support/redis-cluster.js';
import { redisServerInstalled } from '../support/redis-server.js';
import { cid, eventually, seatedPair, type Client } from '../support/server.js';
import { sealedAround } from '../support/sealed.js';

/** Every key of the prefix on every master, and every shard entry that names `mention`. */
async function traces(admin: Cluster, prefix: string, mention: string): Promise<string[]> {
  const found: string[] = [];
  for (const node of admin.nodes('master')) {
    found.push(...(await node.keys(`${prefix}:*`)).filter((key) => key.includes(mention)));
  }
  for (let i = 0; i < OUTBOX_SHARDS; i++) {
    for (const [id, fields] of await admin.xrange(`${prefix}:sio-${i}`, '-', '+')) {
      if (fields.some((f) => f.includes(mention))) found.push(`${prefix}:sio-${i} ${id}`);
    }
  }
  return found;
}

/** How many views of commits the shards hold (the adapter's own broadcasts, presence, are there too). */
async function viewsInShards(admin: Cluster, prefix: string): Promise<number> {
  let views = 0;
  for (let i = 0; i < OUTBOX_SHARDS; i++) {
    for (const [, fields] of await admin.xrange(`${prefix}:sio-${i}`, '-', '+')) if (fields.some((f) => f.includes('room:snapshot'))) views += 1;
  }
  return views;
}

/** As the browser does after "try again in a moment": the same command, with the same id, until it is answered. */
async function sendThrough(c: Client, seat: SeatIndex, command: CommandInput['command']) {
  const commandId = cid();
  for (let tries = 0; ; tries++) {
    const answer = await send(c, seat, command, commandId);
    if (answer.ok || answer.error.code !== 'UNAVAILABLE' || tries > 100) return answer;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.runIf(redisServerInstalled())('Closer on a Redis Cluster', () => {
  let cluster: RedisClusterProcess;
  let admin: Cluster;
  const nodes: Node[] = [];
  const clients: Client[] = [];
  beforeAll(async () => {
    cluster = await startRedisCluster();
    admin = new Cluster(cluster.nodes.map((n) => ({ host: '127.0.0.1', port: Number(n.split(':')[1]) })));
  }, 60_000);
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await Promise.all(nodes.map((n) => n.stop('SIGKILL')));
    admin?.disconnect();
    await cluster?.stop();
  });

  it('a room on the cluster is made, changed with its views in its shard, and erased without a trace anywhere', { timeout: 30_000 }, async () => {
    const prefix = `cl-${nanoid(6)}`;
    const node = await startNode('', prefix, { REDIS_CLUSTER_NODES: cluster.nodes.slice(0, 2).join(',') });
    nodes.push(node);
    const other = await startNode('', prefix, { REDIS_CLUSTER_NODES: cluster.nodes.slice(3).join(',') });
    nodes.push(other);
    const { ada, grace, roomId } = await seatedPair(node.url, 'partners', other.url);
    clients.push(ada, grace);
    await startGame(ada, grace);
    expect(await traces(admin, prefix, roomId)).not.toEqual([]);
    // The per-address limits count in the cluster (one key each, in its own slot), not in each node's memory.
    const limits: string[] = [];
    for (const master of admin.nodes('master')) limits.push(...(await master.keys(`${prefix}:limit:connect*`)));
    expect(limits).not.toEqual([]);

    const store = await RedisStore.connectCluster(cluster.nodes, prefix);
    try {
      const { stored } = await store.load(roomId);
      expect(stored?.room.id).toBe(roomId);
      await eraseRoom(store, roomId, stored ? lookupsOf(stored.room) : []);
      // Lookups and the adapter's own messages (named by the room's channel) are searched for too.
      expect(await traces(admin, prefix, roomId)).toEqual([]);
      expect(await traces(admin, prefix, roomChannel(roomId))).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('two people on two nodes play on while their room’s master is killed and its replica takes over; nothing acknowledged is lost', { timeout: 90_000 }, async () => {
    const prefix = `cl-${nanoid(6)}`;
    const env = { REDIS_CLUSTER_NODES: cluster.nodes.join(',') };
    const [one, two] = await Promise.all([startNode('', prefix, env), startNode('', prefix, env)]);
    nodes.push(one, two);
    const { ada, grace, roomId } = await seatedPair(one.url, 'partners', two.url);
    clients.push(ada, grace);
    await startGame(ada, grace);
    const acknowledged = await playRound(ada, grace, 1);

    const view = await eventually(() => {
      const v = gameView(grace);
      expect(v.round?.number).toBe(2);
      return v;
    }, 5_000);
    const words = [`ada-2-${nanoid(6)}`, `grace-2-${nanoid(6)}`];
    const adaAnswer = await sendThrough(ada, 0, { type: 'move', move: answerMove(view, words[0]!) });
    if (!adaAnswer.ok) throw new Error(adaAnswer.error.code);
    acknowledged.push(adaAnswer.version);

    // The master holding the room dies right after Ada's answer was acknowledged.
    const store = await RedisStore.connectCluster(cluster.nodes, prefix);
    const master = await cluster.masterOf(store.roomKeys(roomId)[0]);
    await store.close();
    const replica = await cluster.failOver(master);
    expect(replica).not.toBe(master);
    // Grace answers while the new master has no replica yet: "try again" until the old one is back as its replica.
    const restarted = cluster.restart(master);
    const graceAnswer = await sendThrough(grace, 1, { type: 'move', move: answerMove(view, words[1]!) });
    await restarted;
    if (!graceAnswer.ok) throw new Error(graceAnswer.error.code);
    acknowledged.push(graceAnswer.version);
    for (const c of [ada, grace]) {
      await eventually(() => {
        const round = gameView(c).round!;
        expect(round.revealed).toBe(true);
        expect(round.answers).toEqual(words.map((w) => sealedAround(w)));
      }, 10_000);
    }
    acknowledged.push(...(await bothNext(ada, grace, view.round!.card.id)));
    acknowledged.push(...(await playRound(ada, grace, 3)));
    // Every acknowledged change is there once: versions rose by exactly one each time, and the last is stored.
    expect(acknowledged).toEqual(acknowledged.map((_, i) => acknowledged[0]! + i));
    const check = await RedisStore.connectCluster(cluster.nodes, prefix);
    try {
      expect((await check.load(roomId)).stored?.version).toBe(acknowledged.at(-1));
    } finally {
      await check.close();
    }
  });

  it('a node that forgot the other (stopped past the timeout) publishes nothing, then the views it committed meanwhile, in the room’s shard', { timeout: 60_000 }, async () => {
    const prefix = `cl-${nanoid(6)}`;
    // Pings far apart: Grace's connection outlives her node's pause.
    const env = { REDIS_CLUSTER_NODES: cluster.nodes.join(','), PING_INTERVAL_SECONDS: '60', PING_TIMEOUT_SECONDS: '60' };
    const [one, two] = await Promise.all([startNode('', prefix, env), startNode('', prefix, env)]);
    nodes.push(one, two);
    const { ada, grace } = await seatedPair(one.url, 'partners', two.url);
    clients.push(ada, grace);
    const propose = { type: 'propose', activity: 'question-swap', options: { answerMode: 'write' } } as const;
    const first = await send(ada, 0, propose);
    if (!first.ok) throw new Error(first.error.code);
    await eventually(() => expect(grace.snapshots.at(-1)?.version).toBe(first.version), 5_000);

    two.child.kill('SIGSTOP');
    await new Promise((r) => setTimeout(r, FORGET_AFTER_MS + 2 * HELLO_INTERVAL_MS));
    const published = await viewsInShards(admin, prefix);
    let last = 0;
    for (const command of [{ type: 'withdraw' }, propose, { type: 'withdraw' }] as const) {
      const answer = await send(ada, 0, command);
      if (!answer.ok) throw new Error(answer.error.code);
      last = answer.version;
    }
    expect(await viewsInShards(admin, prefix)).toBe(published);
    two.child.kill('SIGCONT');
    await eventually(() => expect(grace.snapshots.at(-1)?.version).toBe(last), 10_000);
    expect(grace.snapshots.at(-1)?.view.proposal).toBeNull();
  });
});
