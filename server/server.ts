// Puts the pieces together: store, HTTP app, realtime. Used by main.ts and by the tests, which
// start the real server on a random port.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { joinCluster } from './cluster.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { attachRealtime, type CloserServer } from './realtime/index.js';
import type { RoomCacheStats } from './room-cache.js';
import { MemoryStore } from './store/memory.js';
import { RedisStore } from './store/redis.js';
import type { RoomStore } from './store/types.js';

export interface RunningServer {
  http: HttpServer;
  io: CloserServer;
  store: RoomStore;
  port: number;
  url: string;
  /** How this node's room cache did (RoomService.cacheStats). */
  cacheStats(): RoomCacheStats;
  /**
   * Stops: takes no new connections and reports not ready, waits for the commands being handled to be
   * answered (up to half the shutdown grace), then closes every socket (their clients reconnect to
   * another node) and its connections to Redis.
   */
  close(): Promise<void>;
}

export async function openStore(config: Config, log: Logger): Promise<RoomStore> {
  const onError = (error: Error) => log.warn({ err: { message: error.message } }, 'redis connection problem');
  if (config.redisClusterNodes) {
    const store = await RedisStore.connectCluster(config.redisClusterNodes, config.redisPrefix, onError);
    log.info({ prefix: config.redisPrefix, nodes: config.redisClusterNodes.length }, 'rooms are stored in Redis Cluster');
    return store;
  }
  if (!config.redisUrl) {
    log.warn('REDIS_URL is not set: rooms are kept in this process’s memory and are lost when it stops');
    return new MemoryStore();
  }
  const store = await RedisStore.connect(config.redisUrl, config.redisPrefix, onError);
  log.info({ prefix: config.redisPrefix }, 'rooms are stored in Redis');
  return store;
}

export async function startServer(config: Config, log: Logger, store?: RoomStore): Promise<RunningServer> {
  const rooms = store ?? (await openStore(config, log));
  let stopping = false;
  const http = createServer(createApp({ clientDir: config.clientDir, ready: async () => !stopping && (await rooms.ping()) }));
  const redis = rooms instanceof RedisStore ? rooms : null;
  const cluster =
    redis &&
    joinCluster(redis.redis, redis.prefix, (error) => log.warn({ err: { message: error.message } }, 'redis connection problem (cluster)'));
  const realtime = attachRealtime(http, {
    store: rooms,
    config,
    log,
    shared: redis && { redis: redis.redis, prefix: redis.prefix },
    ...(cluster && redis ? { cluster: { ...cluster, keysOf: (roomId: string) => ({ roomKey: redis.roomKeys(roomId)[0], streamKey: redis.streamFor(roomId) }) } } : {}),
  });
  // Before taking connections: the other nodes know of this one, so its people are not left out.
  await realtime.greet();
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, resolve);
  });
  const { port } = http.address() as AddressInfo;
  return {
    http,
    io: realtime.io,
    store: rooms,
    port,
    url: `http://127.0.0.1:${port}`,
    cacheStats: () => realtime.service.cacheStats(),
    async close() {
      if (stopping) return;
      stopping = true;
      log.info({ roomCache: realtime.service.cacheStats() }, 'stopping');
      http.close();
      await realtime.drain(config.shutdownGraceMs / 2);
      await realtime.io.close();
      await cluster?.close();
      if (!store) await rooms.close();
    },
  };
}
