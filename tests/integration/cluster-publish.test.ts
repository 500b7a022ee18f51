// The adapter sends pub/sub messages (presence queries, room:forget) without catching them: with its
// Redis connection gone, one used to reject unhandled (seen once as a failed CI run). cluster.ts catches
// them and reports them as connection problems instead.
import { createServer } from 'node:http';
import { nanoid } from 'nanoid';
import { Server } from 'socket.io';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { joinCluster } from '../../server/cluster.js';
import { RedisStore } from '../../server/store/redis.js';
import { eventually } from '../support/server.js';

const redisUrl = inject('redisUrl');

describe.runIf(redisUrl !== '')('the cluster adapter with its Redis gone', () => {
  const closing: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const close of closing) await close();
  });

  it('a server-side message that cannot be published is reported, not left as an unhandled rejection', async () => {
    const store = await RedisStore.connect(redisUrl, `cluster-${nanoid(6)}`);
    closing.push(() => store.close());
    const problems: Error[] = [];
    const cluster = joinCluster(store.redis, store.prefix, (error) => problems.push(error));
    const io = new Server(createServer(), { adapter: cluster.adapter });
    closing.push(() => io.close());
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await cluster.close();
      io.serverSideEmit('room:forget', 'r:nothing');
      await eventually(() => expect(problems.some((p) => /closed/i.test(p.message))).toBe(true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
