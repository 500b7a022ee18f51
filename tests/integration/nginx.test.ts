// The shipped nginx config (deploy/nginx.conf), run by a real nginx on loopback in front of two server
// processes: the two people land on different nodes with no sticky sessions, play a round, and when one
// node is killed its person comes back through nginx on the other node, with nothing lost.
import { nanoid } from 'nanoid';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { nginxInstalled, startNginx, type Nginx } from '../support/nginx.js';
import { startNode, type Node } from '../support/nodes.js';
import { answerMove, gameView, playRound, send, startGame } from '../support/question-swap.js';
import { missing } from '../support/requirements.js';
import { eventually, seatedPair, type Client } from '../support/server.js';

const redisUrl = inject('redisUrl');
if (!nginxInstalled()) missing('nginx', 'apt-get install -y nginx');

describe.runIf(redisUrl !== '' && nginxInstalled())('two nodes behind the shipped nginx config', () => {
  const nodes: Node[] = [];
  const clients: Client[] = [];
  let nginx: Nginx | undefined;
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await nginx?.stop();
    await Promise.all(nodes.map((n) => n.stop('SIGKILL')));
  });

  it('round robin puts A and B on different nodes; a killed node’s person comes back through nginx and plays on', { timeout: 60_000 }, async () => {
    const prefix = `nginx-${nanoid(8)}`;
    const env = { TRUST_PROXY: 'true' };
    nodes.push(...(await Promise.all([startNode(redisUrl, prefix, env), startNode(redisUrl, prefix, env)])));
    const [one, two] = nodes as [Node, Node];
    nginx = await startNginx([one.port, two.port]);
    expect(await (await fetch(`${nginx.url}/readyz`)).json()).toEqual({ ok: true });

    const { ada, grace } = await seatedPair(nginx.url);
    clients.push(ada, grace);
    await startGame(ada, grace);
    const acknowledged = await playRound(ada, grace, 1);

    const dropped: string[] = [];
    ada.socket.on('disconnect', () => dropped.push('ada'));
    grace.socket.on('disconnect', () => dropped.push('grace'));
    await one.stop('SIGKILL');
    // Exactly one of them was on node 1: nginx spread them without being told to.
    await eventually(() => expect(dropped, 'who was on the killed node').toHaveLength(1), 5_000);
    const moved = dropped[0] === 'ada' ? ada : grace;
    await eventually(() => expect(moved.socket.connected, 'back through nginx').toBe(true), 5_000);

    acknowledged.push(...(await playRound(ada, grace, 2)));
    const view = await eventually(() => {
      const v = gameView(ada);
      expect(v.round?.number).toBe(3);
      return v;
    });
    const answer = await send(ada, 0, { type: 'move', move: answerMove(view, `ada-3-${nanoid(6)}`) });
    if (!answer.ok) throw new Error(answer.error.code);
    acknowledged.push(answer.version);
    expect(acknowledged).toEqual(acknowledged.map((_, i) => acknowledged[0]! + i));
    await eventually(() => expect(gameView(grace).round?.answered[0], 'Grace sees Ada answered').toBe(true));
    expect(dropped).toHaveLength(1);
    console.log(`nginx: ${dropped[0]} moved from the killed node to the other through nginx; ${acknowledged.length} acknowledged changes, 0 lost`);
  });
});
