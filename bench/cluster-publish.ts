// On Redis Cluster, how should a commit hand its views to the other nodes: an entry in its slot's stream
// (what Closer does: per-slot streams, server/store/outbox.ts) or Redis 7 sharded pub/sub (SPUBLISH from
// the commit script, to a channel in the room's slot)? Issue 16 asks to measure which.
//   npx tsx bench/cluster-publish.ts [commits per round] [rounds]
// A throwaway three-master cluster with replicas (tests/support/redis-cluster.ts). Each way runs a script
// shaped like Closer's commit (the room's hash set, then two ~1 KB views handed on) against one room's
// slot, one commit every 2 ms, while a reader on another connection receives them: a blocking XREAD on
// the shard, as the Socket.IO adapter reads it, or an SSUBSCRIBE. The ways take turns, round by round.
// Figures: the commit's round trip, the time from sending the commit to the reader having its views,
// and the master's CPU per commit (INFO cpu, both its main thread and the rest).
import { performance } from 'node:perf_hooks';
import { Cluster, Redis } from 'ioredis';
import { startRedisCluster } from '../tests/support/redis-cluster.js';
import { percentiles, sleep } from './stats.js';

const perRound = Number(process.argv[2] ?? 2_000);
const rounds = Number(process.argv[3] ?? 3);
const PACE_MS = 2;
const view = 'x'.repeat(1_000);
const doc = 'd'.repeat(2_500);

// KEYS: room, stream; ARGV: doc, view, view (as the commit's outbox: one XADD a view, trimmed by age)
const WITH_STREAM = `
redis.call('HSET', KEYS[1], 'doc', ARGV[1])
local now = redis.call('TIME')
local cutoff = tonumber(now[1]) * 1000 - 15000
redis.call('XADD', KEYS[2], 'MINID', cutoff, '*', 'data', ARGV[2])
redis.call('XADD', KEYS[2], 'MINID', cutoff, '*', 'data', ARGV[3])
redis.call('PEXPIRE', KEYS[2], 30000)
return 1
`;

// KEYS: room; ARGV: channel, doc, view, view
const WITH_SPUBLISH = `
redis.call('HSET', KEYS[1], 'doc', ARGV[2])
redis.call('SPUBLISH', ARGV[1], ARGV[3])
redis.call('SPUBLISH', ARGV[1], ARGV[4])
return 1
`;

interface Way {
  name: string;
  commitMs: number[];
  deliveredMs: number[];
  cpuPerCommitMs: number[];
}

const cluster = await startRedisCluster();
const tag = '{bench:sio-0}';
const roomKey = `${tag}:room`;
const streamKey = `bench:sio-0`; // the shard's stream is its own hash tag, as in Closer
const channel = `${tag}:views`;
const client = new Cluster(cluster.nodes.map((n) => ({ host: '127.0.0.1', port: Number(n.split(':')[1]) })));
client.defineCommand('withStream', { numberOfKeys: 2, lua: WITH_STREAM });
client.defineCommand('withSpublish', { numberOfKeys: 1, lua: WITH_SPUBLISH });
const commands = client as unknown as {
  withStream(room: string, stream: string, ...args: string[]): Promise<number>;
  withSpublish(room: string, ...args: string[]): Promise<number>;
};
const masterPort = await cluster.masterOf(roomKey);
if (masterPort !== (await cluster.masterOf(streamKey))) throw new Error('the room and its shard must share a master');
const master = new Redis(masterPort, '127.0.0.1');

async function masterCpuSeconds(): Promise<number> {
  const info = await master.info('cpu');
  const field = (name: string) => Number(info.match(new RegExp(`${name}:([\\d.]+)`))?.[1] ?? 0);
  return field('used_cpu_sys') + field('used_cpu_user');
}

/**
 * Sends a commit every PACE_MS. Views arrive in commit order on one reader, so commit i of the round is
 * delivered once the reader has had 2(i + 1) views.
 */
async function run(way: Way, commit: () => Promise<unknown>, received: { onView: (() => void) | null }): Promise<void> {
  const pending: Promise<void>[] = [];
  const cpuBefore = await masterCpuSeconds();
  let seen = 0;
  const waiting = new Map<number, () => void>();
  received.onView = () => {
    seen += 1;
    waiting.get(seen)?.();
    waiting.delete(seen);
  };
  for (let i = 0; i < perRound; i++) {
    const sent = performance.now();
    const needed = 2 * (i + 1);
    const delivered = new Promise<void>((resolve) => (seen >= needed ? resolve() : waiting.set(needed, resolve)));
    pending.push(
      (async () => {
        await commit();
        way.commitMs.push(performance.now() - sent);
        await delivered;
        way.deliveredMs.push(performance.now() - sent);
      })(),
    );
    await sleep(PACE_MS);
  }
  await Promise.all(pending);
  received.onView = null;
  way.cpuPerCommitMs.push(((await masterCpuSeconds()) - cpuBefore) * 1_000 / perRound);
}

// The readers: one blocking XREAD loop on the shard's master, and one SSUBSCRIBE connection.
const streamReader = new Redis(masterPort, '127.0.0.1');
const streamReceived: { onView: (() => void) | null } = { onView: null };
let reading = true;
let lastId = '$';
const readLoop = (async () => {
  while (reading) {
    const reply = (await streamReader.xread('BLOCK', 1_000, 'STREAMS', streamKey, lastId)) as [string, [string, string[]][]][] | null;
    for (const [, entries] of reply ?? []) {
      for (const [id] of entries) {
        lastId = id;
        streamReceived.onView?.();
      }
    }
  }
})();
const subscriber = new Redis(masterPort, '127.0.0.1');
const pubsubReceived: { onView: (() => void) | null } = { onView: null };
await subscriber.ssubscribe(channel);
subscriber.on('smessage', () => pubsubReceived.onView?.());

const stream: Way = { name: 'stream in the slot (XADD, as now)', commitMs: [], deliveredMs: [], cpuPerCommitMs: [] };
const pubsub: Way = { name: 'sharded pub/sub (SPUBLISH)', commitMs: [], deliveredMs: [], cpuPerCommitMs: [] };
try {
  // Warm-up: both scripts loaded, both paths exercised.
  await run({ ...stream, commitMs: [], deliveredMs: [], cpuPerCommitMs: [] }, () => commands.withStream(roomKey, streamKey, doc, view, view), streamReceived);
  await run({ ...pubsub, commitMs: [], deliveredMs: [], cpuPerCommitMs: [] }, () => commands.withSpublish(roomKey, channel, doc, view, view), pubsubReceived);
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? (['stream', 'pubsub'] as const) : (['pubsub', 'stream'] as const);
    for (const which of order) {
      if (which === 'stream') await run(stream, () => commands.withStream(roomKey, streamKey, doc, view, view), streamReceived);
      else await run(pubsub, () => commands.withSpublish(roomKey, channel, doc, view, view), pubsubReceived);
    }
  }
  const row = (way: Way) => {
    const c = percentiles(way.commitMs);
    const d = percentiles(way.deliveredMs);
    const cpu = way.cpuPerCommitMs.reduce((s, x) => s + x, 0) / way.cpuPerCommitMs.length;
    const f = (x: number) => x.toFixed(3);
    return `| ${way.name} | ${c.samples} | ${f(c.p50)} | ${f(c.p99)} | ${f(d.p50)} | ${f(d.p99)} | ${f(cpu)} |`;
  };
  console.log('| way | commits | commit p50 (ms) | commit p99 | delivered p50 | delivered p99 | master CPU a commit (ms) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(row(stream));
  console.log(row(pubsub));
} finally {
  reading = false;
  await readLoop.catch(() => undefined);
  for (const c of [streamReader, subscriber, master]) c.disconnect();
  client.disconnect();
  await cluster.stop();
}
