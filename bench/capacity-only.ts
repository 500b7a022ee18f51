// The capacity phase of `npm run bench` alone, one JSON line a level: for an A/B of a V8 setting on a large
// heap (the latency phase's few rooms never grow one), e.g.
//   BENCH_LEVELS=1000,5000 BENCH_NODE_FLAGS=--heap-growing-percent=20 npx tsx bench/capacity-only.ts
// Same settings as the full run's capacity phase (bench/config.ts); nothing is written to bench/results but,
// with BENCH_PROFILE=1, the node's CPU profile (bench/results/profiles; each level's windowUs for profile-summary.ts).
import { Redis } from 'ioredis';
import { startRedis } from '../tests/support/redis-server.js';
import { capacityPhase } from './capacity.js';
import { benchConfig } from './config.js';
import { buildServers, killAll } from './processes.js';

const config = benchConfig(process.env);
buildServers();
const redis = await startRedis();
const admin = new Redis(redis.url);
try {
  const capacity = await capacityPhase(config.capacity, redis, admin, config.profileDir);
  const nodeFlags = process.env.BENCH_NODE_FLAGS ?? '';
  const round = (n: number, places = 2) => Number(n.toFixed(places));
  const { baseline } = capacity;
  console.log(
    JSON.stringify({
      relayPairs: baseline.rooms,
      p50: round(baseline.latency.p50),
      p99: round(baseline.latency.p99),
      serverCpuMsPerMove: round((baseline.cpu.server * 10) / baseline.movesPerSecond, 3),
      rssPerPairKB: round(baseline.rssPerRoomBytes / 1024, 1),
    }),
  );
  for (const level of capacity.levels) {
    console.log(
      JSON.stringify({
        nodeFlags,
        liveRooms: level.liveRooms,
        p50: round(level.latency.p50),
        p99: round(level.latency.p99),
        serverCpuMsPerMove: round((level.cpu.server * 10) / level.movesPerSecond, 3),
        rssPerRoomKB: round(level.rssPerRoomBytes / 1024, 1),
        redisCommandsPerMove: level.commands.sentPerMove,
        serverCpuPercent: round(level.cpu.server, 0),
        generatorsCpuPercent: round(level.cpu.generators, 0),
        generatorLoopDelayP99: round(level.generatorLoopDelayP99, 1),
        longestPingGapMs: Math.round(level.longestPingGapMs),
        machineBusy: round(level.machine.busy, 0),
        failed: level.failed,
        windowUs: level.windowUs,
      }),
    );
  }
  console.log(JSON.stringify({ nodeFlags, atRestRssPerRoomKB: round(capacity.atRest.rssPerRoomBytes / 1024, 1) }));
} finally {
  admin.disconnect();
  killAll();
  await redis.stop();
}
