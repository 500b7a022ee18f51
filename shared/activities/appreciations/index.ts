// Appreciations: each privately writes one to three things they appreciate about the other. Nothing is
// shown until both have written; then they are read one at a time, taking turns, and the one each was
// written for answers it ("felt that", "tell me more", "keeping this") to bring the next. Either can ask
// for one to be read aloud, star any to Memories, and going back to the lobby is agreed.
// Sealed (docs/SECURITY.md): each appreciation arrives sealed by its writer's browser for its own slot,
// each answer sealed by the one who received it; the server keeps only structure — how many each wrote,
// who is done, the order they are read in, which are answered, starred or being read aloud. A card
// not shown yet leaves the server in no view, the writer's own list aside.
import * as v from 'valibot';
import { other, refuse, withSeat, type Audience, type SeatIndex } from '../../core.js';
import type { Rng } from '../../random.js';
import { sealedSchema, type Sealed } from '../../sealed/shape.js';
import { moved, starredEntriesSchema, starredMemory, type Activity, type Awaiting, type MoveResult } from '../types.js';
import { info } from './info.js';
import { ANSWER_BUCKET, ITEM_BUCKET, MAX_APPRECIATIONS } from './model.js';

/** What one person wrote, sealed, once they shared it (nothing is kept before: drafts stay on the device). */
export interface Writer {
  items: Sealed[];
  done: boolean;
}

/** One appreciation in the order they are read: who wrote it, its place in their list, and its answer. */
export interface Turn {
  from: SeatIndex;
  index: number;
  answer: Sealed | null;
}

export interface State {
  /** Names this game in every slot and memory key, so nothing of one game opens or is kept as another's. */
  game: string;
  audience: Audience;
  writers: [Writer, Writer];
  /** Empty until both have written; then every appreciation, taking turns between the two. */
  order: Turn[];
  /** The place in `order` being read aloud by its writer, if one is. */
  aloud: number | null;
  starred: number[];
  leaving: [boolean, boolean];
}

/** A shown appreciation: its place in the order, who wrote it, its sealed words and answer. */
export interface Card extends Turn {
  at: number;
  sealed: Sealed;
}

export interface View {
  /** Whose view this is: the seat `mine` was sealed by. */
  seat: SeatIndex;
  game: string;
  audience: Audience;
  mine: Writer;
  otherDone: boolean;
  /** How many there are to read altogether; 0 until both have written. */
  total: number;
  /** The ones shown so far, in order: every answered one and the one being read now. */
  cards: Card[];
  aloud: number | null;
  starred: number[];
  leaving: [boolean, boolean];
}

const NO_SUCH = 'There is no appreciation there.';
const At = v.pipe(v.number(NO_SUCH), v.integer(NO_SUCH), v.minValue(0, NO_SUCH), v.maxValue(2 * MAX_APPRECIATIONS - 1, NO_SUCH));
const YesOrNo = v.boolean('Say yes or no (true or false).');

export const moveSchema = v.variant('type', [
  /** What I wrote, one sealed value per appreciation: once shared, it is in and waits for the other's. */
  v.object({
    type: v.literal('share'),
    items: v.pipe(
      v.array(sealedSchema(ITEM_BUCKET), 'Appreciations come as a list of sealed values.'),
      v.minLength(1, 'Write at least one appreciation.'),
      v.maxLength(MAX_APPRECIATIONS, `Write at most ${MAX_APPRECIATIONS} appreciations.`),
    ),
  }),
  /** The receiver's answer to the one being read, sealed by them; it brings the next. */
  v.object({ type: v.literal('answer'), at: At, answer: sealedSchema(ANSWER_BUCKET) }),
  /** Ask (or stop asking) for the one being read now to be read aloud by its writer. */
  v.object({ type: v.literal('aloud'), at: At, on: YesOrNo }),
  /** A star carries what it keeps, sealed by the starring browser for memory:<key> (none to unstar). */
  v.object({ type: v.literal('star'), at: At, starred: YesOrNo, entries: v.optional(starredEntriesSchema, []) }),
  /** Ready (or, with false, no longer ready) to go back to the lobby once all are read. */
  v.object({ type: v.literal('leave'), ready: YesOrNo }),
], 'That is not something Appreciations knows how to do.');
export type Move = v.InferOutput<typeof moveSchema>;

export const optionsSchema = v.object({});

const NOBODY: Writer = { items: [], done: false };

function setup(_options: unknown, context: { audience: Audience }, rng: Rng): State {
  const game = Math.floor(rng.next() * 36 ** 8).toString(36).padStart(8, '0');
  return { game, audience: context.audience, writers: [NOBODY, NOBODY], order: [], aloud: null, starred: [], leaving: [false, false] };
}

/** Both lists, taking turns (who starts is drawn); once one runs out, the rest of the other's. */
export function takingTurns(counts: readonly [number, number], first: SeatIndex): Turn[] {
  const next = [0, 0];
  const order: Turn[] = [];
  let turn = first;
  while (next[0]! < counts[0] || next[1]! < counts[1]) {
    const from: SeatIndex = next[turn]! < counts[turn] ? turn : other(turn);
    order.push({ from, index: next[from]!++, answer: null });
    turn = other(from);
  }
  return order;
}

/** How many are shown: every answered one and the next; all once all are answered. */
export function shownCount(state: State): number {
  const answered = state.order.findIndex((t) => t.answer === null);
  return answered === -1 ? state.order.length : answered + 1;
}

/** The place of the one being read now, or null (before the reveal, or when all are answered). */
export function current(state: State): number | null {
  const at = state.order.findIndex((t) => t.answer === null);
  return at === -1 ? null : at;
}

export const revealed = (state: State) => state.order.length > 0;
export const allRead = (state: State) => revealed(state) && current(state) === null;

/** The memory a star makes: its key (one per appreciation and game), and a title that is nobody's words. */
export function starMemory(game: string, turn: Pick<Turn, 'from' | 'index'>): { key: string; title: string } {
  return { key: `appreciations:${game}:${turn.from}-${turn.index}`, title: 'An appreciation' };
}

function move(state: State, seat: SeatIndex, m: Move, rng: Rng): MoveResult<State> {
  switch (m.type) {
    case 'share': {
      if (revealed(state)) return refuse('WRONG_PHASE', 'The appreciations are being read: they can no longer change.');
      if (state.writers[seat].done) return refuse('ALREADY_ANSWERED', 'Yours are in. Waiting for the other person.');
      const writers = withSeat(state.writers, seat, { items: m.items, done: true });
      if (!writers[0].done || !writers[1].done) return moved({ ...state, writers });
      const first: SeatIndex = rng.next() < 0.5 ? 0 : 1;
      return moved({ ...state, writers, order: takingTurns([writers[0].items.length, writers[1].items.length], first) });
    }
    case 'answer': {
      if (!revealed(state)) return refuse('WRONG_PHASE', 'Nothing is shown until you have both written.');
      const now = current(state);
      if (now === null || m.at < now) return refuse('ALREADY_ANSWERED', 'That one has already been answered.');
      if (m.at > now) return refuse('WRONG_PHASE', 'That one is not shown yet.');
      const turn = state.order[now]!;
      if (seat === turn.from) return refuse('NOT_YOUR_TURN', 'Only the person it was written for answers it.');
      const order = state.order.map((t, i) => (i === now ? { ...t, answer: m.answer } : t));
      return moved({ ...state, order, aloud: null });
    }
    case 'aloud': {
      if (!revealed(state)) return refuse('WRONG_PHASE', 'Nothing is shown until you have both written.');
      if (m.at !== current(state)) return refuse('WRONG_PHASE', 'Only the one being read now can be read aloud.');
      if ((state.aloud === m.at) === m.on) return refuse('NOT_POSSIBLE', m.on ? 'It is already being read aloud.' : 'It was not being read aloud.');
      return moved({ ...state, aloud: m.on ? m.at : null });
    }
    case 'star': {
      if (!revealed(state)) return refuse('WRONG_PHASE', 'You can keep appreciations once they are shown.');
      const turn = state.order[m.at];
      if (!turn || m.at >= shownCount(state)) return refuse('BAD_REQUEST', 'There is nothing like that to star.');
      // What a star keeps is the writer's words first: without them there is nothing to keep.
      if (m.starred && !m.entries.some((e) => e.seat === turn.from)) return refuse('BAD_REQUEST', 'There is nothing like that to star.');
      const others = state.starred.filter((at) => at !== m.at);
      const { key, title } = starMemory(state.game, turn);
      // The other's entry is their answer, one of three reactions: Memories show it as a reaction, not as words they wrote.
      const memory = starredMemory(key, title, m.entries);
      memory.entries = memory.entries.map((e) => (e.seat === other(turn.from) ? { ...e, reaction: true } : e));
      return moved({ ...state, starred: m.starred ? [...others, m.at] : others }, m.starred ? [memory] : undefined);
    }
    case 'leave': {
      if (!allRead(state)) return refuse('WRONG_PHASE', 'You can go back together once every appreciation has been read.');
      if (state.leaving[seat] === m.ready) return m.ready ? refuse('ALREADY_READY') : refuse('NOT_POSSIBLE', 'You had not said you were ready to go back.');
      return moved({ ...state, leaving: withSeat(state.leaving, seat, m.ready) });
    }
  }
}

function view(state: State, seat: SeatIndex): View {
  const shown = shownCount(state);
  const cards = state.order.slice(0, shown).map((t, at) => ({ ...t, at, sealed: state.writers[t.from].items[t.index]! }));
  return {
    seat,
    game: state.game,
    audience: state.audience,
    mine: state.writers[seat],
    otherDone: state.writers[other(seat)].done,
    total: state.order.length,
    cards,
    aloud: state.aloud,
    starred: state.starred,
    leaving: state.leaving,
  };
}

/**
 * While writing, each in private (in turn on a shared device); while reading, the one the shown
 * appreciation was written for, with both looking; nobody once all are read.
 */
function awaiting(state: State): Awaiting {
  if (!revealed(state)) return { seats: ([0, 1] as const).filter((s) => !state.writers[s].done), private: true };
  const now = current(state);
  return now === null ? { seats: [], private: false } : { seats: [other(state.order[now]!.from)], private: false };
}

export const appreciations: Activity<v.InferOutput<typeof optionsSchema>, State, Move, View, typeof info> = {
  info,
  optionsSchema,
  moveSchema,
  setup,
  move: (state, seat, m, ctx) => move(state, seat, m, ctx.rng),
  view,
  awaiting,
  finished: allRead,
  leftTogether: (state) => state.leaving.every(Boolean),
};
