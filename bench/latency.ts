// Partner latency in one run, same pacing for all: the bare Socket.IO relay, Closer on one node and
// Closer on two nodes (A on one, B on the other). Two more rows say where the time goes: Closer with its
// rooms in memory (its own work, without Redis) and a Redis PING (the floor of one round trip).
// The scenarios take turns in rounds, so a busy spell of the machine does not land on one of them.
import { nanoid } from 'nanoid';
import type { Redis } from 'ioredis';
import type { RedisProcess } from '../tests/support/redis-server.js';
import type { BenchConfig } from './config.js';
import type { ClientKind, GeneratorClient, Target, WindowResult } from './ipc.js';
import { CpuMeter, startCloser, startGenerator, startRelay, type Started } from './processes.js';
import { countCommands, keyBytes, redisCpuSeconds, type CommandCount } from './redis-stats.js';
import { percentiles, sleep, type Percentiles } from './stats.js';

export type ScenarioName = 'relay' | 'closer-memory' | 'closer-1' | 'closer-2' | 'redis-ping';

export const SCENARIO_LABELS: Record<ScenarioName, string> = {
  relay: 'bare Socket.IO relay (baseline)',
  'closer-memory': 'Closer, one node, rooms in memory (no Redis)',
  'closer-1': 'Closer, one node, Redis store',
  'closer-2': 'Closer, two nodes (A and B on different nodes)',
  'redis-ping': 'one ioredis PING (a Redis round trip)',
};

export interface ScenarioResult {
  name: ScenarioName;
  label: string;
  latency: Percentiles;
  failed: Record<string, number>;
  lost: number;
  skipped: number;
  /** Bytes of the message the partner receives (JSON). */
  messageBytes: number;
  /** CPU of the server process(es) per move, in ms, and of the generator and Redis. */
  cpuMsPerMove: { servers: number; generator: number; redis: number };
  generatorLoopDelayP99: number;
}

export interface LatencyResult {
  scenarios: ScenarioResult[];
  /** Redis commands per move, counted with MONITOR. */
  commands: { 'closer-1': CommandCount; 'closer-2': CommandCount };
  /** Redis bytes of one room's keys after hundreds of moves (its remembered commands full). */
  busyRoomBytes: number;
  pacing: { gapMs: number; pairs: number };
  /** Who spoke Socket.IO for the people, in every scenario. */
  client: ClientKind;
}

interface Scenario {
  name: ScenarioName;
  target: Target;
  servers: Started[];
  moves: number;
  results: WindowResult[];
  /** Moves sent in the timed blocks, warm-up included (the CPU figures cover them all). */
  sent: number;
  cpu: { servers: number; generator: number; redis: number };
  messageBytes: number;
  roomIds: string[];
}

export async function latencyPhase(
  config: BenchConfig['latency'],
  redis: RedisProcess,
  admin: Redis,
  profileDir: string | null,
): Promise<LatencyResult> {
  const soloPrefix = `bench-solo-${nanoid(6)}`;
  const duoPrefix = `bench-duo-${nanoid(6)}`;
  const relay = await startRelay();
  const profile = profileDir ?? undefined;
  const memory = await startCloser('closer-memory', null, '', profile);
  const solo = await startCloser('closer-solo', redis.url, soloPrefix, profile);
  const nodeA = await startCloser('closer-node-a', redis.url, duoPrefix, profile);
  const nodeB = await startCloser('closer-node-b', redis.url, duoPrefix, profile);
  const generator = startGenerator('latency-generator');
  // The generator first, so the servers have no sockets left to close.
  const running: Started[] = [generator, relay, memory, solo, nodeA, nodeB];
  try {
    // The adapters' stream readers start a moment after the port opens.
    await sleep(1_000);
    const makeScenario = (name: ScenarioName, target: Target, servers: Started[], moves: number): Scenario => ({
      name,
      target,
      servers,
      moves,
      results: [],
      sent: 0,
      cpu: { servers: 0, generator: 0, redis: 0 },
      messageBytes: 0,
      roomIds: [],
    });
    const scenarios = [
      makeScenario('relay', { kind: 'relay', url: relay.url }, [relay], config.moves),
      makeScenario('closer-memory', { kind: 'closer', a: memory.url, b: memory.url }, [memory], config.moves),
      makeScenario('closer-1', { kind: 'closer', a: solo.url, b: solo.url }, [solo], config.moves),
      makeScenario('closer-2', { kind: 'closer', a: nodeA.url, b: nodeB.url }, [nodeA, nodeB], config.moves),
      makeScenario('redis-ping', { kind: 'redis-ping', url: redis.url }, [], config.pings),
    ];

    for (const scenario of scenarios) {
      process.stdout.write(`  opening ${config.pairs} pairs: ${scenario.name}\n`);
      const opened = await generator.call('openPairs', { scenario: scenario.name, client: config.client, target: scenario.target, pairs: config.pairs });
      scenario.messageBytes = opened.snapshotBytes;
      scenario.roomIds = opened.roomIds;
    }

    for (let round = 0; round < config.rounds; round++) {
      // Each round starts with a different scenario.
      const order = [...scenarios.slice(round % scenarios.length), ...scenarios.slice(0, round % scenarios.length)];
      for (const scenario of order) {
        process.stdout.write(`  latency round ${round + 1}/${config.rounds}: ${scenario.name}\n`);
        await timedBlock(generator, admin, scenario, config);
      }
    }

    const count = (name: 'closer-1' | 'closer-2', prefix: string) =>
      countCommands(admin, redis.port, prefix, async () => {
        await generator.call('latencyBlock', { scenario: name, warmup: 0, moves: config.countedMoves, gapMs: config.gapMs });
        return config.countedMoves;
      });
    const commands = { 'closer-1': await count('closer-1', soloPrefix), 'closer-2': await count('closer-2', duoPrefix) };

    const busyRooms = scenarios.find((s) => s.name === 'closer-1')!.roomIds;
    const busyRoomBytes = await averageRoomBytes(admin, soloPrefix, busyRooms);

    return {
      scenarios: scenarios.map((s) => summarize(s)),
      commands,
      busyRoomBytes,
      pacing: { gapMs: config.gapMs, pairs: config.pairs },
      client: config.client,
    };
  } finally {
    for (const child of running) await child.stop();
  }
}

/** One block of a scenario, with the CPU its servers, the generator and Redis used for it. */
async function timedBlock(generator: GeneratorClient & Started, admin: Redis, scenario: Scenario, config: BenchConfig['latency']) {
  const meter = new CpuMeter([generator.pid, ...scenario.servers.map((s) => s.pid)]);
  const redisBefore = await redisCpuSeconds(admin);
  const result = await generator.call('latencyBlock', {
    scenario: scenario.name,
    warmup: config.warmup,
    moves: scenario.moves,
    gapMs: config.gapMs,
  });
  const { seconds } = meter.stop();
  scenario.cpu.generator += seconds[0]!;
  scenario.cpu.servers += seconds.slice(1).reduce((a, b) => a + b, 0);
  scenario.cpu.redis += (await redisCpuSeconds(admin)) - redisBefore;
  scenario.results.push(result);
  scenario.sent += config.warmup + scenario.moves;
}

function summarize(scenario: Scenario): ScenarioResult {
  const all = scenario.results;
  const latencies = all.flatMap((r) => r.latencies);
  const failed: Record<string, number> = {};
  for (const r of all) for (const [code, n] of Object.entries(r.failed)) failed[code] = (failed[code] ?? 0) + n;
  const perMove = (seconds: number) => (1000 * seconds) / Math.max(1, scenario.sent);
  return {
    name: scenario.name,
    label: SCENARIO_LABELS[scenario.name],
    latency: percentiles(latencies),
    failed,
    lost: all.reduce((n, r) => n + r.lost, 0),
    skipped: all.reduce((n, r) => n + r.skipped, 0),
    messageBytes: scenario.messageBytes,
    cpuMsPerMove: { servers: perMove(scenario.cpu.servers), generator: perMove(scenario.cpu.generator), redis: perMove(scenario.cpu.redis) },
    generatorLoopDelayP99: Math.max(...all.map((r) => r.loopDelay.p99)),
  };
}

/** Average MEMORY USAGE of a room's three keys (`<prefix>:{id}:room|results|order`). */
export async function averageRoomBytes(admin: Redis, prefix: string, roomIds: string[]): Promise<number> {
  let total = 0;
  for (const id of roomIds) {
    for (const part of ['room', 'results', 'order']) total += await keyBytes(admin, `${prefix}:{${id}}:${part}`);
  }
  return roomIds.length > 0 ? total / roomIds.length : 0;
}
