// Question Swap as pure functions, for the unit tests: a game started, moves played, answers that fit,
// sealed as a browser would (with a real key, for open.ts) or as stand-ins that carry a marker (sealedAround, for the core).
import { answerSlot, questionSwap, reactionSlot, type Answer, type Move, type Options, type State } from '../../shared/activities/question-swap/index.js';
import type { MoveResult } from '../../shared/activities/types.js';
import type { Card } from '../../shared/content/card.js';
import { CARDS } from '../../shared/content/cards.js';
import { INTIMACY_KINDS } from '../../shared/intimacy.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { seededRng } from '../../shared/random.js';
import type { Opener } from '../../shared/sealed/opener.js';
import { open, seal, type RoomKey } from '../../shared/sealed/seal.js';
import type { Sealed } from '../../shared/sealed/shape.js';
import { sealedAround } from './sealed.js';

export const ALL_IN: Move = { type: 'consent', kinds: [...INTIMACY_KINDS], maxDepth: 3 };

export function start(options: Partial<Options> = {}, audience: 'partners' | 'friends' = 'partners', seed = 1): State {
  return questionSwap.setup({ answerMode: 'write', rounds: 8, ...options }, { audience }, seededRng(seed));
}

export function act(state: State, seat: SeatIndex, move: Move, seed = 5): MoveResult<State> {
  return questionSwap.move(state, seat, move, { now: 0, rng: seededRng(seed) });
}

export function must(result: MoveResult<State>): State {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.state;
}

export function errorCode(result: MoveResult<State>): string {
  return result.ok ? 'ok' : result.error.code;
}

export function playing(options: Partial<Options> = {}, audience: 'partners' | 'friends' = 'partners'): State {
  return must(act(must(act(start(options, audience), 0, ALL_IN)), 1, ALL_IN));
}

export function cardOn(state: State): Card {
  return CARDS.find((c) => c.id === state.round!.cardId)!;
}

/** An answer that fits whatever card is on the table, sealed as a stand-in that carries `marker`. */
export function answerFor(state: State, marker: string): Move {
  return { type: 'answer', cardId: state.round!.cardId, sealed: sealedAround(marker) };
}

/** What a browser would seal for this card: a pick (and a guess) where the card takes them, words where it takes words. */
export function plainAnswer(card: Card, text: string, choice = 0, guess = 1): Answer {
  if (card.type === 'guess') return { choice, guess };
  if (card.type === 'would-you-rather') return { choice, text };
  return { text };
}

/** Passes until a card of this type is on the table (nobody has answered it). */
export function passUntil(state: State, type: string, seed = 300): State {
  for (let i = 0; i < 200 && state.round; i++) {
    if (cardOn(state).type === type) return state;
    state = must(act(state, 0, { type: 'pass', cardId: state.round!.cardId }, seed + i));
  }
  throw new Error(`no ${type} card`);
}

/** The room id the test key seals for (any room's seal id). */
export const TEST_ROOM = 'qs-test-room';

/** A browser's sealing for Question Swap with a real key: answers and reactions for their slots, and an Opener. */
export function sealer(key: RoomKey, room = TEST_ROOM) {
  const sealFor = async (seat: SeatIndex, slot: string, text: string): Promise<Sealed> => {
    const sealed = await seal(key, { room, seat, activity: 'question-swap', slot }, text);
    if (!sealed.ok) throw new Error(sealed.error.message);
    return sealed.value;
  };
  const opener: Opener = async (at, sealed) => {
    const opened = await open(key, { room, ...at }, sealed);
    return opened.ok ? opened.value : null;
  };
  return {
    sealFor,
    opener,
    answer: async (seat: SeatIndex, cardId: string, answer: Answer): Promise<Move> => ({ type: 'answer', cardId, sealed: await sealFor(seat, answerSlot(cardId), JSON.stringify(answer)) }),
    react: async (seat: SeatIndex, cardId: string, reaction: string): Promise<Move> => ({ type: 'react', cardId, reaction: await sealFor(seat, reactionSlot(cardId), reaction) }),
  };
}
