// Question Swap as pure functions, for the unit tests: a game started, moves played, answers that fit.
import { questionSwap, type Move, type Options, type State } from '../../shared/activities/question-swap/index.js';
import type { MoveResult } from '../../shared/activities/types.js';
import { CARDS } from '../../shared/content/cards.js';
import { INTIMACY_KINDS } from '../../shared/intimacy.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { seededRng } from '../../shared/random.js';

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

/** An answer that fits whatever card is on the table. */
export function answerFor(state: State, text: string): Move {
  const card = CARDS.find((c) => c.id === state.round!.cardId)!;
  if (card.type === 'guess') return { type: 'answer', cardId: card.id, choice: 0, guess: 1 };
  if (card.type === 'would-you-rather') return { type: 'answer', cardId: card.id, choice: 1, text };
  return { type: 'answer', cardId: card.id, text };
}

/** Passes until a card of this type is on the table (nobody has answered it). */
export function passUntil(state: State, type: string, seed = 300): State {
  for (let i = 0; i < 200 && state.round; i++) {
    if (CARDS.find((c) => c.id === state.round!.cardId)!.type === type) return state;
    state = must(act(state, 0, { type: 'pass', cardId: state.round!.cardId }, seed + i));
  }
  throw new Error(`no ${type} card`);
}
