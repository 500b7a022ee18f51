// Two real server processes on one Redis, with the two people on different nodes: a round of
// Question Swap across them, then node 1 killed with SIGKILL (Ada moves to node 2 and plays on, nothing
// lost), presence across nodes with its grace period, and a SIGTERM that drains a command in flight.
import { nanoid } from 'nanoid';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Presence } from '../../shared/protocol.js';
import { startRedis } from '../support/redis-server.js';
import { failoverBalancer, startNode, type Balancer, type Node } from '../support/nodes.js';
import { answerMove, bothNext, gameView, playRound, send, startGame } from '../support/question-swap.js';
import { connected, eventually, seatedPair, type Client } from '../support/server.js';

const redisUrl = inject('redisUrl');
const GRACE_SECONDS = 1;

function presences(c: Client): Presence[] {
  return c.received.filter((r) => r.event === 'room:presence').map((r) => r.args[0] as Presence);
}

describe.runIf(redisUrl !== '')('two server nodes on one Redis', () => {
  const nodes: Node[] = [];
  const clients: Client[] = [];
  let balancer: Balancer | undefined;
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await balancer?.close();
    await Promise.all(nodes.splice(0).map((n) => n.stop('SIGKILL')));
  });

  async function twoNodes(url = redisUrl): Promise<[Node, Node]> {
    const prefix = `nodes-${nanoid(8)}`;
    const env = { PRESENCE_GRACE_SECONDS: String(GRACE_SECONDS) };
    const pair = await Promise.all([startNode(url, prefix, env), startNode(url, prefix, env)]);
    nodes.push(...pair);
    return pair;
  }

  it('A on node 1, B on node 2 play a round; node 1 is killed; A reconnects to node 2 and plays on, nothing lost', { timeout: 60_000 }, async () => {
    const [one, two] = await twoNodes();
    // Ada reaches the nodes through a balancer that prefers node 1; Grace talks to node 2.
    balancer = await failoverBalancer([one.port, two.port]);
    const { ada, grace } = await seatedPair(balancer.url, 'partners', two.url);
    clients.push(ada, grace);
    // Presence is gathered from both nodes.
    for (const c of [ada, grace]) await eventually(() => expect(presences(c).at(-1)?.online).toEqual([true, true]));

    await startGame(ada, grace);
    const acknowledged = await playRound(ada, grace, 1);

    // Round 2: Ada answers, then her node dies before Grace answers.
    const view = await eventually(() => {
      const v = gameView(ada);
      expect(v.round?.number).toBe(2);
      return v;
    });
    const adaAnswer = await send(ada, 0, { type: 'move', move: answerMove(view, `ada-2-${nanoid(6)}`) });
    if (!adaAnswer.ok) throw new Error(adaAnswer.error.code);
    acknowledged.push(adaAnswer.version);
    const graceSawBefore = presences(grace).length;
    const adaSnapshots = ada.snapshots.length;
    const killedAt = Date.now();
    await one.stop('SIGKILL');

    // Ada is back, on node 2, with her answer kept, within 5 s.
    await eventually(() => {
      expect(ada.socket.connected).toBe(true);
      expect(ada.snapshots.length).toBeGreaterThan(adaSnapshots);
      expect(gameView(ada).round?.mine).toBeTruthy();
      expect(ada.snapshots.at(-1)!.version).toBe(adaAnswer.version);
    }, 5_000);
    const backIn = Date.now() - killedAt;

    const graceAnswer = await send(grace, 1, { type: 'move', move: answerMove(view, `grace-2-${nanoid(6)}`) });
    if (!graceAnswer.ok) throw new Error(graceAnswer.error.code);
    acknowledged.push(graceAnswer.version);
    await eventually(() => expect(gameView(ada).round?.revealed).toBe(true), 5_000);
    acknowledged.push(...(await bothNext(ada, grace, view.round!.card.id)));
    acknowledged.push(...(await playRound(ada, grace, 3)));

    // Every acknowledged change is there once: versions rose by exactly one each time.
    expect(acknowledged).toEqual(acknowledged.map((_, i) => acknowledged[0]! + i));
    // Grace never saw Ada go offline: she was back within the grace period.
    expect(presences(grace).slice(graceSawBefore).every((p) => p.online[0])).toBe(true);
    console.log(`two nodes: node 1 killed; Ada back on node 2 in ${backIn} ms; ${acknowledged.length} acknowledged changes, 0 lost, 0 doubled`);
  });

  it('presence across nodes: a person who leaves shows offline to the other node only after the grace period', { timeout: 30_000 }, async () => {
    const [one, two] = await twoNodes();
    const { ada, grace } = await seatedPair(one.url, 'partners', two.url);
    clients.push(ada, grace);
    await eventually(() => expect(presences(grace).at(-1)?.online).toEqual([true, true]));
    const leftAt = Date.now();
    ada.socket.disconnect();
    await eventually(() => expect(presences(grace).at(-1)?.online).toEqual([false, true]), 5_000);
    expect(Date.now() - leftAt).toBeGreaterThanOrEqual(GRACE_SECONDS * 1000);
    // Back within the grace period: the other node never says "offline".
    const seen = presences(grace).length;
    ada.socket.connect();
    await connected(ada);
    await eventually(() => expect(presences(grace).at(-1)?.online).toEqual([true, true]));
    ada.socket.disconnect();
    ada.socket.connect();
    await connected(ada);
    await new Promise((r) => setTimeout(r, GRACE_SECONDS * 1000 + 500));
    expect(presences(grace).slice(seen).map((p) => p.online[0])).not.toContain(false);
  });

  it('SIGTERM: the node stops taking connections, answers the command in flight, closes; its people move on', { timeout: 60_000 }, async () => {
    // A Redis of this test's own, so it can be frozen while a command waits on it.
    const redis = await startRedis();
    try {
      const [one, two] = await twoNodes(redis.url);
      balancer = await failoverBalancer([one.port, two.port]);
      const { ada, grace } = await seatedPair(balancer.url, 'partners', two.url);
      clients.push(ada, grace);
      let sent = 0;
      ada.socket.onAnyOutgoing((event: string) => void (event === 'room:command' && (sent += 1)));

      // Ada's change reaches node 1 and waits there on a frozen Redis; meanwhile node 1 is told to stop.
      redis.signal('SIGSTOP');
      const pending = send(ada, 0, { type: 'propose', activity: 'question-swap', options: { answerMode: 'talk' } });
      await new Promise((r) => setTimeout(r, 200));
      one.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      // New connections are no longer taken.
      await expect(fetch(`${one.url}/healthz`)).rejects.toThrow();
      redis.signal('SIGCONT');

      const answer = await pending;
      expect(answer.ok).toBe(true);
      // Answered by node 1 before it closed Ada's socket: never sent again (to node 2).
      expect(sent).toBe(1);
      expect(await one.exited).toBe(0);
      await eventually(() => {
        expect(ada.socket.connected).toBe(true);
        expect(ada.snapshots.at(-1)!.version).toBe(answer.ok && answer.version);
        expect(grace.snapshots.at(-1)!.version).toBe(answer.ok && answer.version);
      }, 5_000);
      // Ada carries on through node 2.
      const next = await send(ada, 0, { type: 'withdraw' });
      expect(next.ok && answer.ok && next.version).toBe(answer.ok && answer.version + 1);
    } finally {
      redis.signal('SIGCONT');
      await Promise.all(nodes.splice(0).map((n) => n.stop('SIGKILL')));
      await redis.stop();
    }
  });
});
