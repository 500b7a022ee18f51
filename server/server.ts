// Puts the pieces together: store, HTTP app, realtime. Used by main.ts and by the tests, which
// start the real server on a random port.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { attachRealtime, type CloserServer } from './realtime.js';
import { MemoryStore } from './store/memory.js';
import { RedisStore } from './store/redis.js';
import type { RoomStore } from './store/types.js';

export interface RunningServer {
  http: HttpServer;
  io: CloserServer;
  store: RoomStore;
  port: number;
  url: string;
  /** Stops taking connections, closes sockets and the store. */
  close(): Promise<void>;
}

export async function openStore(config: Config, log: Logger): Promise<RoomStore> {
  if (!config.redisUrl) {
    log.warn('REDIS_URL is not set: rooms are kept in this process’s memory and are lost when it stops');
    return new MemoryStore();
  }
  const store = await RedisStore.connect(config.redisUrl, config.redisPrefix, (error) =>
    log.warn({ err: { message: error.message } }, 'redis connection problem'),
  );
  log.info({ prefix: config.redisPrefix }, 'rooms are stored in Redis');
  return store;
}

export async function startServer(config: Config, log: Logger, store?: RoomStore): Promise<RunningServer> {
  const rooms = store ?? (await openStore(config, log));
  const http = createServer(createApp({ clientDir: config.clientDir, ready: () => rooms.ping() }));
  const shared = rooms instanceof RedisStore ? { redis: rooms.redis, prefix: rooms.prefix } : null;
  const { io } = attachRealtime(http, { store: rooms, config, log, shared });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, resolve);
  });
  const { port } = http.address() as AddressInfo;
  return {
    http,
    io,
    store: rooms,
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await io.close();
      if (!store) await rooms.close();
    },
  };
}
