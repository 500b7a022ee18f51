// Question Swap sealed end to end through the real server and Redis: canary words typed in every field of
// every card type (written answers, the why of "would you rather", picks and guesses), a reaction and a
// starred memory, each sealed as the browser seals it. Each opens the other's after the reveal (with the
// room key, here in the test), and no canary — nor a pick, a guess or a reaction in the clear — is in any
// Redis value (all of them read whole) or in the server's log at trace level.
import { nanoid } from 'nanoid';
import { describe, expect, inject, it } from 'vitest';
import { answerWords, memoryKeyOf, type Answer } from '../../shared/activities/question-swap/index.js';
import { openView } from '../../shared/activities/question-swap/open.js';
import { memorySlot } from '../../shared/activities/types.js';
import type { CardType } from '../../shared/content/card.js';
import { openMemories } from '../../shared/opened-room.js';
import type { CommandInput, SeatIndex } from '../../shared/protocol.js';
import { everything } from '../support/redis-dump.js';
import { gameView, send } from '../support/question-swap.js';
import { sealer } from '../support/question-swap-state.js';
import { browserSeal } from '../support/sealed.js';
import { cid, client, connected, eventually, useServerOnRedis, type Client } from '../support/server.js';

const redisUrl = inject('redisUrl');
const TYPES: CardType[] = ['question', 'task', 'finish', 'would-you-rather', 'guess'];

describe.runIf(redisUrl !== '')('Question Swap, sealed', () => {
  const world = useServerOnRedis('qs-sealed', { logLevel: 'trace' });

  it('every card type, a reaction and a memory: each reads the other’s words after the reveal, and no canary is in Redis or the logs', { timeout: 60_000 }, async () => {
    const { server, admin, logs, clients } = world;
    const ada = client(server.url);
    const grace = client(server.url);
    clients.push(ada, grace);
    await Promise.all([connected(ada), connected(grace)]);

    const room = await browserSeal();
    const qs = sealer(room.key, room.seal.id);
    const created = await ada.socket.emitWithAck('room:create', { commandId: cid(), name: await room.name(0, 'Ada'), audience: 'partners', mode: 'two-devices', seal: room.seal });
    if (!created.ok) throw new Error(created.error.message);
    const joined = await grace.socket.emitWithAck('room:join', { commandId: cid(), roomId: created.roomId, name: await room.name(1, 'Grace') });
    if (!joined.ok) throw new Error(joined.error.message);
    ada.socket.auth = { roomId: created.roomId, tokens: [created.credentials[0]!.token] };
    grace.socket.auth = { roomId: created.roomId, tokens: [joined.credentials[0]!.token] };
    const people: [Client, Client] = [ada, grace];
    const ok = async (seat: SeatIndex, command: CommandInput['command']) => {
      const answer = await send(people[seat], seat, command);
      if (!answer.ok) throw new Error(`${JSON.stringify(command).slice(0, 80)}: ${answer.error.code} ${answer.error.message}`);
    };
    const consent = { type: 'consent', kinds: ['emotional', 'intellectual', 'physical', 'experiential', 'spiritual'], maxDepth: 3 } as const;
    await ok(0, { type: 'propose', activity: 'question-swap', options: { answerMode: 'write', rounds: 8 } });
    await ok(0, { type: 'ready' });
    await ok(1, { type: 'ready' });
    await ok(0, { type: 'move', move: consent });
    await ok(1, { type: 'move', move: consent });

    const canaries: string[] = [];
    const canary = (what: string) => {
      const word = `Canary${what}${nanoid(8).replace(/[-_]/g, 'x')}`;
      canaries.push(word);
      return word;
    };
    for (const [i, type] of TYPES.entries()) {
      // Pass until a card of this type is on the table.
      const view = await eventually(async () => {
        const v = gameView(ada);
        expect(v.round?.number).toBe(i + 1);
        expect(gameView(grace).round?.card.id).toBe(v.round!.card.id);
        if (v.round!.card.type === type) return v;
        await ok(0, { type: 'move', move: { type: 'pass', cardId: v.round!.card.id } });
        throw new Error(`a ${v.round!.card.type} card; passed`);
      }, 20_000);
      const card = view.round!.card;
      // Every field the card takes: words (the why, for would you rather), a pick, a guess.
      const answers: [Answer, Answer] =
        type === 'guess'
          ? [{ choice: 1, guess: 0 }, { choice: 0, guess: 0 }]
          : type === 'would-you-rather'
            ? [{ choice: 1, text: canary('AdaWhy') }, { choice: 0, text: canary('GraceWhy') }]
            : [{ text: canary(`Ada${type}`) }, { text: canary(`Grace${type}`) }];
      await ok(0, { type: 'move', move: await qs.answer(0, card.id, answers[0]) });
      // Grace's device never gets Ada's answer before the reveal, not even sealed; Ada's opens hers.
      await eventually(() => expect(gameView(grace).round!.answered[0]).toBe(true));
      expect(JSON.stringify(grace.snapshots.map((s) => s.view))).not.toContain(JSON.stringify(gameView(ada).round!.mine));
      expect((await openView(gameView(ada), qs.opener)).round!.mine).toMatchObject(answers[0]);
      await ok(1, { type: 'move', move: await qs.answer(1, card.id, answers[1]) });

      for (const [seat, c] of people.entries()) {
        const round = await eventually(async () => {
          const opened = await openView(gameView(c), qs.opener);
          expect(opened.round!.revealed).toBe(true);
          return opened.round!;
        });
        expect(round.answers!.map((a) => a!.words), `seat ${seat} reads both`).toEqual(answers.map((a) => answerWords(card, a)));
        // Ada guessed Grace's pick (0), Grace did not guess Ada's (1).
        if (type === 'guess') expect(round.guessedRight).toEqual([true, false]);
      }

      if (type === 'question') {
        // Grace reacts to Ada's answer; Ada stars the card, sealing both answers' words for the memory.
        await ok(1, { type: 'move', move: await qs.react(1, card.id, 'tell-me-more') });
        await eventually(async () => expect((await openView(gameView(ada), qs.opener)).round!.reactions[1]).toEqual({ key: 'tell-me-more', label: 'Tell me more' }));
        const key = memoryKeyOf(view.round!.number, card.id);
        const entries = await Promise.all(([0, 1] as const).map(async (seat) => ({ seat, sealed: await qs.sealFor(seat, memorySlot(key), answerWords(card, answers[seat])) })));
        await ok(0, { type: 'move', move: { type: 'star', cardId: card.id, starred: true, entries } });
        const memories = await eventually(async () => {
          const opened = await openMemories(grace.snapshots.at(-1)!.view.memories, qs.opener);
          expect(opened).toHaveLength(1);
          return opened;
        });
        expect(memories[0]).toMatchObject({ title: card.text, entries: [{ seat: 0, text: answers[0].text }, { seat: 1, text: answers[1].text }] });
      }
      await ok(1, { type: 'move', move: { type: 'next', cardId: card.id } });
      await ok(0, { type: 'move', move: { type: 'next', cardId: card.id } });
    }

    expect(canaries).toHaveLength(8);
    const keys = await everything(admin);
    expect(keys.some((k) => k.text.includes(room.seal.check)), 'the room is in this Redis').toBe(true);
    // In the clear, a pick or a guess would be a "choice" or "guess" field; a reaction its key. That
    // pattern is looked for only under this test's own prefix: other suites share this Redis, and 20
    // Questions' views have a plain `can.guess`.
    for (const key of keys) {
      const held = `${key.key} ${key.text}`;
      for (const secret of [...canaries, 'tell-me-more']) expect(held, `${key.key} holds ${secret}`).not.toContain(secret);
      if (key.key.startsWith(`${world.store.prefix}:`)) expect(held, `${key.key} holds a pick or a guess`).not.toMatch(/\\?"(choice|guess)\\?"\s*:/);
    }
    expect(keys.some((k) => k.key.startsWith(`${world.store.prefix}:`)), 'this test has keys of its own').toBe(true);
    const text = logs.join('\n');
    expect(text).toContain('room created');
    for (const secret of [...canaries, 'tell-me-more']) expect(text).not.toContain(secret);
  });
});
