// Capacity: one Closer node with N live rooms (both people connected, each moving every 10 s), N rising
// level by level. At each level: partner latency, CPU of the server, the generators and Redis, the
// server's memory per live room, and Redis commands per move. At the end: Redis memory per room at rest.
import { nanoid } from 'nanoid';
import type { Redis } from 'ioredis';
import type { RedisProcess } from '../tests/support/redis-server.js';
import type { BenchConfig } from './config.js';
import type { ClientKind, GeneratorClient, Target, WindowResult } from './ipc.js';
import { averageRoomBytes } from './latency.js';
import { CpuMeter, MachineCpuMeter, openFiles, openFilesLimit, rssBytes, startCloser, startGenerator, startRelay, type Server, type Started } from './processes.js';
import { countCommands, keyBytes, redisCpuSeconds, redisUsedMemory, type CommandCount } from './redis-stats.js';
import { percentiles, sleep, type Percentiles } from './stats.js';

/** Files the server keeps open besides its sockets may grow a little (a new Redis connection, a log). */
const SPARE_FILES = 16;

export interface LevelResult {
  requestedRooms: number;
  liveRooms: number;
  /** Rooms whose create or join failed or timed out while ramping up. */
  failedOpens: number;
  movesPerSecond: number;
  latency: Percentiles;
  failed: Record<string, number>;
  lost: number;
  skipped: number;
  /** % of one core over the window. */
  cpu: { server: number; generators: number; redis: number };
  /** The whole machine over the window, % of one core (200 = both cores busy), whoever ran. */
  machine: { busy: number; softirq: number; steal: number };
  generators: number;
  generatorLoopDelayP99: number;
  /** The longest a generator's socket waited between two pings (socket.io-client gives up at interval + timeout). */
  longestPingGapMs: number;
  serverRssBytes: number;
  rssPerRoomBytes: number;
  streamBytes: number;
  redisUsedBytes: number;
  commands: CommandCount;
  /** The window on the monotonic clock (µs since boot, as in V8 CPU profiles): for bench/profile-summary.ts. */
  windowUs: [number, number];
}

/**
 * The bare Socket.IO relay holding as many pairs, moving at the same pace, measured first and alone: what
 * Socket.IO itself costs a pair in memory and CPU on this machine today, the floor Closer's figures sit on.
 */
export interface BaselineResult {
  rooms: number;
  movesPerSecond: number;
  latency: Percentiles;
  /** % of one core over the window. */
  cpu: { server: number; generators: number };
  rssPerRoomBytes: number;
}

export interface CapacityResult {
  /** Who spoke Socket.IO for the generators' people. */
  client: ClientKind;
  baseline: BaselineResult;
  idleRssBytes: number;
  /** The most rooms the server's open-file limit allows (two sockets a room). */
  roomLimit: number;
  serverFileLimit: number;
  levels: LevelResult[];
  /**
   * Once moves stop, everyone still connected: the server's RSS per live room after a quiet spell (V8 may
   * give back heap it grew under load), and Redis bytes per room: its own keys, and its short-lived lookups.
   */
  atRest: {
    rooms: number;
    quietSeconds: number;
    serverRssBytes: number;
    rssPerRoomBytes: number;
    movesPerRoom: number;
    roomKeysBytes: number;
    lookupBytes: number;
  };
}

/** How long people stay connected without moving before the server's memory is read "at rest". */
const QUIET_MS = 20_000;

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

export async function capacityPhase(
  config: BenchConfig['capacity'],
  redis: RedisProcess,
  admin: Redis,
  profileDir: string | null,
): Promise<CapacityResult> {
  const baseline = await relayBaseline(config);
  const prefix = `bench-capacity-${nanoid(6)}`;
  const node = await startCloser('closer-capacity', redis.url, prefix, profileDir ?? undefined);
  await sleep(3_000);
  const idleRssBytes = rssBytes(node.pid);
  const serverFileLimit = openFilesLimit(node.pid);
  const roomLimit = Math.floor((serverFileLimit - openFiles(node.pid) - SPARE_FILES) / 2);

  const largest = Math.min(Math.max(...config.levels), roomLimit);
  const generatorCount = Math.ceil((2 * largest) / config.socketsPerGenerator);
  const generators = Array.from({ length: generatorCount }, (_, i) => startGenerator(`capacity-generator-${i + 1}`));
  const world: World = { node, generators, admin, redis, prefix };
  const levels: LevelResult[] = [];
  let live = 0;
  try {
    for (const requestedRooms of config.levels) {
      const liveTarget = Math.min(requestedRooms, roomLimit);
      process.stdout.write(`  capacity: opening rooms up to ${liveTarget.toLocaleString('en-US')}\n`);
      const opened = await openAcross(generators, config, { kind: 'closer', a: node.url, b: node.url }, liveTarget, liveTarget - live);
      live = opened.reduce((n, o) => n + o.rooms, 0);
      const failedOpens = opened.reduce((n, o) => n + o.failedOpens, 0);
      await sleep(config.settleSeconds * 1000);
      process.stdout.write(`  capacity: measuring ${live.toLocaleString('en-US')} live rooms for ${config.windowSeconds} s\n`);
      const measured = await measureLevel(world, config);
      levels.push({
        requestedRooms,
        liveRooms: live,
        failedOpens,
        ...measured,
        rssPerRoomBytes: (measured.serverRssBytes - idleRssBytes) / live,
      });
    }

    await Promise.all(generators.map((g) => g.call('stopMoves', null)));
    process.stdout.write(`  capacity: ${QUIET_MS / 1000} s without moves, then memory at rest\n`);
    await sleep(QUIET_MS);
    const serverRssBytes = rssBytes(node.pid);
    const redisAtRest = await restingRoomBytes(world, config.memorySample);
    const atRest = { ...redisAtRest, quietSeconds: QUIET_MS / 1000, serverRssBytes, rssPerRoomBytes: (serverRssBytes - idleRssBytes) / live };
    return { client: config.client, baseline, idleRssBytes, roomLimit, serverFileLimit, levels, atRest };
  } finally {
    for (const generator of generators) await generator.stop();
    // A profiled node writes its profile on a clean exit; closing after the sockets are gone is quick.
    await node.stop(30_000);
  }
}

/**
 * Has the generators hold `total` rooms between them, shared out evenly (each holds whole rooms: both
 * people on one clock), `adding` of them new: the ramp's deadline is twice the time it should take, and
 * half a minute, as an overloaded server opens rooms slowly.
 */
function openAcross(generators: GeneratorClient[], config: BenchConfig['capacity'], target: Target, total: number, adding: number) {
  const count = generators.length;
  return Promise.all(
    generators.map((generator, i) =>
      generator.call('openRooms', {
        client: config.client,
        target,
        rooms: Math.floor(total / count) + (i < total % count ? 1 : 0),
        perSecond: config.rampPerSecond / count,
        moveEveryMs: config.moveEveryMs,
        deadlineMs: ((2 * adding) / config.rampPerSecond) * 1000 + 30_000,
      }),
    ),
  );
}

/** The relay with `config.baselineRooms` pairs: ramp, settle and one window, as a Closer level has. */
async function relayBaseline(config: BenchConfig['capacity']): Promise<BaselineResult> {
  const relay = await startRelay([], config.relay);
  await sleep(3_000);
  const idleRssBytes = rssBytes(relay.pid);
  const generatorCount = Math.ceil((2 * config.baselineRooms) / config.socketsPerGenerator);
  const generators = Array.from({ length: generatorCount }, (_, i) => startGenerator(`baseline-generator-${i + 1}`));
  try {
    process.stdout.write(`  capacity: the bare relay with ${config.baselineRooms.toLocaleString('en-US')} pairs\n`);
    const opened = await openAcross(generators, config, { kind: 'relay', url: relay.url }, config.baselineRooms, config.baselineRooms);
    const rooms = opened.reduce((n, o) => n + o.rooms, 0);
    await sleep(config.settleSeconds * 1000);
    const { windows, percent } = await measureWindow(relay, generators, config.windowSeconds);
    const { movesPerSecond, latency } = summarize(windows, config.windowSeconds);
    const rssPerRoomBytes = (rssBytes(relay.pid) - idleRssBytes) / rooms;
    return { rooms, movesPerSecond, latency, cpu: { server: percent[0]!, generators: percent.slice(1).reduce((a, b) => a + b, 0) }, rssPerRoomBytes };
  } finally {
    for (const generator of generators) await generator.stop();
    await relay.stop();
  }
}

interface World {
  node: Server;
  generators: (GeneratorClient & Started)[];
  admin: Redis;
  redis: RedisProcess;
  prefix: string;
}

/** Every generator's moves over `seconds`, and the CPU of the server (first) and the generators, % of a core. */
async function measureWindow(server: Started, generators: (GeneratorClient & Started)[], seconds: number) {
  const meter = new CpuMeter([server.pid, ...generators.map((g) => g.pid)]);
  await Promise.all(generators.map((g) => g.call('measureStart', null)));
  await sleep(seconds * 1000);
  const windows = await Promise.all(generators.map((g) => g.call('measureStop', null)));
  return { windows, percent: meter.stop().percent };
}

/** One measuring window at the current level, then a short MONITOR count of Redis commands per move. */
async function measureLevel({ node, generators, admin, redis, prefix }: World, config: BenchConfig['capacity']) {
  const machineMeter = new MachineCpuMeter();
  const redisBefore = await redisCpuSeconds(admin);
  const windowStart = performance.now();
  const fromUs = monotonicUs();
  const { windows, percent } = await measureWindow(node, generators, config.windowSeconds);
  const wallSeconds = (performance.now() - windowStart) / 1000;
  const windowUs: [number, number] = [fromUs, monotonicUs()];
  const machine = machineMeter.stop();
  const redisPercent = (100 * ((await redisCpuSeconds(admin)) - redisBefore)) / wallSeconds;
  const serverRssBytes = rssBytes(node.pid);
  const streamBytes = await keyBytes(admin, `${prefix}:sio`);
  const redisUsedBytes = await redisUsedMemory(admin);

  const committed = async () => (await Promise.all(generators.map((g) => g.call('committed', null)))).reduce((a, b) => a + b, 0);
  const commands = await countCommands(admin, redis.port, prefix, async () => {
    const before = await committed();
    await sleep(config.countSeconds * 1000);
    return (await committed()) - before;
  });
  return {
    ...summarize(windows, config.windowSeconds),
    cpu: { server: percent[0]!, generators: percent.slice(1).reduce((a, b) => a + b, 0), redis: redisPercent },
    machine,
    generators: generators.length,
    serverRssBytes,
    streamBytes,
    redisUsedBytes,
    commands,
    windowUs,
  };
}

function summarize(windows: WindowResult[], seconds: number) {
  const latencies = windows.flatMap((w) => w.latencies);
  const failed: Record<string, number> = {};
  for (const w of windows) for (const [code, n] of Object.entries(w.failed)) failed[code] = (failed[code] ?? 0) + n;
  const lost = windows.reduce((n, w) => n + w.lost, 0);
  return {
    movesPerSecond: (latencies.length + lost + Object.values(failed).reduce((a, b) => a + b, 0)) / seconds,
    latency: percentiles(latencies),
    failed,
    lost,
    skipped: windows.reduce((n, w) => n + w.skipped, 0),
    generatorLoopDelayP99: Math.max(...windows.map((w) => w.loopDelay.p99)),
    longestPingGapMs: Math.max(...windows.map((w) => w.longestPingGapMs)),
  };
}

/** MEMORY USAGE of a sample of rooms' keys, and of the lookups a create and a join leave for 15 minutes (a code's goes once its seat is taken). */
async function restingRoomBytes({ admin, prefix, generators }: World, sample: number) {
  const perGenerator = Math.ceil(sample / generators.length);
  const samples = await Promise.all(generators.map((g) => g.call('roomSample', { count: perGenerator })));
  const roomIds = samples.flatMap((s) => s.roomIds);
  let lookups = 0;
  for (const code of samples.flatMap((s) => s.codes)) lookups += await keyBytes(admin, `${prefix}:code:{${code}}`);
  for (const id of samples.flatMap((s) => s.claimIds)) lookups += await keyBytes(admin, `${prefix}:claim:{${id}}`);
  return {
    rooms: roomIds.length,
    movesPerRoom: samples.reduce((n, s) => n + s.movesPerRoom * s.roomIds.length, 0) / Math.max(1, roomIds.length),
    roomKeysBytes: await averageRoomBytes(admin, prefix, roomIds),
    lookupBytes: roomIds.length > 0 ? lookups / roomIds.length : 0,
  };
}
