// Partner latency of two trees in one session, their scenarios taking turns: the A/B for a change meant to
// shorten a move's path (the quick bench is one run of each, minutes apart, on a machine whose speed drifts):
//   LATENCY_AB_BASE=/work/wt-base/bench/.build npx tsx bench/latency-ab.ts [rounds]
// LATENCY_AB_BASE is the other tree's compiled servers (any bench run there leaves them in its bench/.build).
// Each tree gets one node and two nodes (A on one, B on the other) on the same Redis, beside the bare relay,
// at the latency phase's pacing (bench/config.ts); prints one JSON line a scenario: p50, p95, p99 and the
// server CPU a move, over all rounds, and each round's p50.
import { nanoid } from 'nanoid';
import { startRedis } from '../tests/support/redis-server.js';
import { benchConfig } from './config.js';
import { CpuMeter, buildServers, killAll, startCloser, startGenerator, startRelay, type Started } from './processes.js';
import { percentiles, sleep } from './stats.js';
import type { Target } from './ipc.js';

const base = process.env.LATENCY_AB_BASE;
if (!base) throw new Error('LATENCY_AB_BASE: the other tree’s bench/.build');
const rounds = Number(process.argv[2] ?? 6);
const config = benchConfig(process.env).latency;
buildServers();
const redis = await startRedis();

interface Scenario {
  name: string;
  target: Target;
  servers: Started[];
  latencies: number[];
  roundP50s: number[];
  cpuSeconds: number;
  sent: number;
}

function scenario(name: string, target: Target, servers: Started[]): Scenario {
  return { name, target, servers, latencies: [], roundP50s: [], cpuSeconds: 0, sent: 0 };
}

const round = (n: number, places = 2) => Number(n.toFixed(places));

try {
  const relay = await startRelay();
  const scenarios = [scenario('relay', { kind: 'relay', url: relay.url }, [relay])];
  for (const [tree, build] of [['base', base], ['this', undefined]] as const) {
    const extra = build ? { build } : {};
    const solo = await startCloser(`${tree}-solo`, redis.url, `ab-${tree}-solo-${nanoid(6)}`, undefined, extra);
    const duo = `ab-${tree}-duo-${nanoid(6)}`;
    const a = await startCloser(`${tree}-a`, redis.url, duo, undefined, extra);
    const b = await startCloser(`${tree}-b`, redis.url, duo, undefined, extra);
    scenarios.push(scenario(`${tree}-1`, { kind: 'closer', a: solo.url, b: solo.url }, [solo]));
    scenarios.push(scenario(`${tree}-2`, { kind: 'closer', a: a.url, b: b.url }, [a, b]));
  }
  const generator = startGenerator('latency-ab-generator');
  // The adapters' stream readers start a moment after the port opens; two nodes greet within a second.
  await sleep(1_500);
  for (const s of scenarios) await generator.call('openPairs', { scenario: s.name, client: config.client, target: s.target, pairs: config.pairs });
  for (let r = 0; r < rounds; r++) {
    const order = [...scenarios.slice(r % scenarios.length), ...scenarios.slice(0, r % scenarios.length)];
    for (const s of order) {
      const meter = new CpuMeter(s.servers.map((server) => server.pid));
      const result = await generator.call('latencyBlock', { scenario: s.name, warmup: config.warmup, moves: config.moves, gapMs: config.gapMs });
      s.cpuSeconds += meter.stop().seconds.reduce((x, y) => x + y, 0);
      s.sent += config.warmup + config.moves;
      s.latencies.push(...result.latencies);
      s.roundP50s.push(round(percentiles(result.latencies).p50));
    }
    process.stdout.write(`  round ${r + 1}/${rounds}\n`);
  }
  const relayP50 = percentiles(scenarios[0]!.latencies).p50;
  for (const s of scenarios) {
    const p = percentiles(s.latencies);
    console.log(
      JSON.stringify({
        scenario: s.name,
        p50: round(p.p50),
        p95: round(p.p95),
        p99: round(p.p99),
        ratio: round(p.p50 / relayP50),
        serverCpuMsPerMove: round((1000 * s.cpuSeconds) / s.sent, 3),
        roundP50s: s.roundP50s,
      }),
    );
  }
  await generator.stop();
} finally {
  killAll();
  await redis.stop();
}
