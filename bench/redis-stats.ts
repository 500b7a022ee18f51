// What Redis says: its CPU and memory, the memory of given keys, and the commands clients send it.
import { connect } from 'node:net';
import type { Redis } from 'ioredis';
import { sleep } from './stats.js';

function infoField(info: string, field: string): number {
  const match = info.match(new RegExp(`^${field}:([\\d.]+)`, 'm'));
  return match ? Number(match[1]) : 0;
}

export async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  return infoField(info, 'used_cpu_sys') + infoField(info, 'used_cpu_user');
}

export async function redisUsedMemory(redis: Redis): Promise<number> {
  return infoField(await redis.info('memory'), 'used_memory');
}

/** Bytes Redis holds for the key (value, key and overheads; every element counted), 0 when it is gone. */
export async function keyBytes(redis: Redis, key: string): Promise<number> {
  const bytes = (await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0')) as number | null;
  return bytes ?? 0;
}

/** Room ids inside keys become `{id}` and the run's prefix is dropped, so commands group by kind. */
function shortKey(key: string, prefix: string): string {
  return key.replace(`${prefix}:`, '').replace(/\{[^}]*\}/, '{id}');
}

/** A command as counted: EVALSHA by the keys its script touches, anything else by its name. */
function label(args: string[], prefix: string): string {
  const name = (args[0] ?? '').toLowerCase();
  if (name === 'evalsha' || name === 'eval') {
    const keys = args.slice(3, 3 + Number(args[2]));
    return `${name} [${keys.map((key) => shortKey(key, prefix)).join(', ')}]`;
  }
  return name;
}

/** One MONITOR line: `+1700000000.123456 [0 127.0.0.1:5000] "evalsha" "…"`, or `[0 lua]` inside a script. */
function parseMonitorLine(line: string): { at: number; source: string; args: string[] } | null {
  const head = line.match(/^\+(\d+\.\d+) \[\d+ ([^\]]+)\] /);
  if (!head) return null;
  // Arguments are quoted, with \" and \\ escaped; the key names and command names are all we read.
  const args = [...line.slice(head[0].length).matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
  return { at: Number(head[1]), source: head[2]!, args };
}

/** Redis's own clock, in seconds: MONITOR lines carry it, so a window is cut by it. */
async function redisTime(redis: Redis): Promise<number> {
  const [seconds, micros] = await redis.time();
  return Number(seconds) + Number(micros) / 1e6;
}

export interface CommandCount {
  moves: number;
  /** Commands sent by clients (each a request/answer on a connection), per move, by label. */
  sent: Record<string, number>;
  sentPerMove: number;
  /** Commands Lua scripts ran inside Redis (no network), per move, by name. */
  insideScripts: Record<string, number>;
}

/**
 * Counts every command Redis runs for keys under `prefix` while `during` runs (by Redis's clock); `during`
 * answers how many moves it made. MONITOR shows each command with its source: a client's address, or "lua" inside a
 * script. It slows Redis down, so it is only used in windows whose latencies are not measured. A plain
 * socket rather than ioredis: under heavy traffic ioredis can read monitor lines as answers.
 */
export async function countCommands(admin: Redis, port: number, prefix: string, during: () => Promise<number>): Promise<CommandCount> {
  const sent: Record<string, number> = {};
  const inside: Record<string, number> = {};
  const window = { from: Infinity, to: Infinity };
  const socket = connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  let buffered = '';
  socket.on('data', (chunk: string) => {
    const lines = (buffered + chunk).split('\r\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const parsed = parseMonitorLine(line);
      if (!parsed || parsed.at < window.from || parsed.at > window.to) continue;
      const name = (parsed.args[0] ?? '').toLowerCase();
      if (parsed.source === 'lua') inside[name] = (inside[name] ?? 0) + 1;
      // Only this deployment's traffic: other (idle) servers on the same Redis still poll their own streams.
      else if (parsed.args.some((arg) => arg.includes(prefix))) {
        const key = label(parsed.args, prefix);
        sent[key] = (sent[key] ?? 0) + 1;
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.write('MONITOR\r\n', () => resolve());
  });
  window.from = await redisTime(admin);
  const moves = await during();
  window.to = await redisTime(admin);
  // MONITOR lines trail the commands a little.
  await sleep(300);
  socket.destroy();
  const perMove = (counts: Record<string, number>) =>
    Object.fromEntries(Object.entries(counts).sort(([, a], [, b]) => b - a).map(([key, n]) => [key, round(n / moves)]));
  return {
    moves,
    sent: perMove(sent),
    sentPerMove: round(Object.values(sent).reduce((a, b) => a + b, 0) / moves),
    insideScripts: perMove(inside),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
