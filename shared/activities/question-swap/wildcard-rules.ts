// The core's side of Question Swap's wildcards (wildcard.ts has the shapes and labels): where they go,
// the one on offer with a revealed card, and playing it. A choice changes the next card only, once both
// tapped Next as always: its depth (one level, never past the agreed one), its kind, who goes first from
// it on, or the closing note in its place.
import { other, refuse, type SeatIndex } from '../../core.js';
import type { IntimacyKind } from '../../intimacy.js';
import { seededRng, type Rng } from '../../random.js';
import { moved, type MoveResult } from '../types.js';
import { plannedDepth } from './draw.js';
import type { Round, State } from './model.js';
import { availableChoices, chooserOf, placeWildcards, steerFor, steerOf, WILDCARD_CHOICE_KEYS, type WildcardChoice, type Wildcards, type WildcardView } from './wildcard.js';

/**
 * The game's wildcards, placed by the room's seed. Drawn from a generator of its own, seeded from the
 * room's, so the cards a seed deals are the same as without wildcards.
 */
export function setupWildcards(rounds: number, firstReader: SeatIndex, rng: Rng): Wildcards {
  return { at: placeWildcards(rounds, seededRng(rng.seed() ^ 0x5bd1e995)), first: other(firstReader), played: [] };
}

/** The wildcard on offer now: the one before the next card, while this card is revealed and it is not yet played. */
function offerFor(state: State, round: Round, revealed: boolean): number | null {
  const next = round.number + 1;
  if (!state.wildcards?.at.includes(next) || !revealed || next > state.options.rounds) return null;
  return next;
}

export function wildcardView(state: State, round: Round | null, revealed: boolean): WildcardView | null {
  const wildcards = state.wildcards;
  const number = round && offerFor(state, round, revealed);
  if (!wildcards || !number) return null;
  const available = availableChoices(plannedDepth(state, number), state.ceiling, state.kinds);
  return {
    number,
    chooser: chooserOf(wildcards, number),
    ways: WILDCARD_CHOICE_KEYS.map((to) => ({ to, available: available[to] })),
    kinds: state.kinds,
    chosen: steerFor(wildcards, number) ?? null,
  };
}

export function playWildcard(state: State, seat: SeatIndex, round: Round, revealed: boolean, choice: WildcardChoice, kind?: IntimacyKind): MoveResult<State> {
  const wildcards = state.wildcards;
  const number = offerFor(state, round, revealed);
  if (!wildcards || !number) return refuse('WRONG_PHASE', 'There is no wildcard on this card.');
  if (chooserOf(wildcards, number) !== seat) return refuse('NOT_YOUR_TURN', 'This wildcard is the other’s to play.');
  if (steerFor(wildcards, number)) return refuse('ALREADY_ANSWERED', 'This wildcard is already played.');
  const target = plannedDepth(state, number);
  if (!availableChoices(target, state.ceiling, state.kinds)[choice])
    return refuse('NOT_POSSIBLE', choice === 'deeper' ? 'The next card is already as deep as you both chose.' : 'That choice is not open for the next card.');
  if (choice === 'kind' && (!kind || !state.kinds.includes(kind))) return refuse('BAD_REQUEST', 'Pick one of the kinds you both chose.');
  const steer = steerOf(number, seat, choice, target, kind);
  return moved({ ...state, wildcards: { ...wildcards, played: [...wildcards.played, steer] } });
}

/** Who reads card `number`, after the card before was read by `reader`: the other, unless a wildcard swapped it. */
export function nextReader(state: State, number: number, reader: SeatIndex): SeatIndex {
  return steerFor(state.wildcards, number)?.to === 'swap' ? reader : other(reader);
}

/** A wildcard chose the closing note in place of card `number`. */
export function closingChosen(state: State, number: number): boolean {
  return steerFor(state.wildcards, number)?.to === 'closing';
}
