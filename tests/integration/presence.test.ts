// Presence through a real network path: a connection that goes silent (packets lost, nothing closed)
// is seen offline by the other within Socket.IO's ping interval + timeout, and a hidden page is "away".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Presence } from '../../shared/protocol.js';
import { MemoryStore } from '../../server/store/memory.js';
import type { RunningServer } from '../../server/server.js';
import { eventually, seatedPair, startTestServer, type Client } from '../support/server.js';
import { startStallProxy, type StallProxy } from '../support/stall-proxy.js';

const lastPresence = (c: Client) => c.received.filter((r) => r.event === 'room:presence').at(-1)?.args[0] as Presence | undefined;

describe('presence', () => {
  let server: RunningServer;
  let proxy: StallProxy;
  const clients: Client[] = [];
  beforeAll(async () => {
    server = await startTestServer(new MemoryStore());
    proxy = await startStallProxy(server.url);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await proxy.close();
    await server.close();
  });

  it('a page that says it is hidden shows away, and here again once shown', async () => {
    const { ada, grace } = await seatedPair(server.url);
    clients.push(ada, grace);
    await eventually(() => expect(lastPresence(ada)).toEqual({ online: [true, true], away: [false, false] }));
    expect(await grace.socket.emitWithAck('room:visibility', { hidden: true })).toEqual({ ok: true });
    await eventually(() => expect(lastPresence(ada)).toEqual({ online: [true, true], away: [false, true] }));
    await grace.socket.emitWithAck('room:visibility', { hidden: false });
    await eventually(() => expect(lastPresence(ada)?.away).toEqual([false, false]));
  });

  it('a connection that goes silent is seen offline well before the old 45 s, and back once the network is', { timeout: 40_000 }, async () => {
    const { ada, grace } = await seatedPair(server.url, 'partners', proxy.url);
    clients.push(ada, grace);
    await eventually(() => expect(lastPresence(ada)?.online).toEqual([true, true]));
    proxy.stall();
    // Pings every 5 s, 4 s to answer: at most 9 s; the wait allows for a busy machine.
    await eventually(() => expect(lastPresence(ada)?.online).toEqual([true, false]), 15_000);
    proxy.resume();
    await eventually(() => expect(lastPresence(ada)?.online).toEqual([true, true]), 15_000);
  });
});
