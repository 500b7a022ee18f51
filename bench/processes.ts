// The processes the benchmark starts (Closer nodes, the bare relay, load generators) and what Linux
// says about them: CPU time, resident memory, open files.
import { execFileSync, fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { freePort } from '../tests/support/redis-server.js';
import { GeneratorClient } from './ipc.js';
import { sleep } from './stats.js';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = ['--import', 'tsx'];
/** The servers run as compiled JavaScript, as in production: no TypeScript loader thread in their memory or profile. */
const BUILD = resolve(import.meta.dirname, '.build');

/** Compiles server/, shared/ and the relay into bench/.build (tsconfig.build.json), leaving build/ alone. */
export function buildServers(): void {
  rmSync(BUILD, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'bench/tsconfig.build.json'], { cwd: ROOT });
  if (!existsSync(resolve(BUILD, 'server/main.js'))) throw new Error(`could not compile the server:\n${tsc.stdout.toString()}`);
  // tsc still writes JavaScript when types are wrong; say so, since the run measures that code.
  if (tsc.status !== 0) console.warn(`The server has type errors (measured anyway):\n${tsc.stdout.toString()}`);
}

/** Every limit is far above what the load needs: all of it comes from 127.0.0.1. */
const NO_LIMITS = Object.fromEntries(
  [
    'LIMIT_CONNECTIONS_PER_MINUTE',
    'LIMIT_COMMANDS_PER_SECOND',
    'LIMIT_COMMAND_BURST',
    'LIMIT_ROOM_COMMANDS_PER_SECOND',
    'LIMIT_ROOM_COMMAND_BURST',
    'LIMIT_ADDRESS_COMMANDS_PER_SECOND',
    'LIMIT_ADDRESS_COMMAND_BURST',
    'LIMIT_CREATES_PER_HOUR',
    'LIMIT_FAILED_JOINS_PER_MINUTE',
    'LIMIT_FAILED_JOINS_PER_HOUR',
  ].map((name) => [name, '10000000']),
);

export interface Started {
  name: string;
  pid: number;
  /** SIGTERM, then SIGKILL if it has not gone after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface Server extends Started {
  url: string;
}

const started = new Set<ChildProcess>();

function track(name: string, child: ChildProcess): Started {
  started.add(child);
  let stopRequested = false;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.once('exit', (code, signal) => {
    started.delete(child);
    if (!stopRequested) console.error(`${name} exited unexpectedly (${code ?? signal})`);
  });
  return {
    name,
    pid: child.pid!,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stopRequested = true;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Kills whatever is still running (an error or Ctrl-C in the middle of a run). */
export function killAll(): void {
  for (const child of started) child.kill('SIGKILL');
}

async function listening(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const up = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (up) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port} after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/**
 * One Closer node (server/main.ts, compiled) on a free port, logging nothing, with rate limits out
 * of the way; `redisUrl` null keeps rooms in its memory. `profileDir`: write a V8 CPU profile there when it stops.
 */
export async function startCloser(
  name: string,
  redisUrl: string | null,
  prefix: string,
  profileDir?: string,
  /** V8 flags and environment for the node (bench/memory-per-room.ts), and a reader of what it prints (e.g. --trace-gc). */
  extra: {
    nodeFlags?: readonly string[];
    env?: Record<string, string>;
    onStdout?: (text: string) => void;
    /** Another tree's compiled servers (its bench/.build), for a same-session A/B (bench/latency-ab.ts). */
    build?: string;
  } = {},
): Promise<Server> {
  const port = await freePort();
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
  // BENCH_NODE_FLAGS (space-separated V8 flags) go to every Closer node a bench starts: a V8 setting A/B in one tree.
  const benchFlags = flagsFrom('BENCH_NODE_FLAGS');
  const child = spawn(process.execPath, [...profile, ...benchFlags, ...(extra.nodeFlags ?? []), resolve(extra.build ?? BUILD, 'server/main.js')], {
    cwd: ROOT,
    env: { ...process.env, ...NO_LIMITS, ...extra.env, PORT: String(port), HOST: '127.0.0.1', REDIS_URL: redisUrl ?? '', REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' },
    stdio: ['ignore', extra.onStdout ? 'pipe' : 'inherit', 'inherit'],
  });
  if (extra.onStdout) child.stdout?.setEncoding('utf8').on('data', extra.onStdout);
  const handle = track(name, child);
  await listening(port);
  return { ...handle, url: `http://127.0.0.1:${port}` };
}

/** Space-separated V8 flags from the environment. */
function flagsFrom(name: string): string[] {
  return process.env[name]?.split(' ').filter(Boolean) ?? [];
}

/**
 * The bare Socket.IO relay (bench/relay-server.ts), 'lean-engine' the same on Closer's lean engine; 'lean' the relay without the Socket.IO
 * server (bench/lean-relay-server.ts), with 'ws' a bare `ws` server (bench/ws-server.ts).
 * BENCH_RELAY_FLAGS go to it as BENCH_NODE_FLAGS go to Closer (e.g. --trace-gc, its collector beside Closer's).
 */
export type RelayKind = 'socket.io' | 'lean-engine' | 'lean' | 'ws';
const RELAY_FILES: Record<RelayKind, string> = { 'socket.io': 'relay-server', 'lean-engine': 'relay-server', lean: 'lean-relay-server', ws: 'ws-server' };

export async function startRelay(nodeFlags: readonly string[] = [], which: RelayKind = 'socket.io'): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [...flagsFrom('BENCH_RELAY_FLAGS'), ...nodeFlags, resolve(BUILD, `bench/${RELAY_FILES[which]}.js`)], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), ...(which === 'lean-engine' ? { RELAY_ENGINE: 'lean' } : {}) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const handle = track(which === 'socket.io' || which === 'lean-engine' ? 'relay' : RELAY_FILES[which], child);
  await listening(port);
  return { ...handle, url: `http://127.0.0.1:${port}` };
}

/**
 * A load generator, at niceness 10 (every thread; BENCH_GENERATOR_NICE sets another, 0 for none). The
 * generators stand for people's phones, which have CPUs of their own; here they share the node's two
 * cores, and where the two compete the node under test goes first: its collector's helper threads, say,
 * which at the cap otherwise leave more of the marking to the node's one thread (docs/PERFORMANCE.md,
 * "The partner's view first, load generators that yield"). Its own delays can only lengthen what it measures.
 */
export function startGenerator(name: string): GeneratorClient & Started {
  const nice = process.env.BENCH_GENERATOR_NICE ?? '10';
  if (!/^\d+$/.test(nice) || Number(nice) > 19) throw new Error(`BENCH_GENERATOR_NICE must be 0 to 19, got "${nice}"`);
  // Niced, fork runs `nice -n <n> node --import tsx generator.ts` (nice execs node: same pid, same IPC channel).
  const launch = nice === '0' ? { execArgv: TSX } : { execPath: 'nice', execArgv: ['-n', nice, process.execPath, ...TSX] };
  const child = fork(resolve(ROOT, 'bench/generator.ts'), [], { cwd: ROOT, ...launch, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const handle = track(name, child);
  return Object.assign(new GeneratorClient(name, child), { pid: handle.pid, stop: handle.stop });
}

// ---- /proc

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Resident memory in bytes. */
export function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m);
  return line ? Number(line[1]) * 1024 : 0;
}

/** Resident memory by kind of mapping, in bytes (from /proc/<pid>/smaps). */
export interface MemoryMap {
  /** Anonymous mappings of exactly 256 KB: V8's heap pages (its young, old and code spaces). */
  v8PagesBytes: number;
  /** The program break ([heap]): glibc malloc's main arena (native objects, buffers). */
  mallocBytes: number;
  /** Other anonymous mappings: V8's large objects, malloc's thread arenas, stacks. */
  otherAnonBytes: number;
  /** Mapped files: node's own binary and libraries (shared with other processes). */
  fileBytes: number;
}

/** Where the process's resident memory is, by kind of mapping (V8's pages told by their size, a heuristic). */
export function memoryMap(pid: number): MemoryMap {
  const map: MemoryMap = { v8PagesBytes: 0, mallocBytes: 0, otherAnonBytes: 0, fileBytes: 0 };
  let kind: keyof MemoryMap = 'otherAnonBytes';
  let sizeKb = 0;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) {
      const name = mapping[1] ?? '';
      kind = name.startsWith('/') ? 'fileBytes' : name === '[heap]' ? 'mallocBytes' : 'otherAnonBytes';
      continue;
    }
    const size = /^Size:\s+(\d+) kB/.exec(line);
    if (size) sizeKb = Number(size[1]);
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) map[kind === 'otherAnonBytes' && sizeKb === 256 ? 'v8PagesBytes' : kind] += Number(rss[1]) * 1024;
  }
  return map;
}

export function openFiles(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

/** The hard limit on open files (sockets included) for that process. */
export function openFilesLimit(pid: number): number {
  const line = readFileSync(`/proc/${pid}/limits`, 'utf8').match(/^Max open files\s+(\d+)\s+(\d+)/m);
  return line ? Number(line[2]) : Infinity;
}

/** CPU used by a set of processes between two calls, as a share of one core (100 = one core busy). */
export class CpuMeter {
  private start: { at: number; cpu: number[] };

  constructor(private pids: number[]) {
    this.start = this.read();
  }

  private read() {
    return { at: performance.now(), cpu: this.pids.map(cpuSeconds) };
  }

  /** Per process, % of one core since the meter was made; and the CPU seconds used. */
  stop(): { percent: number[]; seconds: number[] } {
    const end = this.read();
    const wall = (end.at - this.start.at) / 1000;
    const seconds = end.cpu.map((cpu, i) => cpu - this.start.cpu[i]!);
    return { percent: seconds.map((s) => (100 * s) / wall), seconds };
  }
}

/** The machine's CPU counters (all cores, in ticks): /proc/stat's first line. */
function machineTicks(): { busy: number; softirq: number; steal: number; total: number } {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq!;
  return { busy, softirq: softirq!, steal: steal!, total: busy + idle! + iowait! + steal! };
}

/**
 * The whole machine's CPU between two calls, in % of one core (so up to 100 × cores): everything that ran,
 * ours or not, including the kernel's network work (softirq) that no process is charged for.
 */
export class MachineCpuMeter {
  private start = machineTicks();
  private startedAt = performance.now();

  stop(): { busy: number; softirq: number; steal: number } {
    const end = machineTicks();
    const seconds = (performance.now() - this.startedAt) / 1000;
    const percent = (ticks: number) => (100 * ticks) / TICKS_PER_SECOND / seconds;
    return {
      busy: percent(end.busy - this.start.busy),
      softirq: percent(end.softirq - this.start.softirq),
      steal: percent(end.steal - this.start.steal),
    };
  }
}

/** What bench/heap-probe.cjs writes on SIGUSR2: process.memoryUsage() before and after a full collection. */
export interface HeapProbe {
  before: NodeJS.MemoryUsage;
  after: NodeJS.MemoryUsage;
}

/**
 * Asks a server loaded with bench/heap-probe.cjs (writing into `dir`) for its `n`-th probe and waits for
 * it; `rss` is read just before. The probe's file is removed once read: another server started later
 * numbers its probes from 1 too.
 */
export async function heapProbe(pid: number, dir: string, n: number): Promise<{ rss: number; usage: HeapProbe }> {
  const rss = rssBytes(pid);
  process.kill(pid, 'SIGUSR2');
  const file = join(dir, `probe-${n}.json`);
  for (let i = 0; i < 240; i++) {
    await sleep(250);
    try {
      const usage = JSON.parse(readFileSync(file, 'utf8')) as HeapProbe;
      rmSync(file);
      return { rss, usage };
    } catch {
      // not written yet (or half written)
    }
  }
  throw new Error(`heap probe ${n} of process ${pid} not written`);
}
