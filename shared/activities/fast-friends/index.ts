// Fast friends: a session with an arc. Three sets of questions, each opening up a little more, about 15
// minutes a set; for each question one answers first (taking turns, question by question), then the
// other. They talk — on a call or side by side — and each may type a few words, which the other sees once
// both are done with that question. Either may pass their turn without a reason. Moving on is agreed:
// to the next question, or to the next set early; after the last set, a guided closing minute.
// Sealed (docs/SECURITY.md): the words arrive sealed by their writer's browser (always, even when empty,
// so nothing shows whether anything was typed); the core keeps only whose turn it is, who is done or
// passed, who wants to go on, and stars. A question's words are dropped from the state once it is left:
// what is kept is only what a star hands to Memories.
import * as v from 'valibot';
import { other, refuse, withSeat, type SeatIndex } from '../../core.js';
import { questionsOf, SET_COUNT, type FastFriendsQuestion } from '../../content/fast-friends.js';
import type { Rng } from '../../random.js';
import { sealedSchema, type Sealed } from '../../sealed/shape.js';
import { moved, starredEntriesSchema, starredMemory, type Activity, type Awaiting, type MoveResult } from '../types.js';
import { info } from './info.js';
import { GOING, keepsPlace, memoryKey, questionText, WORDS_BUCKET, type Going, type Phase } from './model.js';

/** One person's turn on a question: answered (with sealed words, maybe empty) or passed. */
export type Turn = { passed: false; words: Sealed } | { passed: true; words: null };

export interface Question {
  /** Its place in the session (0, 1, 2, … across the sets): names its slots and who answers first. */
  at: number;
  set: number;
  index: number;
  first: SeatIndex;
  turns: [Turn | null, Turn | null];
  starred: boolean;
}

export interface State {
  /** Names this game in every slot and memory key, so nothing of one game opens as another's. */
  game: string;
  /** Who answers first on the first question (drawn); after that it alternates. */
  starter: SeatIndex;
  phase: Phase;
  /** The question on the table, while the sets run. */
  current: Question | null;
  /** How many questions have been put on the table so far. */
  asked: number;
  /** The questions starred so far (by place in the content), for the ending. */
  starred: { set: number; index: number }[];
  /** When each set began (ms), for the gentle sense of time; null until it does. */
  setStartedAt: (number | null)[];
  /** Where each wants to go on to (intro: to begin; after a question: next question or next set). */
  going: [Going | null, Going | null];
  /** Done with the closing minute (watched or skipped). */
  closed: [boolean, boolean];
  leaving: [boolean, boolean];
}

/** One person's turn as a seat's view shows it: the other's words and whether they passed only once both are done. */
export interface TurnView {
  done: boolean;
  /** Null while it is not shown yet (the other's, before both are done). */
  passed: boolean | null;
  words: Sealed | null;
}

export interface QuestionView {
  at: number;
  id: string;
  set: number;
  index: number;
  /** The question as written, `{them}` standing for the other person (model.ts: questionText). */
  text: string;
  first: SeatIndex;
  /** Whose turn it is, or null once both are done. */
  turn: SeatIndex | null;
  turns: [TurnView, TurnView];
  starred: boolean;
  /** The last question of its set: going on to the next question is going on to the next set. */
  lastInSet: boolean;
}

export interface View {
  seat: SeatIndex;
  game: string;
  phase: Phase;
  sets: number;
  /** The set being played (the last one once the sets are over). */
  set: number;
  setSize: number;
  setStartedAt: number | null;
  question: QuestionView | null;
  going: [Going | null, Going | null];
  /** The starred questions' texts (with `{them}` as written), for the ending. */
  starred: string[];
  closed: [boolean, boolean];
  leaving: [boolean, boolean];
}

const YesOrNo = v.boolean('Say yes or no (true or false).');
const At = v.pipe(v.number('Say which question.'), v.integer('Say which question.'), v.minValue(0, 'Say which question.'));

export const moveSchema = v.variant('type', [
  /** My turn is done: what I said aloud stays between us; the few words I typed (maybe none) come sealed. */
  v.object({ type: v.literal('answer'), at: At, words: sealedSchema(WORDS_BUCKET, 'The words come sealed (empty words too).') }),
  /** I pass my turn on this question; no reason asked. */
  v.object({ type: v.literal('pass'), at: At }),
  /** Ready (or, with false, no longer) to go on: to begin, to the next question, or to the next set. */
  v.object({ type: v.literal('next'), to: v.picklist(GOING, 'Go on to the next question or the next set.'), ready: YesOrNo }),
  /** A star carries what it keeps, sealed by the starring browser for memory:<key> (none to unstar). */
  v.object({ type: v.literal('star'), at: At, starred: YesOrNo, entries: v.optional(starredEntriesSchema, []) }),
  /** Done (or, with false, not yet) with the closing minute. */
  v.object({ type: v.literal('closed'), ready: YesOrNo }),
  /** Ready (or, with false, no longer) to go back to the lobby at the end. */
  v.object({ type: v.literal('leave'), ready: YesOrNo }),
], 'That is not something Fast friends knows how to do.');
export type Move = v.InferOutput<typeof moveSchema>;

export const optionsSchema = v.object({});

function setup(_options: unknown, _context: unknown, rng: Rng): State {
  const game = Math.floor(rng.next() * 36 ** 8).toString(36).padStart(8, '0');
  const starter: SeatIndex = rng.next() < 0.5 ? 0 : 1;
  return {
    game,
    starter,
    phase: 'intro',
    current: null,
    asked: 0,
    starred: [],
    setStartedAt: Array.from({ length: SET_COUNT }, () => null),
    going: [null, null],
    closed: [false, false],
    leaving: [false, false],
  };
}

/** Who answers first on the question at this place: the starter, then the other, and so on. */
export function firstAt(starter: SeatIndex, at: number): SeatIndex {
  return at % 2 === 0 ? starter : other(starter);
}

/** Whose turn it is on a question: the first, then the other; null once both are done. */
export function turnOf(q: Question): SeatIndex | null {
  if (q.turns[q.first] === null) return q.first;
  const second = other(q.first);
  return q.turns[second] === null ? second : null;
}

export const bothDone = (q: Question) => turnOf(q) === null;

/** Where going on leads from here: a question (set, index), or the closing minute. */
type Destination = { set: number; index: number } | 'closing';

function destination(state: State, to: Going): Destination {
  const q = state.current;
  if (state.phase === 'intro' || !q) return { set: 0, index: 0 };
  if (to === 'question' && q.index + 1 < questionsOf(q.set).length) return { set: q.set, index: q.index + 1 };
  return q.set + 1 < SET_COUNT ? { set: q.set + 1, index: 0 } : 'closing';
}

const sameDestination = (a: Destination, b: Destination) =>
  a === 'closing' || b === 'closing' ? a === b : a.set === b.set && a.index === b.index;

/** Goes on to where both agreed: the question's words are dropped here (a star kept what it keeps). */
function goOn(state: State, to: Destination, now: number): State {
  const left = state.current;
  const starred = left?.starred ? [...state.starred, { set: left.set, index: left.index }] : state.starred;
  const base: State = { ...state, starred, going: [null, null] };
  if (to === 'closing') return { ...base, phase: 'closing', current: null };
  const at = state.asked;
  const setStartedAt = state.setStartedAt.map((t, set) => (set === to.set ? (t ?? now) : t));
  const current: Question = { at, set: to.set, index: to.index, first: firstAt(state.starter, at), turns: [null, null], starred: false };
  return { ...base, phase: 'questions', current, asked: at + 1, setStartedAt };
}

function onTable(state: State, at: number): Question | null {
  return state.phase === 'questions' && state.current?.at === at ? state.current : null;
}

function takeTurn(state: State, seat: SeatIndex, at: number, turn: Turn): MoveResult<State> {
  const q = onTable(state, at);
  if (!q) return refuse('NOT_FOUND', 'That question has been left behind: you have both moved on.');
  if (q.turns[seat] !== null) return refuse('ALREADY_ANSWERED', 'Your turn on this question is done.');
  if (turnOf(q) !== seat) return refuse('NOT_YOUR_TURN', 'The other person answers this one first.');
  return moved({ ...state, current: { ...q, turns: withSeat(q.turns, seat, turn) } });
}

/** The memory a star makes: one per question and game, titled by the question (nobody's words). */
export function starMemory(game: string, q: Pick<Question, 'at' | 'set' | 'index'>): { key: string; title: string } {
  return { key: memoryKey(game, q.at), title: questionText(questionsOf(q.set)[q.index]!.text, null) };
}

function move(state: State, seat: SeatIndex, m: Move, now: number): MoveResult<State> {
  switch (m.type) {
    case 'answer':
      return takeTurn(state, seat, m.at, { passed: false, words: m.words });
    case 'pass':
      return takeTurn(state, seat, m.at, { passed: true, words: null });
    case 'next': {
      const q = state.current;
      const between = state.phase === 'intro' || (state.phase === 'questions' && q !== null && bothDone(q));
      if (!between) return refuse('WRONG_PHASE', state.phase === 'questions' ? 'Finish this question first: answer or pass.' : 'There is nothing to go on to now.');
      if (!m.ready) {
        if (state.going[seat] === null) return refuse('NOT_POSSIBLE', 'You had not said you were ready to go on.');
        return moved({ ...state, going: withSeat(state.going, seat, null) });
      }
      // Once both chose, differently, either goes along with the other's in one tap: it replaces only
      // their own choice, never the other's. Otherwise a choice stands until it is taken back.
      const goesAlong = state.going[other(seat)] === m.to;
      if (state.going[seat] !== null && !goesAlong) return refuse('ALREADY_READY', 'You are ready to go on. Take it back first to choose another way.');
      const going = withSeat(state.going, seat, m.to);
      const theirs = going[other(seat)];
      if (theirs === null || !sameDestination(destination(state, m.to), destination(state, theirs))) return moved({ ...state, going });
      return moved(goOn(state, destination(state, m.to), now));
    }
    case 'star': {
      const q = onTable(state, m.at);
      if (!q || !bothDone(q)) return refuse('WRONG_PHASE', 'You can keep a question once you have both answered it.');
      if (m.entries.some((e) => q.turns[e.seat]?.passed !== false)) return refuse('BAD_REQUEST', 'Only words someone gave on this question can be kept.');
      if (q.starred === m.starred) return refuse('NOT_POSSIBLE', m.starred ? 'This question is already in Memories.' : 'This question was not starred.');
      const { key, title } = starMemory(state.game, q);
      return moved({ ...state, current: { ...q, starred: m.starred } }, m.starred ? [starredMemory(key, title, m.entries)] : undefined);
    }
    case 'closed': {
      if (state.phase !== 'closing') return refuse('WRONG_PHASE', 'The closing minute comes after the last set.');
      if (state.closed[seat] === m.ready) return m.ready ? refuse('ALREADY_READY') : refuse('NOT_POSSIBLE', 'You had not said you were done.');
      const closed = withSeat(state.closed, seat, m.ready);
      return moved({ ...state, closed, phase: closed[0] && closed[1] ? 'done' : 'closing' });
    }
    case 'leave': {
      if (state.phase !== 'done') return refuse('WRONG_PHASE', 'You can go back together once the session is over.');
      if (state.leaving[seat] === m.ready) return m.ready ? refuse('ALREADY_READY') : refuse('NOT_POSSIBLE', 'You had not said you were ready to go back.');
      return moved({ ...state, leaving: withSeat(state.leaving, seat, m.ready) });
    }
  }
}

function questionOf(q: Question): FastFriendsQuestion {
  return questionsOf(q.set)[q.index]!;
}

function turnView(q: Question, owner: SeatIndex, viewer: SeatIndex): TurnView {
  const turn = q.turns[owner];
  if (turn === null) return { done: false, passed: null, words: null };
  return owner === viewer || bothDone(q) ? { done: true, passed: turn.passed, words: turn.words } : { done: true, passed: null, words: null };
}

function view(state: State, seat: SeatIndex): View {
  const q = state.current;
  const set = q?.set ?? (state.phase === 'intro' ? 0 : SET_COUNT - 1);
  const question: QuestionView | null = q && {
    at: q.at,
    id: questionOf(q).id,
    set: q.set,
    index: q.index,
    text: questionOf(q).text,
    first: q.first,
    turn: turnOf(q),
    turns: [turnView(q, 0, seat), turnView(q, 1, seat)],
    starred: q.starred,
    lastInSet: q.index === questionsOf(q.set).length - 1,
  };
  return {
    seat,
    game: state.game,
    phase: state.phase,
    sets: SET_COUNT,
    set,
    setSize: questionsOf(set).length,
    setStartedAt: state.setStartedAt[set] ?? null,
    question,
    going: state.going,
    starred: state.starred.map((s) => questionsOf(s.set)[s.index]!.text),
    closed: state.closed,
    leaving: state.leaving,
  };
}

/**
 * Before the first set, both (to begin); during a question, whoever's turn it is, in private (their
 * words are hidden until both are done: on a shared device each takes the device in turn); between
 * questions, whoever has not said where to go on to (both, when they chose different ways); in the closing minute, whoever is not done.
 */
function awaiting(state: State): Awaiting {
  const q = state.current;
  // Both chose, differently (the same choice would have moved them on): either may go along with the other's.
  const chosen = ([0, 1] as const).filter((s) => state.going[s] === null);
  const undecided = chosen.length > 0 ? chosen : ([0, 1] as SeatIndex[]);
  switch (state.phase) {
    case 'intro':
      return { seats: undecided, private: false };
    case 'questions': {
      const turn = q ? turnOf(q) : null;
      return turn !== null ? { seats: [turn], private: true } : { seats: undecided, private: false };
    }
    case 'closing':
      return { seats: ([0, 1] as const).filter((s) => !state.closed[s]), private: false };
    case 'done':
      return { seats: [], private: false };
  }
}

/** One line for the lobby about a session ended mid-way: "Set 2, question 4", or the closing minute. */
export function summary(state: State): string {
  const q = state.current;
  return q ? `Set ${q.set + 1}, question ${q.index + 1}` : 'the closing minute';
}

export const fastFriends: Activity<v.InferOutput<typeof optionsSchema>, State, Move, View, typeof info> = {
  info,
  optionsSchema,
  moveSchema,
  setup,
  move: (state, seat, m, ctx) => move(state, seat, m, ctx.now),
  view,
  awaiting,
  finished: (state) => state.phase === 'done',
  asksAfterAtFinish: true,
  // Ended mid-way, it waits in the lobby and is picked up at the same question (or the closing minute).
  keep: (state) => keepsPlace(state.phase),
  summary,
  leftTogether: (state) => state.leaving.every(Boolean),
};
