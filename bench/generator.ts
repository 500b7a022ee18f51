// A load-generator process, driven by run.ts over IPC (ipc.ts). It plays both people of every pair it
// opens: latency scenarios (a few pairs, moves at a fixed pacing) and capacity rooms (each person moves
// every few seconds, on a schedule of its own).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { SeatIndex } from '../shared/protocol.js';
import { serve, type ClientKind, type Target, type WindowResult } from './ipc.js';
import { pingGaps } from './lean-socket.js';
import { CloserPair, openPair, type MoveOutcome, type Pair } from './pairs.js';
import { sleep } from './stats.js';

/** Rooms being opened at once while ramping up; the rest wait their turn. */
const OPENING_AT_ONCE = 20;

/**
 * BENCH_SLOW_DIR (a fresh one for each run): each generator writes there the moves of its last capacity
 * window that took over BENCH_SLOW_MS (50 by default), as [start in ms since the epoch, latency in ms], for
 * bench/gc-summary.ts to set beside the node's collections.
 */
const SLOW_DIR = process.env.BENCH_SLOW_DIR;
const SLOW_MS = Number(process.env.BENCH_SLOW_MS ?? 50);

/** Where the outcomes of the moves that started while it was open go. */
class Window {
  readonly latencies: number[] = [];
  readonly slow: [number, number][] = [];
  readonly failed: Record<string, number> = {};
  lost = 0;
  skipped = 0;
  inFlight = 0;
  private loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 5 });

  constructor() {
    this.loop.enable();
    pingGaps.reset();
  }

  async track(move: Promise<MoveOutcome>): Promise<void> {
    this.inFlight += 1;
    const outcome = await move;
    this.inFlight -= 1;
    if (outcome.ok) {
      this.latencies.push(outcome.ms);
      if (SLOW_DIR && outcome.ms > SLOW_MS) this.slow.push([performance.timeOrigin + performance.now() - outcome.ms, outcome.ms]);
    }
    else if (outcome.reason === 'LOST') this.lost += 1;
    else this.failed[outcome.reason] = (this.failed[outcome.reason] ?? 0) + 1;
  }

  /** Waits for the moves still in flight (each ends by its own timeout), then sums up. */
  async close(): Promise<WindowResult> {
    while (this.inFlight > 0) await sleep(20);
    this.loop.disable();
    const toMs = (ns: number) => ns / 1e6;
    return {
      latencies: this.latencies,
      failed: this.failed,
      lost: this.lost,
      skipped: this.skipped,
      loopDelay: { p50: toMs(this.loop.percentile(50)), p99: toMs(this.loop.percentile(99)), max: toMs(this.loop.max) },
      longestPingGapMs: pingGaps.longestMs,
    };
  }
}

let committed = 0;

/** Runs a move and counts it when the server accepted it; `room` counts its own too. */
async function counted(move: Promise<MoveOutcome>, room?: LiveRoom): Promise<MoveOutcome> {
  const outcome = await move;
  if (outcome.ok || outcome.reason === 'LOST') {
    committed += 1;
    if (room) room.moves += 1;
  }
  return outcome;
}

// ---- Latency scenarios: pairs under a name, moves at a fixed pacing over them.

const scenarios = new Map<string, Pair[]>();

async function latencyBlock(args: { scenario: string; warmup: number; moves: number; gapMs: number }): Promise<WindowResult> {
  const pairs = scenarios.get(args.scenario);
  if (!pairs) throw new Error(`no pairs for ${args.scenario}`);
  const busy = new Set<Pair>();
  let window = new Window();
  const warmupWindow = window;
  const start = performance.now();
  for (let i = 0; i < args.warmup + args.moves; i++) {
    if (i === args.warmup) window = new Window();
    // An open-loop schedule: move i leaves at start + i·gap, whatever the earlier ones are doing.
    const wait = start + i * args.gapMs - performance.now();
    if (wait > 0) await sleep(wait);
    const pair = pairs[i % pairs.length]!;
    if (busy.has(pair)) {
      window.skipped += 1;
      continue;
    }
    busy.add(pair);
    // Seats alternate per pair: A moves, then B, then A…
    const seat = (Math.floor(i / pairs.length) % 2) as SeatIndex;
    void window.track(counted(pair.move(seat)).finally(() => busy.delete(pair)));
  }
  await warmupWindow.close();
  return window.close();
}

// ---- Capacity rooms: each person moves every `moveEveryMs`, the two half a period apart.

interface LiveRoom {
  pair: Pair;
  /** Moves the server accepted for this room. */
  moves: number;
  busy: boolean;
  timer: NodeJS.Timeout | null;
}

const rooms: LiveRoom[] = [];
let measuring: Window | null = null;
let moving = true;

function drive(room: LiveRoom, moveEveryMs: number): void {
  const period = moveEveryMs / 2;
  let next = performance.now() + Math.random() * period;
  let seat: SeatIndex = 0;
  const step = () => {
    if (!moving) return;
    const window = measuring;
    if (room.busy) {
      if (window) window.skipped += 1;
    } else {
      room.busy = true;
      const move = counted(room.pair.move(seat), room).finally(() => (room.busy = false));
      if (window) void window.track(move);
    }
    seat = seat === 0 ? 1 : 0;
    next += period;
    room.timer = setTimeout(step, Math.max(0, next - performance.now()));
  };
  room.timer = setTimeout(step, next - performance.now());
}

/** Opens rooms at a steady pace; gives up after `deadlineMs` (an overloaded server), keeping what is open. */
async function openRooms(args: { client: ClientKind; target: Target; rooms: number; perSecond: number; moveEveryMs: number; deadlineMs: number }) {
  const gapMs = 1000 / args.perSecond;
  const start = performance.now();
  const opening = new Set<Promise<void>>();
  let failedOpens = 0;
  for (let i = 0; rooms.length + opening.size < args.rooms && performance.now() - start < args.deadlineMs; i++) {
    const wait = start + i * gapMs - performance.now();
    if (wait > 0) await sleep(wait);
    while (opening.size >= OPENING_AT_ONCE) await Promise.race(opening);
    const open: Promise<void> = openPair(args.client, args.target).then(
      (pair) => {
        const room: LiveRoom = { pair, moves: 0, busy: false, timer: null };
        rooms.push(room);
        drive(room, args.moveEveryMs);
      },
      () => {
        failedOpens += 1;
      },
    );
    const tracked = open.finally(() => opening.delete(tracked));
    opening.add(tracked);
  }
  await Promise.all(opening);
  return { rooms: rooms.length, failedOpens };
}

serve({
  async openPairs({ scenario, client, target, pairs }) {
    const opened = await Promise.all(Array.from({ length: pairs }, () => openPair(client, target)));
    scenarios.set(scenario, opened);
    // One move per pair, so the size of a partner's message can be read.
    for (const pair of opened) await counted(pair.move(0));
    return {
      roomIds: opened.flatMap((pair) => (pair instanceof CloserPair ? [pair.roomId] : [])),
      snapshotBytes: opened[0]?.messageBytes() ?? 0,
    };
  },
  latencyBlock,
  openRooms,
  async measureStart() {
    measuring = new Window();
    return null;
  },
  async measureStop() {
    const window = measuring;
    measuring = null;
    if (!window) throw new Error('no window open');
    const result = await window.close();
    if (SLOW_DIR) {
      mkdirSync(SLOW_DIR, { recursive: true });
      const kind = rooms[0]?.pair instanceof CloserPair ? 'closer' : 'relay';
      writeFileSync(join(SLOW_DIR, `slow-${kind}-${process.pid}.json`), JSON.stringify(window.slow));
    }
    return result;
  },
  async committed() {
    return committed;
  },
  async stopMoves() {
    moving = false;
    for (const room of rooms) if (room.timer) clearTimeout(room.timer);
    while (rooms.some((room) => room.busy)) await sleep(20);
    return null;
  },
  async roomSample({ count }) {
    const sampled = rooms.filter((room) => room.pair instanceof CloserPair).slice(0, count);
    const sample = sampled.map((room) => room.pair as CloserPair);
    return {
      movesPerRoom: sampled.reduce((n, room) => n + room.moves, 0) / Math.max(1, sampled.length),
      roomIds: sample.map((pair) => pair.roomId),
      codes: sample.flatMap((pair) => (pair.lookups.code ? [pair.lookups.code] : [])),
      claimIds: sample.flatMap((pair) => pair.lookups.claimIds),
    };
  },
});

// The orchestrator going away ends this process too.
process.on('disconnect', () => process.exit(0));
