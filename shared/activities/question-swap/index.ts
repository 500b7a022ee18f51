// Question Swap: take turns drawing cards across the five kinds of intimacy, light to deep.
// Each first says privately what they are open to; the game uses what both chose and the lower depth.
// Answers stay under their seat until both are in, then are revealed together. One pace for two: a pass
// after the other answered leaves the choice to them (share anyway, or let it go), the next card comes
// once both tapped Next, and after the last card both choose together what comes next.
// Answers and reactions arrive sealed by each browser: the core keeps them under their seat, never reads
// them, and hands them out only at the reveal (open.ts opens them in the browser).
import * as v from 'valibot';
import { PAIRS, type Card } from '../../content/card.js';
import { other, refuse, withSeat, type SeatIndex } from '../../core.js';
import { INTIMACY_KINDS, type Depth } from '../../intimacy.js';
import type { Rng } from '../../random.js';
import { sealedSchema, type Sealed } from '../../sealed/shape.js';
import { moved, starredEntriesSchema, starredMemory, type Activity, type Awaiting, type MoveResult, type NewMemory, type SetupContext } from '../types.js';
import { steerFor, WILDCARD_CHOICE_KEYS } from './wildcard.js';
import { closingChosen, nextReader, playWildcard, setupWildcards, wildcardView } from './wildcard-rules.js';
import { closingAwaiting, closingView, notePending, openClosing, writeNote } from './closing.js';
import { cardOf, drawCard, playedCard } from './draw.js';
import { info } from './info.js';
import { libraryView, OWN_CARD_BUCKET, OWN_CARD_TYPES, OWN_ID, OWN_MEMORY_TITLE } from './library.js';
import { libraryCounts, libraryOf, markFavourite, removeCard, withLibrary, writeCard } from './library-rules.js';
import {
  ANSWER_BUCKET,
  DECK_DEFAULT,
  DECK_MAX,
  DECK_MIN,
  memoryKeyOf,
  MORE_CARDS,
  NOTE_BUCKET,
  REACTION_BUCKET,
  REDRAWS_PER_ROUND,
  type Consent,
  type Move,
  type Options,
  type Played,
  type Recap,
  type Round,
  type RoundView,
  type State,
  type View,
  type Wish,
} from './model.js';

export * from './model.js';
export { cardOf, targetDepth } from './draw.js';

const CardId = v.pipe(v.string(), v.maxLength(40));
const Kind = v.picklist(INTIMACY_KINDS);
const DepthSchema = v.picklist([1, 2, 3] as const);

export const moveSchema = v.variant('type', [
  v.object({
    type: v.literal('consent'),
    kinds: v.pipe(v.array(Kind), v.minLength(1, 'Choose at least one kind.'), v.maxLength(5)),
    maxDepth: DepthSchema,
  }),
  v.object({ type: v.literal('redraw'), cardId: CardId }),
  v.object({ type: v.literal('answer'), cardId: CardId, sealed: sealedSchema(ANSWER_BUCKET, 'An answer is missing.') }),
  v.object({ type: v.literal('done'), cardId: CardId }),
  v.object({ type: v.literal('pass'), cardId: CardId }),
  v.object({ type: v.literal('react'), cardId: CardId, reaction: v.nullable(sealedSchema(REACTION_BUCKET, 'A reaction is missing.')) }),
  v.object({ type: v.literal('star'), cardId: CardId, starred: v.boolean(), entries: v.optional(starredEntriesSchema) }),
  v.object({ type: v.literal('next'), cardId: CardId }),
  v.object({ type: v.literal('share-anyway'), cardId: CardId }),
  v.object({ type: v.literal('let-go'), cardId: CardId }),
  v.object({ type: v.literal('more'), deeper: v.boolean() }),
  v.object({
    type: v.literal('note'),
    round: v.pipe(v.number('Say which closing card the note is for.'), v.integer('Say which closing card the note is for.'), v.minValue(0)),
    sealed: v.nullable(sealedSchema(NOTE_BUCKET, 'The note is missing.')),
  }),
  v.object({ type: v.literal('wildcard'), cardId: CardId, to: v.picklist(WILDCARD_CHOICE_KEYS, 'Choose one of the wildcard’s choices.'), kind: v.optional(Kind) }),
  v.object({ type: v.literal('favourite'), cardId: CardId, on: v.boolean() }),
  v.object({
    type: v.literal('write-card'),
    id: v.pipe(v.string(), v.regex(OWN_ID, 'A written card needs an id from the browser.')),
    kind: Kind,
    depth: DepthSchema,
    cardType: v.picklist(Object.keys(OWN_CARD_TYPES) as (keyof typeof OWN_CARD_TYPES)[], 'Choose what kind of card it is.'),
    sealed: sealedSchema(OWN_CARD_BUCKET, 'The card’s words are missing.'),
  }),
  v.object({ type: v.literal('remove-card'), id: CardId }),
]) satisfies v.GenericSchema<unknown, Move>;

export const optionsSchema = v.object({
  answerMode: v.picklist(['write', 'talk'] as const, 'Choose write or talk.'),
  rounds: v.optional(
    v.pipe(
      v.number('Choose how many cards.'),
      v.integer('Choose a whole number of cards.'),
      v.minValue(DECK_MIN, `Choose at least ${DECK_MIN} cards.`),
      v.maxValue(DECK_MAX, `Choose at most ${DECK_MAX} cards.`),
    ),
    DECK_DEFAULT,
  ),
  pair: v.optional(v.picklist(PAIRS, `Choose the kind of pair: ${PAIRS.join(', ')}.`)),
  apart: v.optional(v.boolean('Say whether you live apart with true or false.')),
  deck: v.optional(v.picklist(['favourites'] as const, 'The only deck to choose is "favourites".')),
}) satisfies v.GenericSchema<unknown, Options>;

/** Whether a card needs written answers (or, in talk mode, just talking) rather than choices. */
export function isOpen(card: Card): boolean {
  return card.type === 'question' || card.type === 'task' || card.type === 'finish';
}

export function isRevealed(state: State, round: Round): boolean {
  if (round.sharedAlone === true) return true;
  const card = cardOf(round);
  if (state.options.answerMode === 'talk' && isOpen(card)) return round.talked;
  return round.answers[0] !== null && round.answers[1] !== null;
}

function startRound(state: State, number: number, reader: SeatIndex, rng: Rng): State {
  const card = drawCard(state, number, rng);
  if (!card) return { ...state, phase: 'finished', round: null };
  const own = libraryOf(state).cards.find((c) => c.id === card.id);
  return {
    ...state,
    used: [...state.used, card.id],
    round: {
      ...(own ? { own } : {}),
      number,
      reader,
      cardId: card.id,
      redrawsLeft: REDRAWS_PER_ROUND,
      answers: [null, null],
      talked: false,
      reactions: [null, null],
      starred: [false, false],
      passedBy: null,
      sharedAlone: false,
      ready: [false, false],
    },
  };
}

/** Who reads round `number`: the first reader, then each in turn. */
function readerOf(state: State, number: number): SeatIndex {
  return number % 2 === 1 ? state.firstReader : other(state.firstReader);
}

/** A pass waiting on the choice of the one who answered (null when none). */
function pendingPass(round: Round): SeatIndex | null {
  return round.passedBy != null && round.sharedAlone !== true ? round.passedBy : null;
}

/** A guess card both answered keeps both sealed answers, for the recap's count of right guesses. */
function guessesOf(round: Round): Pick<Played, 'guesses'> {
  const [a, b] = round.answers;
  return cardOf(round).type === 'guess' && a && b ? { guesses: [a, b] } : {};
}

/** The deepest depth reached so far (0 when nothing was recorded). */
function deepestPlayed(played: readonly Played[]): number {
  return Math.max(0, ...played.map((p) => playedCard(p)?.depth ?? 0));
}

/** Both tapped Next: the card goes into the recap and the next one comes (or the end). */
function advance(state: State, round: Round, rng: Rng): State {
  const card: Played = { cardId: round.cardId, ...guessesOf(round), starred: round.starred.some(Boolean), ...(round.own ? { own: round.own } : {}) };
  const played: Played[] = [...(state.played ?? []), card];
  const completed = state.completed + 1;
  const done: State = { ...state, completed, played };
  const number = round.number + 1;
  if (completed >= state.options.rounds || closingChosen(state, number))
    return { ...done, phase: 'finished', round: null, wishes: [null, null], closing: openClosing(completed) };
  const reader = nextReader(state, number, round.reader);
  // A swap keeps the turns alternating from the new first reader on, after more cards too.
  const firstReader = reader === round.reader ? other(state.firstReader) : state.firstReader;
  return startRound({ ...done, firstReader }, number, reader, rng);
}

/**
 * After the last card: each says what they'd like, and cards come once both have. Choosing one level
 * deeper is that person's consent to it: deeper cards come only if both chose them, otherwise a few more
 * at the depth reached (the gentler wish wins, as at the start, and nothing says whose it was).
 */
function wish(state: State, seat: SeatIndex, deeper: boolean, rng: Rng): MoveResult<State> {
  if (state.phase !== 'finished') return refuse('WRONG_PHASE', 'You can choose more cards after the last one.');
  const deepest = deepestPlayed(state.played ?? []);
  if (deeper && !deeperLeft(deepest)) return refuse('NOT_POSSIBLE', 'These were already the deepest cards.');
  if (notePending(state, seat)) return refuse('WRONG_PHASE', 'Write your note first, or skip it.');
  const wishes = withSeat(state.wishes ?? [null, null], seat, deeper ? 'deeper' : 'more');
  if (wishes[0] === null || wishes[1] === null) return moved({ ...state, wishes });
  const both = wishes[0] === 'deeper' && wishes[1] === 'deeper';
  const extraDepth = (both ? deepest + 1 : Math.max(1, deepest)) as Depth;
  // Both chose the deeper level now, so it is theirs to draw from, whatever they chose at the start.
  const ceiling = Math.max(state.ceiling, extraDepth) as Depth;
  const number = state.completed + 1;
  const going = startRound(
    { ...state, wishes: [null, null], closing: null, extraDepth, ceiling, options: { ...state.options, rounds: state.completed + MORE_CARDS }, phase: 'play' },
    number,
    readerOf(state, number),
    rng,
  );
  if (!going.round) return refuse('NOT_POSSIBLE', 'There are no cards left for what you both chose.');
  return moved(going);
}

/** Whether a deeper level is left after the deepest one reached (none before any card was played). */
function deeperLeft(deepest: number): boolean {
  return deepest > 0 && deepest < 3;
}

function setup(options: Options, context: SetupContext, rng: Rng): State {
  const firstReader: SeatIndex = rng.next() < 0.5 ? 0 : 1;
  return {
    // The room's "we live apart" (or, in a game proposed by an older page, the game's own option).
    options: { ...options, partnersOnly: context.audience === 'partners', audience: context.audience, ...(options.apart || context.apart ? { apart: true } : {}) },
    phase: 'consent',
    consent: [null, null],
    noOverlap: false,
    kinds: [],
    ceiling: 1,
    firstReader,
    used: [],
    round: null,
    completed: 0,
    wildcards: setupWildcards(options.rounds, firstReader, rng),
  };
}

function consent(state: State, seat: SeatIndex, chosen: Consent, rng: Rng): MoveResult<State> {
  if (state.phase !== 'consent') return refuse('WRONG_PHASE');
  if (state.consent[seat]) return refuse('ALREADY_ANSWERED', 'You have already chosen.');
  const choices = withSeat(state.consent, seat, { kinds: INTIMACY_KINDS.filter((k) => chosen.kinds.includes(k)), maxDepth: chosen.maxDepth });
  const [a, b] = choices;
  if (!a || !b) return moved({ ...state, consent: choices, noOverlap: false });
  const kinds = a.kinds.filter((k) => b.kinds.includes(k));
  if (kinds.length === 0) return moved({ ...state, consent: [null, null], noOverlap: true });
  const agreed: State = {
    ...state,
    consent: choices,
    noOverlap: false,
    kinds,
    ceiling: Math.min(a.maxDepth, b.maxDepth) as Depth,
    phase: 'play',
  };
  return moved(startRound(agreed, 1, state.firstReader, rng));
}

/** A starred card's memory: the card's text as its title, and the words the starring browser sealed. */
function memoryOf(round: Round, entries: readonly { seat: SeatIndex; sealed: Sealed }[]): NewMemory {
  // A written card's words are sealed: its memory is titled by what it is, not by what it says.
  return starredMemory(memoryKeyOf(round.number, round.cardId), round.own ? OWN_MEMORY_TITLE : cardOf(round).text, entries);
}

function move(state: State, seat: SeatIndex, m: Move, ctx: { rng: Rng; now: number }): MoveResult<State> {
  if (m.type === 'consent') return consent(state, seat, m, ctx.rng);
  if (m.type === 'note') return writeNote(state, seat, m.round, m.sealed, ctx.now);
  if (m.type === 'more') return wish(state, seat, m.deeper, ctx.rng);
  if (m.type === 'write-card') return writeCard(state, seat, m);
  if (m.type === 'remove-card') return removeCard(state, seat, m.id);
  const round = state.round;
  if (state.phase !== 'play' || !round) return refuse('WRONG_PHASE');
  if (m.cardId !== round.cardId) return refuse('UNKNOWN_CARD');
  const card = cardOf(round);
  const revealed = isRevealed(state, round);
  const passed = pendingPass(round);
  const withRound = (changes: Partial<Round>, memories?: NewMemory[]): MoveResult<State> => moved({ ...state, round: { ...round, ...changes } }, memories);

  if (m.type === 'favourite') return markFavourite(state, m.cardId, m.on);
  if (m.type === 'wildcard') return playWildcard(state, seat, round, revealed, m.to, m.kind);
  if (passed !== null && m.type !== 'share-anyway' && m.type !== 'let-go')
    return refuse('WRONG_PHASE', seat === passed ? 'You passed on this card.' : 'Choose whether to share your answer or let it go.');
  switch (m.type) {
    case 'redraw': {
      if (seat !== round.reader) return refuse('NOT_YOUR_TURN', 'Only the reader draws the card.');
      if (round.redrawsLeft <= 0) return refuse('NOT_POSSIBLE', 'No redraws left for this round: you can still pass.');
      if (round.answers.some(Boolean) || revealed) return refuse('WRONG_PHASE', 'Someone has already answered this card.');
      const next = startRound(state, round.number, round.reader, ctx.rng);
      if (!next.round) return moved(next);
      return moved({ ...next, round: { ...next.round, redrawsLeft: round.redrawsLeft - 1 } });
    }
    case 'pass': {
      if (revealed) return refuse('WRONG_PHASE', 'This card is already revealed: tap Next.');
      // The other's answer is theirs: they choose whether it is shared or let go.
      if (round.answers[other(seat)] && !round.answers[seat]) return withRound({ passedBy: seat });
      return moved(startRound(state, round.number, round.reader, ctx.rng));
    }
    case 'share-anyway':
    case 'let-go': {
      if (passed === null) return refuse('WRONG_PHASE', 'Nobody passed on this card.');
      if (seat === passed) return refuse('NOT_YOUR_TURN', 'The choice is for the one who answered.');
      if (m.type === 'share-anyway') return withRound({ sharedAlone: true });
      return moved(startRound(state, round.number, round.reader, ctx.rng));
    }
    case 'answer': {
      if (revealed || round.answers[seat]) return refuse('ALREADY_ANSWERED');
      // What the answer says is the browser's to check (answerProblem): here only whether it is due.
      if (state.options.answerMode === 'talk' && isOpen(card)) return refuse('WRONG_PHASE', 'In talk mode, talk it through and tap Done.');
      return withRound({ answers: withSeat(round.answers, seat, m.sealed) });
    }
    case 'done': {
      if (state.options.answerMode !== 'talk' || !isOpen(card)) return refuse('WRONG_PHASE', 'Answer this card to reveal it.');
      if (revealed) return refuse('WRONG_PHASE', 'This card is already done: tap Next.');
      return withRound({ talked: true });
    }
    case 'react': {
      if (!revealed) return refuse('WRONG_PHASE', 'Reactions open once the answers are revealed.');
      if (!round.answers[other(seat)]) return refuse('NOT_POSSIBLE', 'There is no answer to react to on this card.');
      return withRound({ reactions: withSeat(round.reactions, seat, m.reaction) });
    }
    case 'star': {
      if (!revealed) return refuse('WRONG_PHASE', 'You can star a card once it is revealed.');
      const entries = m.entries ?? [];
      if (entries.some((e) => !round.answers[e.seat])) return refuse('BAD_REQUEST', 'Only an answer given on this card can be kept.');
      return withRound({ starred: withSeat(round.starred, seat, m.starred) }, m.starred ? [memoryOf(round, entries)] : undefined);
    }
    case 'next': {
      if (!revealed) return refuse('WRONG_PHASE', 'Reveal this card first, or pass it.');
      const ready = round.ready ?? [false, false];
      if (ready[seat]) return refuse('ALREADY_READY', 'You are ready for the next card.');
      const both = withSeat(ready, seat, true);
      if (!both[0] || !both[1]) return withRound({ ready: both });
      return moved(advance(state, round, ctx.rng));
    }
  }
}

function recapOf(state: State, seat: SeatIndex): Recap {
  const played = (state.played ?? []).flatMap((p) => {
    const card = playedCard(p);
    return card ? [{ ...p, card }] : [];
  });
  const deepest = deepestPlayed(state.played ?? []);
  return {
    cards: state.completed,
    kinds: INTIMACY_KINDS.filter((k) => played.some((p) => p.card.kind === k)),
    depths: ([1, 2, 3] as const).filter((d) => played.some((p) => p.card.depth === d)),
    guessed: played.flatMap((p) => (p.guesses ? [{ cardId: p.cardId, answers: p.guesses }] : [])),
    starred: played.filter((p) => p.starred && !p.own).map((p) => p.card.text),
    starredOwn: played.flatMap((p) => (p.starred && p.own ? [{ id: p.own.id, by: p.own.by, type: p.own.type, sealed: p.own.sealed }] : [])),
    deeper: deeperLeft(deepest),
    wishes: wishesSeenBy(state.wishes ?? [null, null], seat),
  };
}

/** The other's wish to go deeper reads as a wish for more: nobody is pressed, or told who held back. */
function wishesSeenBy(wishes: [Wish | null, Wish | null], seat: SeatIndex): [Wish | null, Wish | null] {
  const theirs = wishes[other(seat)];
  return withSeat(wishes, other(seat), theirs === 'deeper' ? 'more' : theirs);
}

/** A stored value as the view hands it on: one from before answers were sealed goes as '', which reads as unreadable. */
function sealedOrBlank(value: Sealed | null): Sealed | null {
  return value === null ? null : typeof value === 'string' ? value : '';
}

function roundView(state: State, round: Round, seat: SeatIndex): RoundView {
  const card = cardOf(round);
  const revealed = isRevealed(state, round);
  const [a, b] = round.answers.map(sealedOrBlank) as [Sealed | null, Sealed | null];
  // Shared alone after a pass: the one who passed has no answer, so only the other's shows.
  const answers: RoundView['answers'] = revealed ? [a, b] : null;
  return {
    number: round.number,
    reader: round.reader,
    card,
    depth: card.depth,
    redrawsLeft: round.redrawsLeft,
    seat,
    answered: [a !== null, b !== null],
    mine: seat === 0 ? a : b,
    revealed,
    open: isOpen(card),
    talk: state.options.answerMode === 'talk' && isOpen(card),
    answers,
    reactions: revealed ? (round.reactions.map(sealedOrBlank) as [Sealed | null, Sealed | null]) : [null, null],
    canReact: revealed && !!answers?.[other(seat)],
    starred: round.starred[seat],
    passedBy: round.passedBy ?? null,
    ready: round.ready ?? [false, false],
    steered: steerFor(state.wildcards, round.number) ?? null,
    favourite: libraryOf(state).favourites.includes(round.cardId),
    own: round.own ? { by: round.own.by, sealed: round.own.sealed } : null,
  };
}

function view(state: State, seat: SeatIndex): View {
  return {
    phase: state.phase,
    answerMode: state.options.answerMode,
    rounds: state.options.rounds,
    completed: state.completed,
    consent: { mine: state.consent[seat], otherChose: state.consent[other(seat)] !== null, noOverlap: state.noOverlap },
    agreed: state.phase === 'consent' ? null : { kinds: state.kinds, ceiling: state.ceiling },
    round: state.round ? roundView(state, state.round, seat) : null,
    recap: state.phase === 'finished' ? recapOf(state, seat) : null,
    closing: state.phase === 'finished' && state.closing ? closingView(state.closing, seat) : null,
    wildcard: state.phase === 'play' && state.round ? wildcardView(state, state.round, isRevealed(state, state.round)) : null,
    library: libraryView(libraryOf(state), seat),
  };
}

/**
 * Choosing what you are open to, and answering a card, are private: each in turn, the reader first; so
 * is the choice, after the other passed, to share your answer or let it go. Talking a card through is
 * shared (either may tap Done); moving on from a reveal waits for each who has not tapped Next yet.
 * After the last card, the closing note is private too, each in turn.
 */
function awaiting(state: State): Awaiting {
  if (state.phase === 'consent') return { seats: [0, 1].filter((s) => state.consent[s as SeatIndex] === null) as SeatIndex[], private: true };
  if (state.phase === 'finished') {
    const seats = state.closing ? closingAwaiting(state.closing) : [];
    return { seats, private: seats.length > 0 };
  }
  const round = state.round;
  if (state.phase !== 'play' || !round) return { seats: [], private: false };
  const passed = pendingPass(round);
  if (passed !== null) return { seats: [other(passed)], private: true };
  if (isRevealed(state, round)) return { seats: ([0, 1] as const).filter((s) => !(round.ready ?? [false, false])[s]), private: false };
  if (state.options.answerMode === 'talk' && isOpen(cardOf(round))) return { seats: [0, 1], private: false };
  return { seats: [round.reader, other(round.reader)].filter((s) => round.answers[s] === null), private: true };
}

export const questionSwap: Activity<Options, State, Move, View, typeof info> = {
  info,
  optionsSchema,
  moveSchema,
  setup,
  move,
  view,
  awaiting,
  finished: (state: State) => state.phase === 'finished',
  // An ended game mid-play waits in the lobby, to pick up where you left it.
  keep: (state: State) => state.phase === 'play',
  summary: (state: State) => `card ${state.completed + 1} of ${state.options.rounds}`,
  asksAfterAtFinish: true,
  library: { of: libraryOf, into: withLibrary, counts: libraryCounts },
};
