// Presence through a real network path: a page that says it is hidden is "away", and a connection that
// goes silent (packets lost, nothing closed) is seen offline by the other within Socket.IO's ping
// interval + timeout (5 s + 4 s), then here again once the network is back. Run on the memory store, on a
// real Redis, and on two server processes on one Redis with the two people on different nodes, where
// presence asks all nodes (fetchSockets) and what one node announces reaches the other's sockets.
import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Presence } from '../../shared/protocol.js';
import { MemoryStore } from '../../server/store/memory.js';
import { RedisStore } from '../../server/store/redis.js';
import type { RunningServer } from '../../server/server.js';
import { startNode, type Node } from '../support/nodes.js';
import { eventually, seatedPair, startTestServer, type Client } from '../support/server.js';
import { startStallProxy, type StallProxy } from '../support/stall-proxy.js';

const redisUrl = inject('redisUrl');

const lastPresence = (c: Client) => c.received.filter((r) => r.event === 'room:presence').at(-1)?.args[0] as Presence | undefined;

/** Pings every 5 s, 4 s to answer: a silent drop is noticed within 9 s; the margin is for a busy machine. */
const NOTICED_WITHIN_MS = 12_000;

/** Where Ada and Grace connect (Grace through a proxy that can stall), and how it all stops. */
interface Servers {
  ada: string;
  grace: string;
  close(): Promise<void>;
}

const worlds: { name: string; needsRedis: boolean; start(): Promise<Servers> }[] = [
  {
    name: 'one node, memory store',
    needsRedis: false,
    async start() {
      const server = await startTestServer(new MemoryStore());
      return { ada: server.url, grace: server.url, close: () => server.close() };
    },
  },
  {
    name: 'one node on Redis',
    needsRedis: true,
    async start() {
      const store = await RedisStore.connect(redisUrl, `presence-${nanoid(8)}`);
      const server: RunningServer = await startTestServer(store);
      return {
        ada: server.url,
        grace: server.url,
        async close() {
          await server.close();
          await store.close();
        },
      };
    },
  },
  {
    name: 'two server processes on one Redis, Ada on one and Grace on the other',
    needsRedis: true,
    async start() {
      const prefix = `presence-nodes-${nanoid(8)}`;
      const nodes: Node[] = await Promise.all([startNode(redisUrl, prefix, { PRESENCE_GRACE_SECONDS: '1' }), startNode(redisUrl, prefix, { PRESENCE_GRACE_SECONDS: '1' })]);
      return {
        ada: nodes[0]!.url,
        grace: nodes[1]!.url,
        async close() {
          await Promise.all(nodes.map((n) => n.stop('SIGKILL')));
        },
      };
    },
  },
];

describe.each(worlds.filter((w) => !w.needsRedis || redisUrl !== ''))('presence: $name', (world) => {
  let servers: Servers;
  let proxy: StallProxy;
  const clients: Client[] = [];
  beforeAll(async () => {
    servers = await world.start();
    proxy = await startStallProxy(servers.grace);
  }, 60_000);
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await proxy?.close();
    await servers?.close();
  });

  it('both here; a page that says it is hidden shows away, and here again once shown', async () => {
    const { ada, grace } = await seatedPair(servers.ada, 'partners', servers.grace);
    clients.push(ada, grace);
    await eventually(() => expect(lastPresence(ada)).toEqual({ online: [true, true], away: [false, false] }), 5_000);
    await eventually(() => expect(lastPresence(grace)).toEqual({ online: [true, true], away: [false, false] }), 5_000);
    expect(await grace.socket.emitWithAck('room:visibility', { hidden: true })).toEqual({ ok: true });
    await eventually(() => expect(lastPresence(ada)).toEqual({ online: [true, true], away: [false, true] }), 5_000);
    await grace.socket.emitWithAck('room:visibility', { hidden: false });
    await eventually(() => expect(lastPresence(ada)).toEqual({ online: [true, true], away: [false, false] }), 5_000);
  });

  it('a connection that goes silent is seen offline within about 10 s, and back once the network is', { timeout: 60_000 }, async () => {
    const { ada, grace } = await seatedPair(servers.ada, 'partners', proxy.url);
    clients.push(ada, grace);
    await eventually(() => expect(lastPresence(ada)?.online).toEqual([true, true]), 5_000);
    const silentAt = Date.now();
    proxy.stall();
    await eventually(() => expect(lastPresence(ada)).toEqual({ online: [true, false], away: [false, false] }), NOTICED_WITHIN_MS + 3_000);
    const noticedAfter = Date.now() - silentAt;
    expect(noticedAfter, `noticed after ${noticedAfter} ms`).toBeLessThanOrEqual(NOTICED_WITHIN_MS);
    proxy.resume();
    await eventually(() => expect(lastPresence(ada)?.online).toEqual([true, true]), 20_000);
  });

  it('a page hidden, then silent, shows offline rather than away forever', { timeout: 60_000 }, async () => {
    const { ada, grace } = await seatedPair(servers.ada, 'partners', proxy.url);
    clients.push(ada, grace);
    await eventually(() => expect(lastPresence(ada)?.online).toEqual([true, true]), 5_000);
    await grace.socket.emitWithAck('room:visibility', { hidden: true });
    await eventually(() => expect(lastPresence(ada)?.away).toEqual([false, true]), 5_000);
    const silentAt = Date.now();
    proxy.stall();
    await eventually(() => expect(lastPresence(ada)?.online).toEqual([true, false]), NOTICED_WITHIN_MS + 3_000);
    expect(Date.now() - silentAt).toBeLessThanOrEqual(NOTICED_WITHIN_MS);
    proxy.resume();
    await eventually(() => expect(lastPresence(ada)?.online).toEqual([true, true]), 20_000);
  });
});
