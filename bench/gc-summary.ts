// What V8's collector did in a capacity window, from a run with --trace-gc:
//   BENCH_NODE_FLAGS=--trace-gc BENCH_LEVELS=7000 npx tsx bench/capacity-only.ts > /tmp/closer.log
//   BENCH_RELAY_FLAGS=--trace-gc BENCH_RELAY_PAIRS=7000 BENCH_LEVELS=1 npx tsx bench/capacity-only.ts > /tmp/relay.log
//   npx tsx bench/gc-summary.ts /tmp/closer.log [relay]
// Where the slow moves fell: run with BENCH_SLOW_DIR=<dir> and BENCH_NODE_FLAGS="--trace-gc --require
// ./bench/time-origin.cjs", then give the same BENCH_SLOW_DIR here: each slow move Closer's generators
// wrote is counted by when it started against the nearest full collection's end (--trace-gc's ms count
// from the isolate's start, a few ms after the time origin, so read the bins to tens of ms).
// Closer's window is its measuring one (from "measuring" to "without moves"); with `relay`, the relay
// baseline's last 30 s before the Closer levels start. Young collections a second and their pauses say how
// fast the node allocates (each one follows a full young space); the old space's growth from one young
// collection to the next is what was promoted (what outlived the young space, which a full collection
// must then mark); each full collection's main-thread marking is what stalls the node's one thread.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface Collection {
  atMs: number;
  kind: 'Scavenge' | 'Mark-Compact';
  beforeMb: number;
  afterMb: number;
  pauseMs: number;
  /** Mark-Compact only: incremental marking on the main thread before the final pause, and its wall time. */
  markingMs?: number;
  markingWallMs?: number;
}

const [file, which = 'closer'] = process.argv.slice(2);
if (!file || (which !== 'closer' && which !== 'relay')) throw new Error('usage: gc-summary.ts <log> [closer|relay]');

const LINE = /(\d+) ms: (Scavenge|Mark-Compact) ([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB, ([\d.]+)/;
const collections: Collection[] = [];
let inWindow = false;
const log = readFileSync(file, 'utf8');
for (const line of log.split('\n')) {
  if (which === 'closer' && line.includes('capacity: measuring')) inWindow = true;
  if (which === 'closer' && line.includes('without moves')) inWindow = false;
  if (which === 'relay' && line.includes('the bare relay with')) inWindow = true;
  if (which === 'relay' && line.includes('opening rooms')) inWindow = false;
  const match = inWindow && LINE.exec(line);
  if (!match) continue;
  const marking = /\+ ([\d.]+) ms in \d+ steps.*walltime since start of marking (\d+) ms/.exec(line);
  collections.push({
    atMs: Number(match[1]),
    kind: match[2] as Collection['kind'],
    beforeMb: Number(match[3]),
    afterMb: Number(match[4]),
    pauseMs: Number(match[5]),
    ...(marking ? { markingMs: Number(marking[1]), markingWallMs: Number(marking[2]) } : {}),
  });
}
if (collections.length === 0) throw new Error(`no --trace-gc lines in the ${which} window of ${file}`);

// The relay's lines run from its ramp on: keep its last 30 s, as long as a window.
const end = collections.at(-1)!.atMs;
const window = which === 'relay' ? collections.filter((c) => c.atMs > end - 30_000) : collections;
const seconds = (window.at(-1)!.atMs - window[0]!.atMs) / 1000;
const young = window.filter((c) => c.kind === 'Scavenge');

let promotedMb = 0;
let promotedMs = 0;
for (let i = 1; i < window.length; i++) {
  const [before, after] = [window[i - 1]!, window[i]!];
  if (before.kind !== 'Scavenge' || after.kind !== 'Scavenge') continue;
  promotedMb += after.afterMb - before.afterMb;
  promotedMs += after.atMs - before.atMs;
}

const round = (n: number, places = 1) => Number(n.toFixed(places));
const fullCollections = window.filter((c) => c.kind === 'Mark-Compact');

/** Bins of a slow move's start, in ms from the nearest full collection's end. */
const EDGES = [-1000, -500, -250, 0, 250, 500, 1000];

/** Closer's slow moves (BENCH_SLOW_DIR) by when they started against the window's full collections. */
function slowMoves(dir: string) {
  const origin = /time origin ([\d.]+)/.exec(log);
  if (!origin) throw new Error(`no "time origin" line in ${file}: start the node with --require ./bench/time-origin.cjs`);
  const moves = readdirSync(dir)
    .filter((name) => name.startsWith('slow-closer-'))
    .flatMap((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as [number, number][]);
  const bins: Record<string, number> = {};
  for (let i = 1; i < EDGES.length; i++) bins[`${EDGES[i - 1]}..${EDGES[i]}`] = 0;
  let elsewhere = 0;
  for (const [startMs] of moves) {
    const at = startMs - Number(origin[1]);
    const offset = fullCollections.map((c) => at - c.atMs).reduce((a, b) => (Math.abs(b) < Math.abs(a) ? b : a), Infinity);
    const i = EDGES.findIndex((edge) => offset < edge);
    if (i <= 0) elsewhere += 1;
    else bins[`${EDGES[i - 1]}..${EDGES[i]}`]! += 1;
  }
  return { count: moves.length, maxMs: round(Math.max(0, ...moves.map(([, ms]) => ms))), byMsFromFullCollectionEnd: bins, elsewhere };
}

console.log(
  JSON.stringify({
    which,
    seconds: round(seconds),
    scavengesPerSecond: round(young.length / seconds),
    scavengePauseMeanMs: round(young.reduce((sum, c) => sum + c.pauseMs, 0) / young.length),
    promotedMbPerSecond: round((promotedMb / promotedMs) * 1000, 2),
    fullCollections: fullCollections.map((c) => ({ atMs: c.atMs, fromMb: c.beforeMb, liveMb: c.afterMb, pauseMs: c.pauseMs, mainThreadMarkingMs: c.markingMs, markingWallMs: c.markingWallMs })),
    ...(process.env.BENCH_SLOW_DIR && which === 'closer' ? { slowMoves: slowMoves(process.env.BENCH_SLOW_DIR) } : {}),
  }),
);
