// Making Memories from socket clients, as two browsers would: Question Swap questions answered with
// sealed words and starred, a new game when the deck is done. Used where many Memories are needed.
import { expect } from 'vitest';
import { memoryKeyOf } from '../../shared/activities/question-swap/index.js';
import { memorySlot } from '../../shared/activities/types.js';
import type { Ack, CommandInput, SeatIndex } from '../../shared/protocol.js';
import { gameView, startGame } from './question-swap.js';
import type { sealer } from './question-swap-state.js';
import { eventually, type Client } from './server.js';

export interface Players {
  ada: Client;
  grace: Client;
  send(seat: SeatIndex, command: CommandInput['command']): Promise<Ack<{ version: number }>>;
}

type Command = CommandInput['command'];
/** A command that was refused, and how to send it again as the browser's outbox would (same seat, same move). */
export type Kept = { ok: true } | { ok: false; refused: Ack<{ version: number }>; seat: SeatIndex; command: Command };

async function must(answer: Promise<Ack<{ version: number }>>, what: string): Promise<void> {
  const got = await answer;
  if (!got.ok) throw new Error(`${what}: ${got.error.code}`);
}

/** Passes to the next open question (a new game when the deck is done); resolves with its card id once both see it. */
export async function questionOnTable(players: Players): Promise<string> {
  for (;;) {
    const round = await eventually(() => {
      const r = gameView(players.ada).round;
      expect(gameView(players.grace).round?.card.id).toBe(r?.card.id);
      if (r) expect(r.revealed).toBe(false);
      return r;
    });
    if (!round) {
      await must(players.send(0, { type: 'end-activity' }), 'end');
      await eventually(() => expect(players.grace.snapshots.at(-1)!.view.activity).toBeNull());
      await startGame(players.ada, players.grace);
      continue;
    }
    if (round.card.type === 'question') return round.card.id;
    await must(players.send(0, { type: 'move', move: { type: 'pass', cardId: round.card.id } }), 'pass');
    await eventually(() => expect(gameView(players.ada).round?.card.id).not.toBe(round.card.id));
  }
}

/** Both answer the question on the table with `words`, Ada stars it, both go on: one Memory more. */
export async function keepOne(players: Players, qs: ReturnType<typeof sealer>, words: [string, string]): Promise<Kept> {
  const cardId = await questionOnTable(players);
  const key = memoryKeyOf(gameView(players.ada).round!.number, cardId);
  const entries = await Promise.all(([0, 1] as const).map(async (seat) => ({ seat, sealed: await qs.sealFor(seat, memorySlot(key), words[seat]) })));
  const steps: [SeatIndex, Command][] = [
    [0, { type: 'move', move: await qs.answer(0, cardId, { text: words[0] }) }],
    [1, { type: 'move', move: await qs.answer(1, cardId, { text: words[1] }) }],
    [0, { type: 'move', move: { type: 'star', cardId, starred: true, entries } }],
    [1, { type: 'move', move: { type: 'next', cardId } }],
    [0, { type: 'move', move: { type: 'next', cardId } }],
  ];
  for (const [seat, command] of steps) {
    const answer = await players.send(seat, command);
    if (!answer.ok) return { ok: false, refused: answer, seat, command };
  }
  return { ok: true };
}

/**
 * Keeps Memories until the room has `count` more; answers Grace's words of each, oldest first (a card drawn
 * again at the same place in a later game is the same Memory, so it is counted once).
 */
export async function keepMany(players: Players, qs: ReturnType<typeof sealer>, count: number, words = (i: number) => [`Ada's words ${i}`, `Grace's words ${i}`] as [string, string]): Promise<string[]> {
  const kept: string[] = [];
  const view = () => players.ada.snapshots.at(-1)!;
  for (let i = 0; kept.length < count; i++) {
    const had = view().view.memoryCount;
    expect(await keepOne(players, qs, words(i))).toEqual({ ok: true });
    await eventually(() => expect(view().version).toBe(players.grace.snapshots.at(-1)!.version));
    if (view().view.memoryCount > had) kept.push(words(i)[1]);
  }
  return kept;
}
