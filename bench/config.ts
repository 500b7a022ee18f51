// How big a run is. The full run is what docs/PERFORMANCE.md reports; BENCH_QUICK=1 is a small run for
// working on the benchmark itself.
import { resolve } from 'node:path';
import type { ClientKind } from './ipc.js';

export interface BenchConfig {
  quick: boolean;
  latency: {
    /** The relay and Closer alike, so the ratios compare like with like. */
    client: ClientKind;
    /** Pairs per scenario; moves go round-robin over them, so each pair moves every pairs × gapMs. */
    pairs: number;
    /** The scenarios take turns in this many rounds, so a slow spell of the machine hits them alike. */
    rounds: number;
    /** Moves per scenario per round, not measured, before the measured ones. */
    warmup: number;
    /** Measured moves per scenario per round. */
    moves: number;
    /** Redis PINGs per round (the floor of one round trip). */
    pings: number;
    /** One move leaves every gapMs, in every scenario alike. */
    gapMs: number;
    /** Moves watched with MONITOR to count Redis commands (not timed). */
    countedMoves: number;
  };
  capacity: {
    client: ClientKind;
    /** Live rooms, one level after another; rooms are added to reach each. */
    levels: number[];
    /** Each person makes a move this often; the two people of a room take turns. */
    moveEveryMs: number;
    /** Rooms opened per second while ramping up (over all generators). */
    rampPerSecond: number;
    settleSeconds: number;
    windowSeconds: number;
    /** Seconds of MONITOR at each level, after its window, to count Redis commands per move. */
    countSeconds: number;
    /** Sockets per load-generator process (each process may hold 20,000 files here). */
    socketsPerGenerator: number;
    /** Rooms whose keys are measured with MEMORY USAGE at the end. */
    memorySample: number;
    /** Pairs the bare relay holds first, as the baseline of memory and CPU per room (BaselineResult). */
    baselineRooms: number;
    /** Which relay is the baseline: the bare Socket.IO relay, or BENCH_RELAY=lean for one without the Socket.IO server. */
    relay: 'socket.io' | 'lean';
  };
  /** Write a CPU profile (node --cpu-prof) of every Closer node into `profileDir`. */
  profileDir: string | null;
  out: string;
}

export function benchConfig(env: NodeJS.ProcessEnv): BenchConfig {
  const quick = env.BENCH_QUICK === '1';
  const levels = env.BENCH_LEVELS?.split(',').map(Number) ?? (quick ? [200, 1_000] : [1_000, 5_000, 10_000]);
  if (levels.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_LEVELS must be whole numbers, got "${env.BENCH_LEVELS}"`);
  const relayPairs = env.BENCH_RELAY_PAIRS === undefined ? undefined : Number(env.BENCH_RELAY_PAIRS);
  if (relayPairs !== undefined && (!Number.isInteger(relayPairs) || relayPairs < 1)) throw new Error(`BENCH_RELAY_PAIRS must be a whole number, got "${env.BENCH_RELAY_PAIRS}"`);
  const window = env.BENCH_WINDOW_SECONDS === undefined ? undefined : Number(env.BENCH_WINDOW_SECONDS);
  if (window !== undefined && (!Number.isInteger(window) || window < 1)) throw new Error(`BENCH_WINDOW_SECONDS must be a whole number, got "${env.BENCH_WINDOW_SECONDS}"`);
  const relay = env.BENCH_RELAY ?? 'socket.io';
  if (relay !== 'lean' && relay !== 'socket.io') throw new Error(`BENCH_RELAY must be lean or socket.io, got "${relay}"`);
  const results = resolve(import.meta.dirname, 'results');
  const client = env.BENCH_CLIENT;
  if (client !== undefined && client !== 'lean' && client !== 'socket.io') throw new Error(`BENCH_CLIENT must be lean or socket.io, got "${client}"`);
  return {
    quick,
    latency: {
      // The browser's client by default: the phase is light (one generator, 24 pairs), and its figures stay
      // comparable with the runs before the lean client.
      client: client ?? 'socket.io',
      pairs: 24,
      rounds: quick ? 2 : 5,
      warmup: quick ? 50 : 100,
      moves: quick ? 300 : 1_000,
      pings: quick ? 100 : 200,
      gapMs: 8,
      countedMoves: 300,
    },
    capacity: {
      // The lean client by default: with socket.io-client the generators took half the machine at 9,980 rooms.
      client: client ?? 'lean',
      levels,
      moveEveryMs: 10_000,
      rampPerSecond: 200,
      settleSeconds: quick ? 3 : 10,
      // BENCH_WINDOW_SECONDS for a longer one: a window should hold several of V8's full collections.
      windowSeconds: window ?? (quick ? 10 : 30),
      countSeconds: 2,
      socketsPerGenerator: 5_000,
      memorySample: 400,
      // A level every run reaches on this machine (the relay's RSS a pair is read at it, as Closer's);
      // BENCH_RELAY_PAIRS sets another (the relay at the cap: BENCH_RELAY_PAIRS=9980 BENCH_LEVELS=1).
      baselineRooms: relayPairs ?? Math.min(5_000, Math.max(...levels)),
      relay,
    },
    profileDir: env.BENCH_PROFILE === '1' ? resolve(results, 'profiles') : null,
    out: resolve(env.BENCH_OUT ?? resolve(results, quick ? 'quick.json' : 'latest.json')),
  };
}
