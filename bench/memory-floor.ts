// What a connection's memory is made of, layer by layer, in live JavaScript heap (after a full collection,
// so it is exact to a few bytes where RSS moves with V8's heap growth):
//   npx tsx bench/memory-floor.ts [pairs]
// A bare `ws` server (bench/ws-server.ts), the bare Socket.IO relay (bench/relay-server.ts: Engine.IO and
// Socket.IO over the same `ws`), the same relay with the protocol spoken straight over `ws`
// (bench/lean-relay-server.ts) and one Closer node on a throwaway Redis, each probed (bench/heap-probe.cjs)
// empty and then holding `pairs` pairs of sockets (Closer's after four moves each, as bench/memory-per-room.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { startRedis } from '../tests/support/redis-server.js';
import { CloserPair, RelayPair, type Pair } from './pairs.js';
import { buildServers, heapProbe, killAll, startCloser, startRelay, type Server } from './processes.js';
import { sleep } from './stats.js';

const pairs = Number(process.argv[2] ?? 1_000);
const dir = mkdtempSync(join(tmpdir(), 'closer-floor-'));
// The probe in each server writes here (the servers get this process's environment).
Object.assign(process.env, { HEAP_PROBE_DIR: dir, HEAP_PROBE_SNAPSHOT: '0' });
const PROBED = ['--expose-gc', '--require', resolve(import.meta.dirname, 'heap-probe.cjs')];

/** Two bare WebSockets; the `ws` server holds them and does nothing else. */
async function wsPair(url: string): Promise<{ close(): void }> {
  const one = () =>
    new Promise<WebSocket>((done, fail) => {
      const socket = new WebSocket(url.replace('http:', 'ws:'));
      socket.once('open', () => done(socket));
      socket.once('error', fail);
    });
  const sockets = await Promise.all([one(), one()]);
  return { close: () => sockets.forEach((socket) => socket.close()) };
}

async function measure(name: string, server: Server, open: () => Promise<{ close(): void }>) {
  try {
    await sleep(1_000);
    const empty = await heapProbe(server.pid, dir, 1);
    const held: { close(): void }[] = [];
    for (let i = 0; i < pairs; i += 50) held.push(...(await Promise.all(Array.from({ length: Math.min(50, pairs - i) }, open))));
    await sleep(3_000);
    const full = await heapProbe(server.pid, dir, 2);
    for (const pair of held) pair.close();
    const kb = (bytes: number) => Number((bytes / pairs / 1024).toFixed(1));
    return { server: name, pairs, liveHeapPerPairKB: kb(full.usage.after.heapUsed - empty.usage.after.heapUsed), rssPerPairKB: kb(full.rss - empty.rss) };
  } finally {
    await server.stop();
  }
}

async function closerPair(url: string): Promise<Pair> {
  const pair = await CloserPair.open('socket.io', url, url);
  for (let k = 0; k < 4; k++) await pair.move(k % 2 === 0 ? 0 : 1);
  return pair;
}

buildServers();
const redis = await startRedis();
try {
  const rows = [];
  const ws = await startRelay(PROBED, 'ws');
  rows.push(await measure('bare ws', ws, () => wsPair(ws.url)));
  const relay = await startRelay(PROBED);
  rows.push(await measure('bare Socket.IO relay', relay, () => RelayPair.open('socket.io', relay.url)));
  const leanEngine = await startRelay(PROBED, 'lean-engine');
  rows.push(await measure('Socket.IO relay on the lean engine', leanEngine, () => RelayPair.open('socket.io', leanEngine.url)));
  const lean = await startRelay(PROBED, 'lean');
  rows.push(await measure('relay without the Socket.IO server', lean, () => RelayPair.open('socket.io', lean.url)));
  const closer = await startCloser('closer', redis.url, `floor${Date.now()}`, undefined, { nodeFlags: PROBED });
  rows.push(await measure('Closer, one node on Redis', closer, () => closerPair(closer.url)));
  for (const row of rows) console.log(JSON.stringify(row));
} finally {
  killAll();
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
}
