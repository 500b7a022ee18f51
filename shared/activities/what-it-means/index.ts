// "What intimacy means to me": each privately ranks the five kinds of intimacy, rates the seven
// foundations twice (today, and how much I want it) and finishes three sentences. Nothing is shown
// until both are done; then both answers side by side, with the biggest gaps turned into questions.
// A rating nobody gave stays null: it is never filled in, drawn or turned into a gap. Leaving the
// reveal is agreed, so nobody is pulled away while still reading.
import * as v from 'valibot';
import { FOUNDATION_BETWEEN, FOUNDATION_WANT, KIND_RANKED_APART } from '../../content/gap-prompts.js';
import { STARTERS } from '../../content/starters.js';
import { other, refuse, withSeat, type SeatIndex } from '../../core.js';
import { FOUNDATIONS, INTIMACY_KINDS, type Foundation, type IntimacyKind } from '../../intimacy.js';
import { moved, type Activity, type Awaiting, type MoveResult, type NewMemory } from '../types.js';
import { info } from './info.js';

export const SENTENCE_MAX = 500;
export const SENTENCES = 3;
export const GAPS_SHOWN = 3;

/** 1 to 5, or null when this person would rather not say (or left it empty): never a default. */
export type Rating = { today: number | null; want: number | null };
export type Ratings = Record<Foundation, Rating>;
export interface Sentence {
  starterId: string;
  text: string;
}

export interface Entry {
  ranking: IntimacyKind[] | null;
  ratings: Ratings | null;
  sentences: Sentence[] | null;
  done: boolean;
}

/** What a star points at on the reveal. */
export type StarTarget =
  | { part: 'ranking' }
  | { part: 'ratings' }
  | { part: 'sentence'; index: number }
  | { part: 'gap'; index: number };

export interface State {
  entries: [Entry, Entry];
  revealed: boolean;
  starred: StarTarget[];
  /** Who is ready to leave the reveal for the lobby. Missing (rooms from before): nobody. */
  leaving?: [boolean, boolean];
}

export interface Gap {
  kind: 'between' | 'want' | 'ranked-apart';
  /** The foundation or kind it is about. */
  about: Foundation | IntimacyKind;
  size: number;
  prompt: string;
}

export interface View {
  mine: Entry;
  otherDone: boolean;
  revealed: boolean;
  /** Both entries and the gaps, only once both are done. */
  both: [Entry, Entry] | null;
  gaps: Gap[];
  starred: StarTarget[];
  /** Who is ready to leave the reveal; once both are, the screen goes back to the lobby. */
  leaving: [boolean, boolean];
}

const Score = v.pipe(v.number(), v.integer(), v.minValue(1, 'Ratings go from 1 to 5.'), v.maxValue(5, 'Ratings go from 1 to 5.'));
const Said = v.optional(v.nullable(Score), null);
/** A foundation left out of a move is one this person would rather not rate. */
const RatingSchema = v.optional(v.object({ today: Said, want: Said }), (): Rating => ({ today: null, want: null }));
const Index = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9));
const StarTargetSchema = v.variant(
  'part',
  [
    v.object({ part: v.literal('ranking') }),
    v.object({ part: v.literal('ratings') }),
    v.object({ part: v.literal('sentence'), index: Index }),
    v.object({ part: v.literal('gap'), index: Index }),
  ],
  'There is nothing like that to star.',
) satisfies v.GenericSchema<unknown, StarTarget>;

export const moveSchema = v.variant('type', [
  v.object({ type: v.literal('rank'), order: v.pipe(v.array(v.string()), v.maxLength(10)) }),
  v.object({
    type: v.literal('rate'),
    ratings: v.object(Object.fromEntries(FOUNDATIONS.map((f) => [f, RatingSchema])) as Record<Foundation, typeof RatingSchema>),
  }),
  v.object({
    type: v.literal('sentences'),
    items: v.pipe(
      v.array(v.object({ starterId: v.pipe(v.string(), v.maxLength(20)), text: v.pipe(v.string(), v.maxLength(SENTENCE_MAX * 4)) })),
      v.maxLength(SENTENCES * 2),
    ),
  }),
  v.object({ type: v.literal('done') }),
  v.object({ type: v.literal('star'), target: StarTargetSchema, starred: v.boolean() }),
  /** Ready (or, with false, no longer ready) to leave the reveal. */
  v.object({ type: v.literal('leave'), ready: v.boolean() }),
]);
export type Move = v.InferOutput<typeof moveSchema>;

export const optionsSchema = v.object({});

const STARTER_TEXT = new Map(STARTERS.map((s) => [s.id, s.text]));
const EMPTY: Entry = { ranking: null, ratings: null, sentences: null, done: false };

export function isPermutationOfKinds(order: readonly string[]): order is IntimacyKind[] {
  return order.length === INTIMACY_KINDS.length && INTIMACY_KINDS.every((k) => order.includes(k));
}

/** The biggest differences, largest first: between the two people, between today and want, and in ranking. */
export function biggestGaps(a: Entry, b: Entry, count = GAPS_SHOWN): Gap[] {
  const gaps: Gap[] = [];
  if (a.ratings && b.ratings) {
    for (const f of FOUNDATIONS) {
      const between = apart(a.ratings[f].today, b.ratings[f].today);
      if (between > 0) gaps.push({ kind: 'between', about: f, size: between, prompt: FOUNDATION_BETWEEN[f] });
      const want = Math.max(wish(a.ratings[f]), wish(b.ratings[f]));
      if (want > 0) gaps.push({ kind: 'want', about: f, size: want, prompt: FOUNDATION_WANT[f] });
    }
  }
  if (a.ranking && b.ranking) {
    for (const k of INTIMACY_KINDS) {
      const apart = Math.abs(a.ranking.indexOf(k) - b.ranking.indexOf(k));
      if (apart > 0) gaps.push({ kind: 'ranked-apart', about: k, size: apart, prompt: KIND_RANKED_APART[k] });
    }
  }
  // Largest first; on a tie, the order above (foundations in the brief's order, then kinds) decides.
  const ordered = gaps.map((gap, index) => ({ gap, index })).sort((x, y) => y.gap.size - x.gap.size || x.index - y.index);
  const chosen: Gap[] = [];
  for (const { gap } of ordered) {
    if (chosen.length === count) break;
    if (!chosen.some((c) => c.about === gap.about)) chosen.push(gap);
  }
  return chosen;
}

/** How far apart two ratings are; 0 unless both were given. */
function apart(x: number | null, y: number | null): number {
  return x !== null && y !== null ? Math.abs(x - y) : 0;
}

/** How much more someone wants than they feel today; 0 unless they gave both. */
function wish(r: Rating): number {
  return r.today !== null && r.want !== null ? r.want - r.today : 0;
}

/** The ratings one person gave, for Memories: "trust 2→4, honesty 3→not said"; rows left unsaid are left out. */
export function ratingsLine(ratings: Ratings): string {
  const said = (n: number | null) => (n === null ? 'not said' : String(n));
  const given = FOUNDATIONS.filter((f) => ratings[f].today !== null || ratings[f].want !== null);
  return given.map((f) => `${f} ${said(ratings[f].today)}→${said(ratings[f].want)}`).join(', ') || 'Rather not say';
}

/** One key per star target: it names the memory, so starring twice keeps one. */
export function starKey(target: StarTarget): string {
  return 'index' in target ? `${target.part}:${target.index}` : target.part;
}

function memoryFor(state: State, target: StarTarget): NewMemory | null {
  const [a, b] = state.entries;
  const key = `what-it-means:${starKey(target)}`;
  switch (target.part) {
    case 'ranking':
      if (!a.ranking || !b.ranking) return null;
      return { key, title: 'What matters most to each of us', entries: [{ seat: 0, text: a.ranking.join(' › ') }, { seat: 1, text: b.ranking.join(' › ') }] };
    case 'ratings': {
      if (!a.ratings || !b.ratings) return null;
      return { key, title: 'The foundations, today → wanted', entries: [{ seat: 0, text: ratingsLine(a.ratings) }, { seat: 1, text: ratingsLine(b.ratings) }] };
    }
    case 'sentence': {
      const entries = ([0, 1] as const).flatMap((seat) => {
        const s = state.entries[seat].sentences?.[target.index];
        return s ? [{ seat, text: `${STARTER_TEXT.get(s.starterId)?.replace(/…$/, '') ?? ''} ${s.text}` }] : [];
      });
      return entries.length ? { key, title: 'Sentences we finished', entries } : null;
    }
    case 'gap': {
      const found = biggestGaps(a, b)[target.index];
      return found ? { key, title: 'A question to talk about', entries: [{ seat: 0, text: found.prompt }] } : null;
    }
  }
}

function move(state: State, seat: SeatIndex, m: Move): MoveResult<State> {
  if (m.type === 'star') {
    if (!state.revealed) return refuse('WRONG_PHASE', 'You can star things once both answers are shown.');
    const memory = m.starred ? memoryFor(state, m.target) : null;
    if (m.starred && !memory) return refuse('BAD_REQUEST', 'There is nothing like that to star.');
    const key = starKey(m.target);
    const others = state.starred.filter((t) => starKey(t) !== key);
    return moved({ ...state, starred: m.starred ? [...others, m.target] : others }, memory ? [memory] : undefined);
  }
  if (m.type === 'leave') {
    if (!state.revealed) return refuse('WRONG_PHASE', 'You can leave together once both answers are shown.');
    const leaving = state.leaving ?? [false, false];
    if (leaving[seat] === m.ready) return m.ready ? refuse('ALREADY_READY') : refuse('NOT_POSSIBLE', 'You had not said you were ready to leave.');
    return moved({ ...state, leaving: withSeat(leaving, seat, m.ready) });
  }
  if (state.revealed) return refuse('WRONG_PHASE', 'Both answers are revealed: they can no longer change.');
  const entry = state.entries[seat];
  if (entry.done) return refuse('ALREADY_ANSWERED', 'You are done. Waiting for the other person.');
  let next: Entry;
  switch (m.type) {
    case 'rank':
      if (!isPermutationOfKinds(m.order)) return refuse('BAD_REQUEST', 'A ranking must hold each of the five kinds once.');
      next = { ...entry, ranking: [...m.order] };
      break;
    case 'rate':
      next = { ...entry, ratings: m.ratings };
      break;
    case 'sentences': {
      if (m.items.length !== SENTENCES) return refuse('BAD_REQUEST', `Finish ${SENTENCES} sentences.`);
      if (m.items.some((i) => !STARTER_TEXT.has(i.starterId))) return refuse('BAD_REQUEST', 'Unknown sentence starter.');
      if (new Set(m.items.map((i) => i.starterId)).size !== SENTENCES) return refuse('BAD_REQUEST', 'Choose three different sentences.');
      const items = m.items.map((i) => ({ starterId: i.starterId, text: i.text.trim() }));
      if (items.some((i) => i.text.length === 0)) return refuse('BAD_REQUEST', 'Finish each sentence, or choose another.');
      if (items.some((i) => i.text.length > SENTENCE_MAX)) return refuse('TOO_LONG', `Each sentence can be up to ${SENTENCE_MAX} characters.`);
      next = { ...entry, sentences: items };
      break;
    }
    case 'done':
      if (!entry.ranking || !entry.ratings || !entry.sentences) return refuse('NOT_POSSIBLE', 'Rank, rate and finish your sentences first.');
      next = { ...entry, done: true };
      break;
  }
  const entries = withSeat(state.entries, seat, next);
  return moved({ ...state, entries, revealed: entries[0].done && entries[1].done });
}

function view(state: State, seat: SeatIndex): View {
  const [a, b] = state.entries;
  return {
    mine: state.entries[seat],
    otherDone: state.entries[other(seat)].done,
    revealed: state.revealed,
    both: state.revealed ? [a, b] : null,
    gaps: state.revealed ? biggestGaps(a, b) : [],
    starred: state.revealed ? state.starred : [],
    leaving: state.leaving ?? [false, false],
  };
}

/** Until both are done, each answers privately (in turn on a shared device); then nothing is awaited. */
function awaiting(state: State): Awaiting {
  if (state.revealed) return { seats: [], private: false };
  return { seats: ([0, 1] as const).filter((s) => !state.entries[s].done), private: true };
}

export const whatItMeans: Activity<v.InferOutput<typeof optionsSchema>, State, Move, View, typeof info> = {
  info,
  optionsSchema,
  moveSchema,
  setup: (): State => ({ entries: [EMPTY, EMPTY], revealed: false, starred: [], leaving: [false, false] }),
  move: (state: State, seat: SeatIndex, m: Move) => move(state, seat, m),
  view,
  awaiting,
  finished: (state: State) => state.revealed,
  leftTogether: (state: State) => (state.leaving ?? [false, false]).every(Boolean),
};
