// Seat tokens (and one-time codes for another device) never cross Redis. With two nodes, presence asks every node for its sockets, and each
// answer travels through Redis; everything Redis sees (every pub/sub message and every command, read
// with PSUBSCRIBE * and MONITOR on a Redis of this test's own) is searched for the people's tokens.
import { nanoid } from 'nanoid';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { Presence } from '../../shared/protocol.js';
import { startNode, type Node } from '../support/nodes.js';
import { redisServerInstalled, startRedis, type RedisProcess } from '../support/redis-server.js';
import { cid, client, connected, eventually, seatedPair, type Client } from '../support/server.js';

const GRACE_SECONDS = 1;

function lastPresence(c: Client): Presence['online'] | undefined {
  return (c.received.filter((r) => r.event === 'room:presence').at(-1)?.args[0] as Presence | undefined)?.online;
}

/** Leaves and comes back: the new handshake carries the device's saved tokens. */
async function reconnect(c: Client): Promise<void> {
  c.socket.disconnect();
  c.socket.connect();
  await connected(c);
}

describe.runIf(redisServerInstalled())('seat tokens and Redis', () => {
  const opened: { nodes: Node[]; clients: Client[]; redis: Redis[]; server?: RedisProcess } = { nodes: [], clients: [], redis: [] };
  afterEach(async () => {
    opened.clients.splice(0).forEach((c) => c.close());
    await Promise.all(opened.nodes.splice(0).map((n) => n.stop('SIGKILL')));
    opened.redis.splice(0).forEach((r) => r.disconnect());
    await opened.server?.stop();
  });

  it('no token appears in any message or command Redis sees while presence is asked across two nodes, nor the room id in any message', { timeout: 90_000 }, async () => {
    const server = await startRedis();
    opened.server = server;

    // Everything Redis sees, as text (pub/sub payloads are msgpack: a token in them would still be its own 22 bytes).
    const seen: string[] = [];
    const published: string[] = [];
    const subscriber = new Redis(server.url);
    opened.redis.push(subscriber);
    subscriber.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer, message: Buffer) => {
      seen.push(`${channel.toString('latin1')} ${message.toString('latin1')}`);
      published.push(message.toString('latin1'));
    });
    await subscriber.psubscribe('*');
    const monitored = new Redis(server.url);
    opened.redis.push(monitored);
    const monitor = await monitored.monitor();
    opened.redis.push(monitor);
    monitor.on('monitor', (_time: string, args: string[]) => void seen.push(args.join(' ')));

    const prefix = `tokens-${nanoid(8)}`;
    const env = { PRESENCE_GRACE_SECONDS: String(GRACE_SECONDS) };
    const [one, two] = await Promise.all([startNode(server.url, prefix, env), startNode(server.url, prefix, env)]);
    opened.nodes.push(one, two);

    // Ada on node 1, Grace on node 2, both seated by link; from now on each handshake carries a token.
    const { ada, grace, credentials, roomId } = await seatedPair(one.url, 'partners', two.url);
    opened.clients.push(ada, grace);
    // Ada brings her laptop in on node 2 with a one-time code made on node 1; it comes back with its own token.
    const offered = await ada.socket.emitWithAck('device:offer', { seat: 0 });
    if (!offered.ok) throw new Error(offered.error.code);
    const laptop = client(two.url);
    opened.clients.push(laptop);
    await connected(laptop);
    const claimed = await laptop.socket.emitWithAck('device:claim', { commandId: cid(), roomId, code: offered.code });
    if (!claimed.ok) throw new Error(claimed.error.code);
    laptop.socket.auth = { roomId, tokens: [claimed.credentials[0]!.token] };
    await reconnect(laptop);

    // Each resume asks the other node who is online, and so does a leave once its grace period is over.
    await reconnect(ada);
    await reconnect(grace); // node 2 asks node 1: Ada's socket crosses Redis
    await reconnect(ada); // node 1 asks node 2: Grace's socket crosses Redis
    for (const c of [ada, grace]) await eventually(() => expect(lastPresence(c)).toEqual([true, true]), 5_000);

    // Both resumed sockets, handshakes and all, did cross Redis: the search below looked where a token would be.
    // MONITOR's lines trail the commands (by seconds on a busy machine), and on a busy machine a presence
    // query can time out, so that its answer never crosses: then the asking side asks again (a visibility
    // report makes its node ask every other node).
    const crossed = (id: string) => seen.some((s) => s.includes(id) && s.includes('handshake'));
    const crossedWithin = (id: string, ms: number) => eventually(() => expect(crossed(id)).toBe(true), ms).then(() => true, () => false);
    for (const [id, asker] of [
      [ada.socket.id!, grace],
      [grace.socket.id!, ada],
    ] as const) {
      for (let asked = 1; !(await crossedWithin(id, 5_000)); asked++) {
        if (asked === 4) throw new Error(`a resumed socket never crossed Redis in a presence answer, asked ${asked} times`);
        await asker.socket.emitWithAck('room:visibility', { hidden: false });
      }
    }
    grace.socket.disconnect(); // after the grace period, node 2 asks node 1 again
    await eventually(() => expect(lastPresence(ada)).toEqual([true, false]), 5_000);
    const sightings = (token: string) => seen.filter((s) => s.includes(token)).length;
    expect({ ada: sightings(credentials.ada.token), grace: sightings(credentials.grace.token) }).toEqual({ ada: 0, grace: 0 });
    expect({ laptop: sightings(claimed.credentials[0]!.token), code: sightings(offered.code) }).toEqual({ laptop: 0, code: 0 });
    // Nor does the room id ride along in the presence answers (socket.data holds only the seats).
    expect(published.filter((m) => m.includes(roomId)).length).toBe(0);
  });
});
