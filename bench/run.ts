// `npm run bench`: starts a throwaway Redis, the servers and the load generators, measures partner
// latency against a bare Socket.IO relay and capacity on one node, prints Markdown tables and writes JSON.
// BENCH_QUICK=1 for a small run, BENCH_PROFILE=1 for CPU profiles of the Closer nodes, BENCH_CLIENT=lean or
// socket.io for who speaks Socket.IO in both phases (default: socket.io-client for latency, lean for capacity).
// See docs/PERFORMANCE.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { startRedis } from '../tests/support/redis-server.js';
import { capacityPhase } from './capacity.js';
import { benchConfig } from './config.js';
import { latencyPhase } from './latency.js';
import { buildServers, killAll } from './processes.js';
import { formatReport, goals, type BenchResult, type Machine } from './report.js';

const ROOT = resolve(import.meta.dirname, '..');

async function machine(admin: Redis): Promise<Machine> {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT }).toString().trim();
  const dirty = git('status', '--porcelain', '--', 'server', 'shared').length > 0;
  const socketIo = JSON.parse(readFileSync(resolve(ROOT, 'node_modules/socket.io/package.json'), 'utf8')) as { version: string };
  return {
    node: process.version,
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryBytes: totalmem(),
    redis: (await admin.info('server')).match(/^redis_version:(.+)$/m)?.[1]?.trim() ?? 'unknown',
    socketIo: socketIo.version,
    commit: `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted server/shared changes' : ''}`,
    date: new Date().toISOString(),
  };
}

const config = benchConfig(process.env);
console.log('compiling the servers into bench/.build');
buildServers();
const redis = await startRedis();
const admin = new Redis(redis.url);
// Whatever happens to this process (an error, Ctrl-C), nothing it started may outlive it.
const redisPid = Number((await admin.info('server')).match(/^process_id:(\d+)/m)?.[1]);
process.on('exit', () => {
  killAll();
  try {
    process.kill(redisPid, 'SIGKILL');
  } catch {
    // Already stopped.
  }
});
process.once('SIGINT', () => process.exit(130));
try {
  if (config.profileDir) mkdirSync(config.profileDir, { recursive: true });
  const facts = await machine(admin);
  console.log(`Redis on ${redis.url}; latency phase`);
  const latency = await latencyPhase(config.latency, redis, admin, config.profileDir);
  console.log('capacity phase');
  const capacity = await capacityPhase(config.capacity, redis, admin, config.profileDir);
  const result: BenchResult = { machine: facts, quick: config.quick, latency, capacity, goals: goals(latency, capacity) };
  console.log(`\n${formatReport(result)}\n`);
  mkdirSync(dirname(config.out), { recursive: true });
  writeFileSync(config.out, `${JSON.stringify({ ...result, config }, null, 1)}\n`);
  console.log(`Written to ${config.out}`);
  if (config.profileDir) {
    console.log(`CPU profiles in ${config.profileDir}; where the capacity node's time went in each window:`);
    for (const level of capacity.levels) {
      const [from, to] = level.windowUs;
      console.log(`  npx tsx bench/profile-summary.ts ${config.profileDir}/closer-capacity.cpuprofile ${from}-${to}   # ${level.liveRooms} rooms`);
    }
  }
} finally {
  admin.disconnect();
  killAll();
  await redis.stop();
}
