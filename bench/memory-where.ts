// Where a live room's server memory is: one node on a throwaway Redis, probed (bench/heap-probe.cjs) with
// no rooms, with `rooms` rooms and with twice as many, each pair making a few moves as in
// bench/memory-per-room.ts. Per room, from the last step (rooms → 2 × rooms): RSS, process.memoryUsage()
// before and after a full collection, and a heap-snapshot diff by kind and constructor (self sizes).
//   npx tsx bench/memory-where.ts [rooms] [node flags…]   (HEAP_PROBE_SNAPSHOT=0: memory figures only, no snapshots)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startRedis } from '../tests/support/redis-server.js';
import { CloserPair } from './pairs.js';
import { buildServers, heapProbe, killAll, startCloser, type HeapProbe } from './processes.js';
import { sleep } from './stats.js';

const rooms = Number(process.argv[2] ?? 500);
const flags = process.argv.slice(3);
const MOVES_PER_PAIR = 4;
const dir = mkdtempSync(join(tmpdir(), 'closer-heap-'));
// The probe in the node writes here (startCloser passes this process's environment on).
process.env.HEAP_PROBE_DIR = dir;

/** Self sizes summed by node kind and name (constructor for objects, function name for closures; strings by kind). */
function bySize(file: string): Map<string, { bytes: number; count: number }> {
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const sums = new Map<string, { bytes: number; count: number }>();
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt!]!]!;
    const named = type === 'object' || type === 'closure' || type === 'native' || type === 'hidden' || type === 'code' || type === 'array';
    const key = named ? `${type} ${snapshot.strings[snapshot.nodes[i + nameAt!]!]!.slice(0, 60)}` : type;
    const sum = sums.get(key) ?? { bytes: 0, count: 0 };
    sum.bytes += snapshot.nodes[i + sizeAt!]!;
    sum.count += 1;
    sums.set(key, sum);
  }
  return sums;
}

const kb = (bytes: number) => Math.round(bytes / rooms / 102.4) / 10;

buildServers();
const redis = await startRedis();
const probes: { rooms: number; rss: number; usage: HeapProbe }[] = [];
try {
  const server = await startCloser('memory-where', redis.url, `mw${Date.now()}`, undefined, {
    nodeFlags: ['--expose-gc', '--require', resolve(import.meta.dirname, 'heap-probe.cjs'), ...flags],
  });
  const pairs: CloserPair[] = [];
  try {
    await sleep(2_000);
    probes.push({ rooms: 0, ...(await heapProbe(server.pid, dir, 1)) });
    for (const step of [1, 2]) {
      const opened: CloserPair[] = [];
      for (let i = 0; i < rooms; i += 50) {
        opened.push(...(await Promise.all(Array.from({ length: Math.min(50, rooms - i) }, () => CloserPair.open('socket.io', server.url, server.url)))));
      }
      for (let k = 0; k < MOVES_PER_PAIR; k++) await Promise.all(opened.map((pair) => pair.move(k % 2 === 0 ? 0 : 1)));
      pairs.push(...opened);
      await sleep(5_000);
      probes.push({ rooms: rooms * step, ...(await heapProbe(server.pid, dir, step + 1)) });
    }
  } finally {
    for (const pair of pairs) pair.close();
    await server.stop();
  }
} finally {
  killAll();
  await redis.stop();
}

for (const p of probes) {
  const { before, after } = p.usage;
  console.log(
    JSON.stringify({
      rooms: p.rooms,
      rssMB: Math.round(p.rss / 1e5) / 10,
      before: { heapTotalMB: Math.round(before.heapTotal / 1e5) / 10, heapUsedMB: Math.round(before.heapUsed / 1e5) / 10, externalMB: Math.round(before.external / 1e5) / 10, arrayBuffersMB: Math.round(before.arrayBuffers / 1e5) / 10 },
      afterGc: { rssMB: Math.round(after.rss / 1e5) / 10, heapTotalMB: Math.round(after.heapTotal / 1e5) / 10, heapUsedMB: Math.round(after.heapUsed / 1e5) / 10, externalMB: Math.round(after.external / 1e5) / 10 },
    }),
  );
}
const [, n1, n2] = probes as [unknown, (typeof probes)[0], (typeof probes)[0]];
console.log(
  'per room, last step (KB):',
  JSON.stringify({
    rss: kb(n2.rss - n1.rss),
    heapTotal: kb(n2.usage.before.heapTotal - n1.usage.before.heapTotal),
    heapUsedBeforeGc: kb(n2.usage.before.heapUsed - n1.usage.before.heapUsed),
    heapUsedAfterGc: kb(n2.usage.after.heapUsed - n1.usage.after.heapUsed),
    external: kb(n2.usage.before.external - n1.usage.before.external),
    arrayBuffers: kb(n2.usage.before.arrayBuffers - n1.usage.before.arrayBuffers),
    outsideHeap: kb(n2.rss - n1.rss - (n2.usage.before.heapTotal - n1.usage.before.heapTotal)),
  }),
);
if (process.env.HEAP_PROBE_SNAPSHOT === '0') {
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
const a = bySize(join(dir, 'probe-2.heapsnapshot'));
const b = bySize(join(dir, 'probe-3.heapsnapshot'));
const rows = [...b].map(([key, s]) => ({ key, bytes: s.bytes - (a.get(key)?.bytes ?? 0), count: s.count - (a.get(key)?.count ?? 0) }));
rows.sort((x, y) => y.bytes - x.bytes);
const total = rows.reduce((t, r) => t + r.bytes, 0);
console.log(`heap snapshot, live objects per room: ${Math.round(total / rooms)} B`);
for (const r of rows.slice(0, 45)) console.log(`${String(Math.round(r.bytes / rooms)).padStart(6)} B ${(r.count / rooms).toFixed(2).padStart(7)} /room  ${r.key}`);
rmSync(dir, { recursive: true, force: true });
