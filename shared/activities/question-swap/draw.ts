// Which card comes next in Question Swap: the deck's cards and the ones the two wrote, within the kinds
// both chose and never past the depth both agreed to. The depth rises gently through the session; a
// wildcard may set the next card's depth (one level either way, inside the agreed depth) or its kind;
// "Our favourites" draws the kept cards first; a card one of them wrote comes as soon as the session has
// reached its depth.
import { cardFits, type Card } from '../../content/card.js';
import { CARDS } from '../../content/cards.js';
import type { Depth } from '../../intimacy.js';
import { pick, type Rng } from '../../random.js';
import { ownAsCard } from './library.js';
import type { Played, Round, State } from './model.js';
import { steerFor } from './wildcard.js';

let cardsById: Map<string, Card> | undefined;

export function cardById(id: string): Card | undefined {
  cardsById ??= new Map(CARDS.map((c) => [c.id, c]));
  return cardsById.get(id);
}

/** The card a round or a played card holds: one of the two wrote (its words sealed), or the deck's. */
export function cardOf(round: Pick<Round, 'cardId' | 'own'> | Played): Card {
  const card = round.own ? ownAsCard(round.own) : cardById(round.cardId);
  if (!card) throw new Error(`unknown card ${round.cardId}`);
  return card;
}

/** A played card's card, or undefined when the deck no longer has it. */
export function playedCard(played: Played): Card | undefined {
  return played.own ? ownAsCard(played.own) : cardById(played.cardId);
}

/** Depth rises gently: the first three eighths of the session light, the next three personal, then deep. */
export function targetDepth(roundNumber: number, rounds: number, ceiling: Depth): Depth {
  const stage: Depth = roundNumber <= Math.ceil((rounds * 3) / 8) ? 1 : roundNumber <= Math.ceil((rounds * 6) / 8) ? 2 : 3;
  return Math.min(stage, ceiling) as Depth;
}

/** The depth round `number` would have without a wildcard. */
export function plannedDepth(state: State, number: number): Depth {
  return state.extraDepth ?? targetDepth(number, state.options.rounds, state.ceiling);
}

/**
 * The next unused card for this round: at the round's depth, else gentler, else (when the gentle cards
 * are used up) deeper but never past the agreed ceiling; null when none is left at all.
 */
export function drawCard(state: State, roundNumber: number, rng: Rng): Card | null {
  const { audience, pair, apart, partnersOnly } = state.options;
  const drawer = { audience: audience ?? (partnersOnly ? 'partners' : 'family'), pair, apart };
  const own = (state.library?.cards ?? []).map(ownAsCard);
  const allowed = (card: Card) => state.kinds.includes(card.kind) && card.depth <= state.ceiling && cardFits(card, drawer) && !state.used.includes(card.id);
  const steer = steerFor(state.wildcards, roundNumber);
  const target = Math.min(steer?.depth ?? plannedDepth(state, roundNumber), state.ceiling) as Depth;
  const order = [target, ...[1, 2, 3].filter((d) => d < target).reverse(), ...[1, 2, 3].filter((d) => d > target && d <= state.ceiling)];
  const favourites = state.options.deck === 'favourites' ? (state.library?.favourites ?? []) : [];
  // Each tier is tried in turn: the wildcard's kind first, then any; the kept favourites first, then all.
  const kindTiers = steer?.kind ? [(c: Card) => c.kind === steer.kind, () => true] : [() => true];
  const keptTiers = favourites.length > 0 ? [(c: Card) => favourites.includes(c.id), () => true] : [() => true];
  for (const inKind of kindTiers) {
    for (const kept of keptTiers) {
      const fitsAt = (depth: number) => (card: Card) => card.depth === depth && inKind(card) && kept(card) && allowed(card);
      // A card they wrote comes as soon as the session has reached its depth; a deeper one waits for it.
      for (const depth of order.filter((d) => d <= target)) {
        const written = own.filter(fitsAt(depth));
        if (written.length > 0) return pick(written, rng);
      }
      for (const depth of order) {
        const written = own.filter(fitsAt(depth));
        if (written.length > 0) return pick(written, rng);
        const cards = CARDS.filter(fitsAt(depth));
        if (cards.length > 0) return pick(cards, rng);
      }
    }
  }
  return null;
}
