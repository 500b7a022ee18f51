// Server CPU per move, for a same-session A/B of two trees (run it in each, alternating):
//   npx tsx bench/cpu-per-move.ts [moves]
// One node on a throwaway Redis, four pairs in the lobby proposing and withdrawing (bench/pairs.ts);
// 2,000 warm-up moves, then the server's CPU (from /proc) over `moves` moves, and Redis's (INFO cpu).
// Quicker and steadier than `npm run bench` for "did this change cost CPU?"; it measures no latency.
// CPU_NODES=2: two nodes on the same Redis and key prefix, each pair's Ada on the first and Grace on the
// second (the partner elsewhere); the servers' figure is both nodes' CPU. With CPU_PROFILE_DIR set, each
// server writes a V8 CPU profile there when it stops (read it with bench/profile-summary.ts). CPU_NODE_FLAGS
// (space-separated, e.g. "--optimize-for-size") are given to the servers' node: the CPU cost of a V8 setting.
// CPU_STORE=memory: one node with its rooms in memory (no Redis): Closer's own work a move, without the store's.
import { Redis } from 'ioredis';
import { startRedis } from '../tests/support/redis-server.js';
import { CloserPair } from './pairs.js';
import { buildServers, cpuSeconds, killAll, startCloser, type Server } from './processes.js';
import { redisCpuSeconds } from './redis-stats.js';

const moves = Number(process.argv[2] ?? 4_000);
const inMemory = process.env.CPU_STORE === 'memory';
const nodeCount = process.env.CPU_NODES === '2' && !inMemory ? 2 : 1;
buildServers();
const redis = await startRedis();
const admin = new Redis(redis.url);
const nodeFlags = process.env.CPU_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
const prefix = `cpm${Date.now()}`;
const servers: Server[] = [];
for (let n = 0; n < nodeCount; n++) servers.push(await startCloser(`cpu-per-move-${n + 1}`, inMemory ? null : redis.url, prefix, process.env.CPU_PROFILE_DIR, { nodeFlags }));
const [first, second = first] = servers as [Server, ...Server[]];
// Two nodes hear each other within a greeting (a second): until then the first publishes late.
if (nodeCount === 2) await new Promise((r) => setTimeout(r, 1_500));
const pairs = await Promise.all([0, 1, 2, 3].map(() => CloserPair.open('socket.io', first.url, second.url)));

async function play(total: number): Promise<void> {
  await Promise.all(
    pairs.map(async (pair) => {
      for (let k = 0; k < total / pairs.length; k++) {
        const outcome = await pair.move(k % 2 === 0 ? 0 : 1);
        if (!outcome.ok) throw new Error(`a move failed: ${outcome.reason}`);
      }
    }),
  );
}

const serversCpu = () => servers.reduce((sum, s) => sum + cpuSeconds(s.pid), 0);
try {
  await play(2_000);
  const [before, redisBefore] = [serversCpu(), await redisCpuSeconds(admin)];
  await play(moves);
  const perMove = (seconds: number) => Number(((seconds * 1_000) / moves).toFixed(3));
  const serverCpuMsPerMove = perMove(serversCpu() - before);
  const redisCpuMsPerMove = perMove((await redisCpuSeconds(admin)) - redisBefore);
  console.log(JSON.stringify({ moves, nodes: nodeCount, store: inMemory ? 'memory' : 'redis', nodeFlags, serverCpuMsPerMove, redisCpuMsPerMove }));
} finally {
  for (const pair of pairs) pair.close();
  for (const server of servers) await server.stop();
  admin.disconnect();
  killAll();
  await redis.stop();
}
