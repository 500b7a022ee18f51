// "What intimacy means to me": each privately ranks the five kinds of intimacy, rates the seven
// foundations twice (today, and how much I want it) and finishes one to three sentences. Nothing is shown
// until both are done; then both answers side by side, with the biggest gaps turned into questions.
// Sealed (docs/SECURITY.md): each part arrives sealed by its writer's browser, one slot per part, and the
// server keeps only structure — which parts each seat gave, who is done, the reveal, the stars' targets
// and who is ready to leave. What follows from content (the gaps, what a star keeps) is computed in the
// browser after the reveal (answers.ts, open.ts). Leaving the reveal is agreed, so nobody is pulled away.
import * as v from 'valibot';
import { other, refuse, withSeat, type SeatIndex } from '../../core.js';
import { sealedSchema, type Bucket, type Sealed } from '../../sealed/shape.js';
import { moved, starredEntriesSchema, starredMemory, type Activity, type Awaiting, type MoveResult } from '../types.js';
import { GAPS_SHOWN, SENTENCES } from './answers.js';
import { info } from './info.js';

/** The parts one person gives, each sealed for its own slot (the slot is the part's name). */
export const PARTS = ['ranking', 'ratings', 'sentences'] as const;
export type Part = (typeof PARTS)[number];

/**
 * Each part's largest bucket: a ranking's five kinds always seal into 256 bytes, the ratings' fourteen
 * numbers into 64, and three sentences of up to 500 characters (JSON-escaped, in UTF-8) into 16,384.
 */
export const PART_BUCKET: Record<Part, Bucket> = { ranking: 256, ratings: 64, sentences: 16384 };

/** One person's answers as the server holds them: each part sealed, or null until given. */
export interface Entry {
  ranking: Sealed | null;
  ratings: Sealed | null;
  sentences: Sealed | null;
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

export interface View {
  /** Whose view this is: the seat `mine` was sealed by. */
  seat: SeatIndex;
  mine: Entry;
  otherDone: boolean;
  revealed: boolean;
  /** Both entries, only once both are done: the partner's sealed parts never arrive before. */
  both: [Entry, Entry] | null;
  starred: StarTarget[];
  /** Who is ready to leave the reveal; once both are, the screen goes back to the lobby. */
  leaving: [boolean, boolean];
}

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
  v.object({ type: v.literal('rank'), ranking: sealedSchema(PART_BUCKET.ranking) }),
  v.object({ type: v.literal('rate'), ratings: sealedSchema(PART_BUCKET.ratings) }),
  v.object({ type: v.literal('sentences'), sentences: sealedSchema(PART_BUCKET.sentences) }),
  v.object({ type: v.literal('done') }),
  /** A star carries what it keeps, sealed by the starring browser for memory:<key> (none to unstar). */
  v.object({ type: v.literal('star'), target: StarTargetSchema, starred: v.boolean(), entries: v.optional(starredEntriesSchema, []) }),
  /** Ready (or, with false, no longer ready) to leave the reveal. */
  v.object({ type: v.literal('leave'), ready: v.boolean() }),
]);
export type Move = v.InferOutput<typeof moveSchema>;

export const optionsSchema = v.object({});

const EMPTY: Entry = { ranking: null, ratings: null, sentences: null, done: false };
const fresh = (): State => ({ entries: [EMPTY, EMPTY], revealed: false, starred: [], leaving: [false, false] });

/** One key per star target: it names the memory, so starring twice keeps one. */
export function starKey(target: StarTarget): string {
  return 'index' in target ? `${target.part}:${target.index}` : target.part;
}

/** The memory a star target makes: its key, and a title that is nobody's words. */
export function starMemory(target: StarTarget): { key: string; title: string } {
  const key = `what-it-means:${starKey(target)}`;
  const titles: Record<StarTarget['part'], string> = {
    ranking: 'What matters most to each of us',
    ratings: 'The foundations, today → wanted',
    sentence: 'Sentences we finished',
    gap: 'A question to talk about',
  };
  return { key, title: titles[target.part] };
}

/** Whether a target names something the reveal shows: the gaps are counted in the browser, so up to GAPS_SHOWN. */
function starrable(target: StarTarget): boolean {
  if (target.part === 'sentence') return target.index < SENTENCES;
  if (target.part === 'gap') return target.index < GAPS_SHOWN;
  return true;
}

/**
 * A state stored before this activity sealed its answers held them in the clear: it cannot be shown as
 * sealed, so it starts again from empty (both answer anew) rather than be read as sealed values.
 */
function sealedOnly(state: State): State {
  const plain = state.entries.some((e) => PARTS.some((p) => e[p] !== null && typeof e[p] !== 'string'));
  return plain ? fresh() : state;
}

function move(state: State, seat: SeatIndex, m: Move): MoveResult<State> {
  if (m.type === 'star') {
    if (!state.revealed) return refuse('WRONG_PHASE', 'You can star things once both answers are shown.');
    if (!starrable(m.target)) return refuse('BAD_REQUEST', 'There is nothing like that to star.');
    if (m.starred && m.entries.length === 0) return refuse('BAD_REQUEST', 'There is nothing like that to star.');
    const key = starKey(m.target);
    const others = state.starred.filter((t) => starKey(t) !== key);
    const { key: memoryKey, title } = starMemory(m.target);
    const memory = starredMemory(memoryKey, title, m.entries);
    // A gap's question is for both of them, kept once: Memories show it without a name.
    if (m.target.part === 'gap') memory.entries = memory.entries.map((e) => ({ ...e, forBoth: true }));
    return moved({ ...state, starred: m.starred ? [...others, m.target] : others }, m.starred ? [memory] : undefined);
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
      next = { ...entry, ranking: m.ranking };
      break;
    case 'rate':
      next = { ...entry, ratings: m.ratings };
      break;
    case 'sentences':
      next = { ...entry, sentences: m.sentences };
      break;
    case 'done':
      if (!entry.ranking || !entry.ratings || !entry.sentences) return refuse('NOT_POSSIBLE', 'Rank, rate and finish your sentences first.');
      next = { ...entry, done: true };
      break;
  }
  const entries = withSeat(state.entries, seat, next);
  return moved({ ...state, entries, revealed: entries[0].done && entries[1].done });
}

function view(state: State, seat: SeatIndex): View {
  return {
    seat,
    mine: state.entries[seat],
    otherDone: state.entries[other(seat)].done,
    revealed: state.revealed,
    both: state.revealed ? state.entries : null,
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
  setup: fresh,
  move: (state: State, seat: SeatIndex, m: Move) => move(sealedOnly(state), seat, m),
  view: (state: State, seat: SeatIndex) => view(sealedOnly(state), seat),
  awaiting: (state: State) => awaiting(sealedOnly(state)),
  finished: (state: State) => sealedOnly(state).revealed,
  leftTogether: (state: State) => (sealedOnly(state).leaving ?? [false, false]).every(Boolean),
};
