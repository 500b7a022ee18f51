// A node's stream readers get back what it wrote itself: the views of its own commits, which it has sent
// to its own sockets already. They are dropped by their node id before anything parses them
// (server/cluster.ts), so a lone node, or a room whose two people share a node, costs no parsing twice.
import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.js';
import { RedisStore } from '../../server/store/redis.js';
import { send } from '../support/question-swap.js';
import { redisServerInstalled, startRedis, type RedisProcess } from '../support/redis-server.js';
import { eventually, seatedPair, startTestServer, type Client } from '../support/server.js';

interface RawMessage {
  uid?: string;
  nsp?: string;
}

describe.runIf(redisServerInstalled())('a node does not read its own stream entries back', () => {
  let redis: RedisProcess;
  let store: RedisStore;
  let node: RunningServer;
  const clients: Client[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    store = await RedisStore.connect(redis.url, `own-${nanoid(6)}`);
    node = await startTestServer(store);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await node?.close();
    await store?.close();
    await redis?.stop();
  });

  it('ten moves on one node: the partner sees each, and no entry of this node is handed to its adapter', async () => {
    const adapter = node.io.of('/').adapter as unknown as { uid: string; onRawMessage(message: RawMessage, offset: string): void };
    const handed: RawMessage[] = [];
    const original = adapter.onRawMessage.bind(adapter);
    adapter.onRawMessage = (message, offset) => {
      handed.push(message);
      original(message, offset);
    };
    const { ada, grace } = await seatedPair(node.url);
    clients.push(ada, grace);
    const propose = { type: 'propose', activity: 'question-swap', options: { answerMode: 'write' } } as const;
    let last = 0;
    for (let i = 0; i < 5; i++) {
      for (const [c, seat, command] of [[ada, 0, propose], [grace, 1, { type: 'withdraw' }]] as const) {
        const answer = await send(c, seat, command);
        if (!answer.ok) throw new Error(answer.error.code);
        last = answer.version;
      }
    }
    await eventually(() => expect(ada.snapshots.at(-1)?.version).toBe(last));
    // A lone node writes no views of its commits (lone-node.test.ts); what it writes (presence) it skips.
    // The readers wake at least every second: give them time to have read everything.
    expect(await store.redis.xlen(`${store.prefix}:sio`)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(handed.filter((m) => m.uid === adapter.uid)).toEqual([]);
  });
});
