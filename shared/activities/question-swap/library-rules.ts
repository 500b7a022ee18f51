// The core's side of what a room keeps of Question Swap (library.ts has the shapes): marking the card on
// the table "Come back to this", and writing or taking back a card of one's own. All bounded; a written
// card's words arrive sealed and stay so.
import { refuse, type SeatIndex } from '../../core.js';
import type { CardType } from '../../content/card.js';
import type { Depth, IntimacyKind } from '../../intimacy.js';
import type { Sealed } from '../../sealed/shape.js';
import { moved, type MoveResult } from '../types.js';
import { EMPTY_LIBRARY, FAVOURITES_MAX, OWN_CARDS_MAX, type Library } from './library.js';
import type { State } from './model.js';

export function libraryOf(state: State): Library {
  return state.library ?? EMPTY_LIBRARY;
}

/** The room's library read back into a game (a new one, or one picked up again): the room's is the newest. */
export function withLibrary(state: State, library: unknown): State {
  return isLibrary(library) ? { ...state, library } : state;
}

function isLibrary(value: unknown): value is Library {
  const v = value as Partial<Library> | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.favourites) && Array.isArray(v.cards);
}

/** What the lobby shows of the library: how many cards are kept to come back to, and how many were written. */
export function libraryCounts(library: unknown): Record<string, number> {
  return isLibrary(library) ? { favourites: library.favourites.length, cards: library.cards.length } : {};
}

export function markFavourite(state: State, cardId: string, on: boolean): MoveResult<State> {
  const library = libraryOf(state);
  const kept = library.favourites.includes(cardId);
  if (kept === on) return moved(state);
  if (on && library.favourites.length >= FAVOURITES_MAX)
    return refuse('NOT_POSSIBLE', `You are coming back to ${FAVOURITES_MAX} cards already: play "Our favourites", or let one go.`);
  const favourites = on ? [...library.favourites, cardId] : library.favourites.filter((id) => id !== cardId);
  return moved({ ...state, library: { ...library, favourites } });
}

export interface Written {
  id: string;
  kind: IntimacyKind;
  depth: Depth;
  cardType: CardType;
  sealed: Sealed;
}

export function writeCard(state: State, seat: SeatIndex, card: Written): MoveResult<State> {
  const library = libraryOf(state);
  const same = library.cards.find((c) => c.id === card.id);
  // The same card again (a resend) changes nothing; another card may not take its id.
  if (same) return same.by === seat && same.sealed === card.sealed ? moved(state) : refuse('BAD_REQUEST', 'That card id is taken.');
  if (library.cards.length >= OWN_CARDS_MAX) return refuse('NOT_POSSIBLE', `The room holds ${OWN_CARDS_MAX} of your own cards: take one back first.`);
  const own = { id: card.id, by: seat, kind: card.kind, depth: card.depth, type: card.cardType, sealed: card.sealed };
  return moved({ ...state, library: { ...library, cards: [...library.cards, own] } });
}

export function removeCard(state: State, seat: SeatIndex, id: string): MoveResult<State> {
  const library = libraryOf(state);
  const card = library.cards.find((c) => c.id === id);
  if (!card) return refuse('NOT_FOUND', 'That card was already taken back.');
  if (card.by !== seat) return refuse('NOT_YOUR_TURN', 'Only the one who wrote a card can take it back.');
  if (state.round?.cardId === id) return refuse('WRONG_PHASE', 'It is on the table now: pass it instead.');
  const favourites = library.favourites.filter((f) => f !== id);
  return moved({ ...state, library: { favourites, cards: library.cards.filter((c) => c.id !== id) } });
}
