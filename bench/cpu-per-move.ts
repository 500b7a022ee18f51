// Server CPU per move, for a same-session A/B of two trees (run it in each, alternating):
//   npx tsx bench/cpu-per-move.ts [moves]
// One node on a throwaway Redis, four pairs in the lobby proposing and withdrawing (bench/pairs.ts);
// 2,000 warm-up moves, then the server's CPU (from /proc) over `moves` moves. Quicker and steadier than
// `npm run bench` for "did this change cost CPU?"; it measures no latency. With CPU_PROFILE_DIR set, the
// server writes a V8 CPU profile there when it stops (read it with bench/profile-summary.ts). CPU_NODE_FLAGS
// (space-separated, e.g. "--optimize-for-size") are given to the server's node: the CPU cost of a V8 setting.
import { startRedis } from '../tests/support/redis-server.js';
import { CloserPair } from './pairs.js';
import { buildServers, cpuSeconds, killAll, startCloser } from './processes.js';

const moves = Number(process.argv[2] ?? 4_000);
buildServers();
const redis = await startRedis();
const nodeFlags = process.env.CPU_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
const server = await startCloser('cpu-per-move', redis.url, `cpm${Date.now()}`, process.env.CPU_PROFILE_DIR, { nodeFlags });
const pairs = await Promise.all([0, 1, 2, 3].map(() => CloserPair.open('socket.io', server.url, server.url)));

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

try {
  await play(2_000);
  const before = cpuSeconds(server.pid);
  await play(moves);
  const msPerMove = ((cpuSeconds(server.pid) - before) * 1_000) / moves;
  console.log(JSON.stringify({ moves, nodeFlags, serverCpuMsPerMove: Number(msPerMove.toFixed(3)) }));
} finally {
  for (const pair of pairs) pair.close();
  await server.stop();
  killAll();
  await redis.stop();
}
