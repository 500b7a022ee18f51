// Where a canary (a word a person typed) must never appear in the clear: every Redis value (the adapter's
// stream included), the append-only files of a Redis started with `appendonly yes`, the server's logs, and
// every frame a client sent or the server received. Each helper gathers one source as named text, and
// expectNoCanary says which canary was found where. Used by tests/integration/sealed-aof.test.ts.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { expect } from 'vitest';
import type { RunningServer } from '../../server/server.js';
import { RedisStore } from '../../server/store/redis.js';
import { everything } from './redis-dump.js';
import { startRedis, type RedisProcess } from './redis-server.js';
import { startTestServer, type Client } from './server.js';

/** One place searched, as text, with a name that says where it is. */
export interface Source {
  name: string;
  text: string;
}

/** A canary: a word (found as a substring) or a pattern (e.g. an unsealed value's JSON shape). */
export type Canary = string | RegExp;

/**
 * Fails naming every (canary, place) pair found. Each canary is also looked for JSON-escaped, as it
 * would sit inside a JSON string, and base64-encoded is deliberately not searched (sealed text is base64url).
 */
export function expectNoCanary(canaries: readonly Canary[], sources: readonly Source[]): void {
  const found: string[] = [];
  for (const source of sources) {
    for (const canary of canaries) {
      const hit = typeof canary === 'string' ? source.text.includes(canary) || source.text.includes(JSON.stringify(canary).slice(1, -1)) : canary.test(source.text);
      if (hit) found.push(`${String(canary)} in ${source.name}`);
    }
  }
  expect(found, 'canaries found in the clear').toEqual([]);
}

/** Asserts a source really holds the room (e.g. its seal id), so "no canary" is not the silence of an empty source. */
export function expectMentions(sources: readonly Source[], marker: string): void {
  const empty = sources.filter((s) => !s.text.includes(marker)).map((s) => s.name);
  expect(empty, `sources that do not mention ${marker}`).toEqual([]);
}

/**
 * A throwaway Redis with `appendonly yes` (fsync always) in its own temp dir, whose AOF files a test can
 * read. A rewrite writes the base file with an RDB preamble (as docker-compose.yml runs Redis); its strings
 * are kept uncompressed here (`rdbcompression no`) so a search of the files still finds what is in them.
 */
export interface AofRedis extends RedisProcess {
  dir: string;
  /** Every file Redis wrote in its dir (Redis 7 keeps the AOF under appenddirname: base, incr and manifest), whole. */
  files(): Promise<Source[]>;
  /** Rewrites the AOF (BGREWRITEAOF) and waits until the new files are in place. */
  rewrite(): Promise<void>;
  /** Stops Redis and removes its dir. */
  remove(): Promise<void>;
}

export async function startAofRedis(): Promise<AofRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'closer-aof-'));
  const redis = await startRedis(undefined, dir);
  const admin = new Redis(redis.url);
  await admin.config('SET', 'rdbcompression', 'no', 'aof-use-rdb-preamble', 'yes');
  admin.disconnect();
  return {
    ...redis,
    dir,
    files: () => filesUnder(dir, 'aof'),
    async rewrite() {
      const r = new Redis(redis.url);
      try {
        await r.bgrewriteaof();
        for (const deadline = Date.now() + 10_000; ; ) {
          const info = await r.info('persistence');
          if (/aof_rewrite_in_progress:0/.test(info) && /aof_rewrite_scheduled:0/.test(info)) break;
          if (Date.now() > deadline) throw new Error('the AOF rewrite did not finish');
          await new Promise((done) => setTimeout(done, 50));
        }
      } finally {
        r.disconnect();
      }
    },
    async remove() {
      await redis.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function filesUnder(dir: string, label: string): Promise<Source[]> {
  const out: Source[] = [];
  for (const entry of await readdir(dir)) {
    const path = join(dir, entry);
    if ((await stat(path)).isDirectory()) out.push(...(await filesUnder(path, `${label}/${entry}`)));
    else out.push({ name: `${label}/${entry}`, text: (await readFile(path)).toString('latin1') });
  }
  return out;
}

/** Every key of a Redis with its whole value, one source per key (streams read with XRANGE, so the outbox's entries are in). */
export async function redisSources(redis: Redis): Promise<Source[]> {
  return (await everything(redis)).map((k) => ({ name: `redis ${k.type} ${k.key}`, text: `${k.key} ${k.text}` }));
}

/** The stream entries alone (the adapter's stream, which the commit's outbox also writes), one source per stream. */
export async function streamSources(redis: Redis): Promise<Source[]> {
  return (await redisSources(redis)).filter((s) => s.name.startsWith('redis stream '));
}

/**
 * Records every frame a socket.io-client sends (engine.io `packetCreate`, before it goes on the wire),
 * across reconnects (each connection has a new engine). Call right after making the client.
 */
export function recordSent(c: Client, name: string): Source {
  const source: Source = { name: `frames sent by ${name}`, text: '' };
  const record = (packet: { type: string; data?: unknown }) => {
    source.text += `${packet.type} ${typeof packet.data === 'string' ? packet.data : JSON.stringify(packet.data ?? '')}\n`;
  };
  const seen = new WeakSet<object>();
  const attach = () => {
    const engine = c.socket.io.engine;
    if (!engine || seen.has(engine)) return;
    seen.add(engine);
    engine.on('packetCreate', record);
  };
  c.socket.io.on('open', attach);
  attach();
  return source;
}

/** Records every Engine.IO message (a Socket.IO packet) the server receives from any client, from now on. */
export function recordReceived(server: RunningServer): Source {
  const source: Source = { name: 'frames the server received', text: '' };
  server.io.engine.on('connection', (conn: { on(event: 'data', listener: (data: string | Buffer) => void): void }) => {
    conn.on('data', (data) => {
      source.text += `${typeof data === 'string' ? data : data.toString('base64')}\n`;
    });
  });
  return source;
}

/** Log lines collected by startTestServer(store, { logLevel: 'trace' }, logs), as one source. */
export function logSource(logs: readonly string[]): Source {
  return { name: 'server logs (trace)', text: logs.join('\n') };
}

/**
 * The whole setup of a canary test: a Redis keeping an AOF, a store on it under `prefix`, the real server
 * logging at trace into `logs`, what the server received, an admin connection, and the clients to close.
 */
export interface AofWorld {
  redis: AofRedis;
  admin: Redis;
  store: RedisStore;
  server: RunningServer;
  logs: string[];
  received: Source;
  clients: Client[];
  close(): Promise<void>;
}

export async function startAofWorld(prefix: string): Promise<AofWorld> {
  const redis = await startAofRedis();
  const admin = new Redis(redis.url);
  const store = await RedisStore.connect(redis.url, prefix);
  const logs: string[] = [];
  // A second node on the same Redis, which nobody connects to: a node alone publishes no views to the
  // stream (server/realtime/lone.ts), and the stream is one of the places looked in, so it must hold the
  // room's views as it does for a couple on two nodes. It starts first, so the other hears it at once.
  const peerStore = await RedisStore.connect(redis.url, prefix);
  const peer = await startTestServer(peerStore, { logLevel: 'trace' }, logs);
  const server = await startTestServer(store, { logLevel: 'trace' }, logs);
  const clients: Client[] = [];
  return {
    redis, admin, store, server, logs, clients,
    received: recordReceived(server),
    async close() {
      clients.forEach((c) => c.close());
      await server.close();
      await peer.close();
      await store.close();
      await peerStore.close();
      admin.disconnect();
      await redis.remove();
    },
  };
}
