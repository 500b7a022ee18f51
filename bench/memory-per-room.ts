// Server memory per live room, and its garbage collector's pauses, for V8 settings of one tree (and, run in
// two trees alternating, for a change to the server):
//   npx tsx bench/memory-per-room.ts [rooms] [settings, e.g. 0,3 — indices into SETTINGS; all by default]
// For each setting: one node on a throwaway Redis, `rooms` pairs opened (two sockets each, as the bench's
// CloserPair: sealed names, both seated), each pair making a few moves so every room is in the node's cache;
// then the node's resident memory (from /proc) less what it held with no rooms, per room. --trace-gc gives
// every pause. Memory is steadier than latency on a busy machine, but still read it as a same-run comparison.
import { startRedis } from '../tests/support/redis-server.js';
import { CloserPair } from './pairs.js';
import { buildServers, killAll, memoryMap, rssBytes, startCloser, type MemoryMap } from './processes.js';
import { sleep } from './stats.js';

const rooms = Number(process.argv[2] ?? 1_000);
/** jemalloc, Debian's libjemalloc2 (apt-get install libjemalloc2). */
const JEMALLOC = '/usr/lib/x86_64-linux-gnu/libjemalloc.so.2';
const SETTINGS: { name: string; flags: string[]; env?: Record<string, string> }[] = [
  { name: 'V8 defaults', flags: [] },
  { name: 'young space 1 MB', flags: ['--max-semi-space-size=1'] },
  { name: 'young space 4 MB', flags: ['--max-semi-space-size=4'] },
  { name: 'optimize for size', flags: ['--optimize-for-size'] },
  // glibc gives each thread that allocates (V8's GC and compiler workers, libuv's pool) an arena of its own.
  { name: 'two malloc arenas', flags: [], env: { MALLOC_ARENA_MAX: '2' } },
  { name: 'jemalloc', flags: [], env: { LD_PRELOAD: JEMALLOC } },
  { name: 'old space 384 MB', flags: ['--max-old-space-size=384'] },
  // V8 grows the old space by a factor of 1.1–4 of what survived its last full collection (4 for a busy heap).
  { name: 'heap grows 20 %', flags: ['--heap-growing-percent=20'] },
  { name: 'heap grows 50 %', flags: ['--heap-growing-percent=50'] },
  { name: 'heap grows 50 %, young space 4 MB', flags: ['--heap-growing-percent=50', '--max-semi-space-size=4'] },
];
const chosen = process.argv[3]?.split(',').map(Number) ?? SETTINGS.map((_, i) => i);
const MOVES_PER_PAIR = 4;

interface Measured {
  setting: string;
  /** Moves whose partner view did not come in time (a busy machine): the rooms still count. */
  failedMoves: number;
  rssPerRoomKB: number;
  /** The same growth by kind of mapping, KB a room. */
  perRoomKB: Record<keyof MemoryMap, number>;
  gcPauses: number;
  gcPauseMsTotal: number;
  gcPauseMsMax: number;
}

/** "… Scavenge 10.1 (12.0) -> 9.5 (13.0) MB, 1.25 / 0.00 ms …": the pause is the first ms figure after "MB,". */
function pausesIn(trace: string): number[] {
  return [...trace.matchAll(/MB, (?:pooled: [\d.]+ MB\), )?([\d.]+) \/ [\d.]+ ms/g)].map((m) => Number(m[1]));
}

async function measure(setting: (typeof SETTINGS)[number], redisUrl: string): Promise<Measured> {
  let trace = '';
  let counting = false;
  const server = await startCloser('memory-per-room', redisUrl, `mpr${Date.now()}`, undefined, {
    nodeFlags: ['--trace-gc', ...setting.flags],
    env: setting.env,
    onStdout: (text) => {
      if (counting) trace += text;
    },
  });
  const pairs: CloserPair[] = [];
  try {
    await sleep(2_000);
    const empty = rssBytes(server.pid);
    const emptyMap = memoryMap(server.pid);
    counting = true;
    for (let i = 0; i < rooms; i += 50) {
      pairs.push(...(await Promise.all(Array.from({ length: Math.min(50, rooms - i) }, () => CloserPair.open('socket.io', server.url, server.url)))));
    }
    let failedMoves = 0;
    for (let k = 0; k < MOVES_PER_PAIR; k++) {
      const outcomes = await Promise.all(pairs.map((pair) => pair.move(k % 2 === 0 ? 0 : 1)));
      failedMoves += outcomes.filter((o) => !o.ok).length;
    }
    await sleep(5_000);
    const full = rssBytes(server.pid);
    const fullMap = memoryMap(server.pid);
    const kb = (bytes: number) => Math.round(bytes / rooms / 102.4) / 10;
    const pauses = pausesIn(trace);
    return {
      setting: setting.name,
      failedMoves,
      rssPerRoomKB: kb(full - empty),
      perRoomKB: Object.fromEntries(Object.entries(fullMap).map(([kind, bytes]) => [kind, kb(bytes - emptyMap[kind as keyof MemoryMap])])) as Measured['perRoomKB'],
      gcPauses: pauses.length,
      gcPauseMsTotal: Math.round(pauses.reduce((a, b) => a + b, 0)),
      gcPauseMsMax: Math.round(Math.max(0, ...pauses) * 10) / 10,
    };
  } finally {
    for (const pair of pairs) pair.close();
    await server.stop();
  }
}

buildServers();
const redis = await startRedis();
try {
  for (const setting of chosen.map((i) => SETTINGS[i]!)) console.log(JSON.stringify({ rooms, ...(await measure(setting, redis.url)) }));
} finally {
  killAll();
  await redis.stop();
}
