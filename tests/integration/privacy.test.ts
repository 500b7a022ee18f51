// What people write never reaches the logs: a canary name, answer and code, through a whole session
// (create, join by code, a round of Question Swap, a bad command, erase) at the most verbose level.
import { nanoid } from 'nanoid';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { View } from '../../shared/activities/question-swap/index.js';
import { RedisStore } from '../../server/store/redis.js';
import type { RunningServer } from '../../server/server.js';
import { cid, client, connected, eventually, startTestServer, type Client } from '../support/server.js';
import { browserSeal } from '../support/sealed.js';
import { sealer } from '../support/question-swap-state.js';

const redisUrl = inject('redisUrl');

describe.runIf(redisUrl !== '')('privacy', () => {
  const clients: Client[] = [];
  let server: RunningServer | undefined;
  let store: RedisStore | undefined;
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await server?.close();
    await store?.close();
  });

  it('no name, answer, code, token or room id ever appears in the server logs', async () => {
    const logs: string[] = [];
    store = await RedisStore.connect(redisUrl, `privacy-${nanoid(8)}`);
    server = await startTestServer(store, { logLevel: 'trace' }, logs);
    const canary = `canary${nanoid(6)}`;
    const ada = client(server.url);
    const grace = client(server.url);
    clients.push(ada, grace);
    await Promise.all([connected(ada), connected(grace)]);
    // Names are sealed in the browser, so the server never holds them in the clear.
    const sealed = await browserSeal();
    const created = await ada.socket.emitWithAck('room:create', { commandId: cid(), name: await sealed.name(0, `Ada${canary}`), audience: 'friends', mode: 'two-devices', seal: sealed.seal });
    if (!created.ok) throw new Error(created.error.message);
    const code = await eventually(() => ada.snapshots.at(-1)!.view.invite!.code);
    const joined = await grace.socket.emitWithAck('room:join-by-code', { commandId: cid(), code, name: await sealed.name(1, `Grace${canary}`) });
    if (!joined.ok) throw new Error(joined.error.message);
    const send = (c: Client, seat: 0 | 1, move: unknown) =>
      c.socket.emitWithAck('room:command', { commandId: cid(), seat, command: { type: 'move', move } });
    await ada.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'propose', activity: 'question-swap', options: { answerMode: 'write' } } });
    await ada.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'ready' } });
    await grace.socket.emitWithAck('room:command', { commandId: cid(), seat: 1, command: { type: 'ready' } });
    const consent = { type: 'consent', kinds: ['emotional', 'intellectual'], maxDepth: 1 };
    await send(ada, 0, consent);
    await send(grace, 1, consent);
    const view = await eventually(() => {
      const activity = ada.snapshots.at(-1)!.view.activity;
      if (activity?.id !== 'question-swap' || !activity.view.round) throw new Error('not yet');
      return activity.view as View;
    });
    const card = view.round!.card;
    // Answers are sealed in the browser; a refused move in the clear (below) is not logged either.
    const qs = sealer(sealed.key, sealed.seal.id);
    await send(ada, 0, await qs.answer(0, card.id, { text: `answer-${canary}`, choice: 0, guess: 1 }));
    await send(grace, 1, await qs.answer(1, card.id, { text: `words-${canary}`, choice: 0, guess: 1 }));
    await ada.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'move', move: { type: 'answer', cardId: card.id, text: `bad-${canary}`.repeat(250) } } });
    await ada.socket.emitWithAck('room:erase', { commandId: cid() });

    const text = logs.join('\n');
    // The logger really was listening: it saw the room made and erased.
    expect(text).toContain('room created');
    expect(text).toContain('room erased');
    for (const secret of [canary, code, created.roomId, created.credentials[0]!.token, joined.credentials[0]!.token]) {
      expect(text).not.toContain(secret);
    }
  });
});
