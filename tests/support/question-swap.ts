// Playing Question Swap from socket clients: the view, an answer for any card type, and the moves
// that start a game, shared by the tests that use the game as their workload. Answers go as sealed
// stand-ins that carry the words as a marker (the server checks only their shape and never opens them).
import { nanoid } from 'nanoid';
import { expect } from 'vitest';
import type { View } from '../../shared/activities/question-swap/index.js';
import type { Ack, CommandInput, SeatIndex } from '../../shared/protocol.js';
import { sendUntilAnswered } from '../../shared/answered.js';
import { sealedAround } from './sealed.js';
import { cid, eventually, type Client } from './server.js';

export function gameView(c: Client): View {
  const activity = c.snapshots.at(-1)?.view.activity;
  if (activity?.id !== 'question-swap') throw new Error('no game yet');
  return activity.view;
}

/** An answer to the card on the table, sealed as a stand-in that carries `marker` (letters, digits, '-', '_'). */
export function answerMove(view: View, marker: string): Record<string, unknown> {
  return { type: 'answer', cardId: view.round!.card.id, sealed: sealedAround(marker) };
}

/** A command sent as the browser sends it: again after a reconnect, with the same id, until answered. */
export function send(c: Client, seat: SeatIndex, command: CommandInput['command'], commandId = cid()): Promise<Ack<{ version: number }>> {
  const payload = { commandId, seat, command };
  return sendUntilAnswered(c.socket, (s) => s.timeout(8_000).emitWithAck('room:command', payload), { giveUpMs: 20_000 });
}

/** Proposes a written game, both ready and consent; resolves when both see the first card. */
export async function startGame(ada: Client, grace: Client): Promise<void> {
  const consent = { type: 'consent', kinds: ['emotional', 'intellectual', 'experiential'], maxDepth: 3 };
  for (const [c, seat, command] of [
    [ada, 0, { type: 'propose', activity: 'question-swap', options: { answerMode: 'write' } }],
    [ada, 0, { type: 'ready' }],
    [grace, 1, { type: 'ready' }],
    [ada, 0, { type: 'move', move: consent }],
    [grace, 1, { type: 'move', move: consent }],
  ] as const) {
    const answer = await send(c, seat, command as CommandInput['command']);
    if (!answer.ok) throw new Error(`${command.type}: ${answer.error.code}`);
  }
  await eventually(() => {
    expect(gameView(ada).round?.number).toBe(1);
    expect(gameView(grace).round?.number).toBe(1);
  }, 5_000);
}

/** Both tap Next card (it comes once both have): Grace first, then Ada. Returns the acknowledged versions. */
export async function bothNext(ada: Client, grace: Client, cardId: string): Promise<number[]> {
  const versions: number[] = [];
  for (const [c, seat] of [[grace, 1], [ada, 0]] as const) {
    const next = await send(c, seat, { type: 'move', move: { type: 'next', cardId } });
    if (!next.ok) throw new Error(`next: ${next.error.code}`);
    versions.push(next.version);
  }
  return versions;
}

/** One whole round: both answer, both see both answers, both turn the card. Returns the acknowledged versions. */
export async function playRound(ada: Client, grace: Client, round: number): Promise<number[]> {
  const view = await eventually(() => {
    const v = gameView(ada);
    expect(v.round?.number).toBe(round);
    expect(gameView(grace).round?.number).toBe(round);
    return v;
  }, 5_000);
  const words = [`ada-${round}-${nanoid(6)}`, `grace-${round}-${nanoid(6)}`];
  const versions: number[] = [];
  for (const [c, seat] of [[ada, 0], [grace, 1]] as const) {
    const answer = await send(c, seat, { type: 'move', move: answerMove(view, words[seat]!) });
    if (!answer.ok) throw new Error(`round ${round}: ${answer.error.code}`);
    versions.push(answer.version);
  }
  for (const c of [ada, grace]) {
    await eventually(() => {
      const r = gameView(c).round!;
      expect(r.revealed).toBe(true);
      expect(r.answers).toEqual(words.map((w) => sealedAround(w)));
    }, 5_000);
  }
  versions.push(...(await bothNext(ada, grace, view.round!.card.id)));
  return versions;
}
