// Question Swap's wildcards: now and then (one in each stretch of WILDCARD_EVERY cards, placed by the
// room's seed, never on the first card) one person chooses what the next card will be. The wildcards take
// turns between the two. The offer comes with the reveal of the card before, and choosing is never
// needed: the next card comes when both tap Next, as always, and it is then the chosen one. A choice
// never goes past the depth both agreed to. Shapes, labels and rules only: no cards (the browser imports it).
import { other, type SeatIndex } from '../../core.js';
import type { Depth, IntimacyKind } from '../../intimacy.js';
import type { Rng } from '../../random.js';

export const WILDCARD_EVERY = 5;

/** What a wildcard can make of the next card, with what both are told it changes. */
export const WILDCARD_CHOICES = {
  deeper: { label: 'One step deeper', then: 'The next card goes one level deeper.' },
  lighter: { label: 'Something lighter', then: 'The next card is a lighter one.' },
  kind: { label: 'Pick the next kind', then: 'The next card is of the kind chosen.' },
  swap: { label: 'Swap who goes first', then: 'From the next card, the other goes first.' },
  closing: { label: 'On to the closing note', then: 'After this card, you each write the other a short note.' },
} as const;
export type WildcardChoice = keyof typeof WILDCARD_CHOICES;
export const WILDCARD_CHOICE_KEYS = Object.keys(WILDCARD_CHOICES) as WildcardChoice[];

/** A wildcard played: who chose what for card `number` (the depth a deeper or lighter choice set). */
export interface Steer {
  number: number;
  by: SeatIndex;
  /** What was chosen (named `to`, not `choice`: a card's pick is what a "choice" means in an answer). */
  to: WildcardChoice;
  kind?: IntimacyKind;
  depth?: Depth;
}

/** The game's wildcards: the cards they come before, who has the first one, and the ones played. */
export interface Wildcards {
  at: number[];
  first: SeatIndex;
  played: Steer[];
}

/** What a seat sees of a wildcard on offer (with the reveal of the card before `number`). */
export interface WildcardView {
  number: number;
  chooser: SeatIndex;
  /** Each choice, and whether it can be made now (deeper: not past the agreed depth). */
  ways: { to: WildcardChoice; available: boolean }[];
  /** The kinds "pick the next kind" offers: the ones both agreed to. */
  kinds: IntimacyKind[];
  /** Once played: what was chosen. */
  chosen: Steer | null;
}

/**
 * Where the wildcards go in a deck of `rounds` cards: one in each full stretch of WILDCARD_EVERY cards,
 * at a card chosen by the seed within it, never the first card of the game.
 */
export function placeWildcards(rounds: number, rng: Rng): number[] {
  const at: number[] = [];
  for (let start = 1; start + WILDCARD_EVERY - 1 <= rounds; start += WILDCARD_EVERY) {
    const from = Math.max(2, start);
    const to = start + WILDCARD_EVERY - 1;
    at.push(from + Math.floor(rng.next() * (to - from + 1)));
  }
  return at;
}

/** Who plays the wildcard before card `number`: the first one's holder, then the other, in turn. */
export function chooserOf(wildcards: Wildcards, number: number): SeatIndex {
  const index = wildcards.at.indexOf(number);
  return index % 2 === 0 ? wildcards.first : other(wildcards.first);
}

/** The wildcard played for card `number`, if any. */
export function steerFor(wildcards: Wildcards | undefined, number: number): Steer | undefined {
  return wildcards?.played.find((s) => s.number === number);
}

/** Whether each choice can be made for a card whose depth would be `target`, below the agreed `ceiling`. */
export function availableChoices(target: Depth, ceiling: Depth, kinds: readonly IntimacyKind[]): Record<WildcardChoice, boolean> {
  return { deeper: target < ceiling, lighter: target > 1, kind: kinds.length > 1, swap: true, closing: true };
}

/** The steer a choice makes for a card whose depth would be `target`: deeper and lighter move it one level. */
export function steerOf(number: number, by: SeatIndex, to: WildcardChoice, target: Depth, kind?: IntimacyKind): Steer {
  if (to === 'deeper') return { number, by, to, depth: (target + 1) as Depth };
  if (to === 'lighter') return { number, by, to, depth: (target - 1) as Depth };
  if (to === 'kind' && kind) return { number, by, to, kind };
  return { number, by, to };
}
