// Plan something together: each privately brings ideas, they are revealed together (the browsers mark
// ideas both brought), both vote until they agree on one, then they build its plan live. When the project
// is finished (both agree it is: one tap never moves the other's screen), each writes a line of
// appreciation that goes to Memories. Everything written or picked is sealed in the browsers (slots in
// editing.ts); this core keeps the structure: phases, idea ids and who brought them, votes, step ids,
// order, versions, done flags, and who last wrote each value.
import * as v from 'valibot';
import { refuse, withSeat, type SeatIndex } from '../../core.js';
import { sealedSchema, type Bucket, type Sealed } from '../../sealed/shape.js';
import { moved, type Activity, type Awaiting, type MoveResult } from '../types.js';
import { editPlan, emptyPlan, SLOTS, type Plan, type PlanEdit } from './editing.js';
import { info } from './info.js';

export const IDEAS_PER_PERSON = 5;
export const VOTES_PER_PERSON = 2;
/** Ideas on the table at most, counting those added while choosing. */
export const POOL_MAX = 50;
/** A line of up to 200 characters (600 bytes of UTF-8), or an idea as JSON, seals into this bucket. */
export const TEXT_BUCKET: Bucket = 1024;
/** A date, or who does a step. */
export const SMALL_BUCKET: Bucket = 64;
/** The state's format: one without it was written before values were sealed, and starts again (current). */
const FORMAT = 2;

export interface Options {
  /** Reopen the plan this room kept, instead of starting again. */
  resume: boolean;
}

/** An idea as its author sealed it for SLOTS.idea(id): `{"text": …, "deck"?: <deck idea id>}`. */
export interface Draft {
  id: string;
  sealed: Sealed;
}

export interface PoolIdea extends Draft {
  /** Who brought it (the browsers list an idea both brought once, with both names). */
  by: SeatIndex;
  /** Added while choosing: it is not matched with the other's ideas. */
  late?: true;
}

export interface State {
  format: typeof FORMAT;
  phase: 'ideas' | 'choose' | 'plan' | 'finished';
  drafts: [Draft[], Draft[]];
  ready: [boolean, boolean];
  pool: PoolIdea[];
  votes: [string[], string[]];
  voteLimit: number;
  /** After a tie: the ideas both voted for, to pick one of. */
  shortlist: string[] | null;
  /** After a round of votes: 'none' when no idea had both votes, 'tie' when several did. */
  outcome: 'none' | 'tie' | null;
  plan: Plan | null;
  /** Who is ready to mark the plan finished; it is finished once both are. */
  finishing: [boolean, boolean];
  /** Each one's thanks, sealed for SLOTS.thanks. */
  appreciations: [Sealed | null, Sealed | null];
}

/** Ids are made by the browser that adds the thing, since its values are sealed for slots named by them. */
const NewId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{6,24}$/, 'An id is 6 to 24 letters, digits, - or _.'));
const Id = v.pipe(v.string(), v.maxLength(40));
const Text = sealedSchema(TEXT_BUCKET);
const Small = sealedSchema(SMALL_BUCKET);

export const moveSchema = v.variant('type', [
  v.object({ type: v.literal('add-idea'), ideaId: NewId, idea: Text }),
  v.object({ type: v.literal('remove-idea'), ideaId: Id }),
  v.object({ type: v.literal('ideas-done') }),
  v.object({ type: v.literal('vote'), ideaId: Id, on: v.boolean() }),
  v.object({ type: v.literal('votes-done') }),
  v.object({ type: v.literal('set-title'), text: Text }),
  v.object({ type: v.literal('set-why'), text: Text }),
  v.object({ type: v.literal('add-step'), stepId: NewId, text: Text, owner: Small, date: Small }),
  v.object({
    type: v.literal('edit-step'),
    stepId: Id,
    rev: v.pipe(v.number(), v.integer()),
    text: v.optional(Text),
    owner: v.optional(Small),
    date: v.optional(Small),
  }),
  v.object({ type: v.literal('move-step'), stepId: Id, before: v.nullable(Id) }),
  v.object({ type: v.literal('check-step'), stepId: Id, done: v.boolean() }),
  v.object({ type: v.literal('delete-step'), stepId: Id }),
  v.object({ type: v.literal('set-target'), date: Small }),
  v.object({ type: v.literal('add-need'), needId: NewId, text: Text }),
  v.object({ type: v.literal('check-need'), needId: Id, got: v.boolean() }),
  v.object({ type: v.literal('delete-need'), needId: Id }),
  /** Ready (or, with false, no longer ready) to mark the project finished. */
  v.object({ type: v.literal('finish'), ready: v.optional(v.boolean(), true) }),
  v.object({ type: v.literal('appreciate'), text: Text }),
]);
export type Move = v.InferOutput<typeof moveSchema>;

export const optionsSchema = v.object({ resume: v.optional(v.boolean(), false) });

export interface View {
  /** Whose view this is: the seat my drafts and votes are sealed as. */
  seat: SeatIndex;
  phase: State['phase'];
  /** Ideas phase: my drafts, and only whether the other is done. */
  mine: Draft[];
  ready: [boolean, boolean];
  /** Every idea once both are done (while choosing). */
  pool: PoolIdea[];
  shortlist: string[] | null;
  /** My votes only: the other's stay hidden until both are done. */
  myVotes: string[];
  voteLimit: number;
  outcome: State['outcome'];
  plan: Plan | null;
  /** Who is ready to mark the plan finished. */
  finishing: [boolean, boolean];
  /** Mine always; the other's once both wrote theirs. */
  appreciations: [Sealed | null, Sealed | null];
}

function setup(options: Options): State {
  void options;
  return {
    format: FORMAT,
    phase: 'ideas',
    drafts: [[], []],
    ready: [false, false],
    pool: [],
    votes: [[], []],
    voteLimit: VOTES_PER_PERSON,
    shortlist: null,
    outcome: null,
    plan: null,
    finishing: [false, false],
    appreciations: [null, null],
  };
}

/**
 * The state as the rules read it. One stored before values were sealed holds them in the clear, which no
 * browser can open and this core must not keep: it starts again, empty, and its words go with the next move.
 */
export function current(state: State): State {
  return state?.format === FORMAT ? state : setup({ resume: false });
}

function countVotes(state: State): MoveResult<State> {
  const [a, b] = state.votes;
  const common = a.filter((id) => b.includes(id));
  const fresh = { ...state, ready: [false, false] as [boolean, boolean] };
  if (common.length === 0) return moved({ ...fresh, outcome: 'none' });
  if (common.length > 1) return moved({ ...fresh, outcome: 'tie', voteLimit: 1, votes: [[], []], shortlist: common });
  const chosen = state.pool.find((p) => p.id === common[0])!;
  const plan = emptyPlan({ id: chosen.id, seat: chosen.by, sealed: chosen.sealed });
  return moved({ ...fresh, phase: 'plan', outcome: null, shortlist: null, pool: [], votes: [[], []], plan });
}

function move(stored: State, seat: SeatIndex, m: Move): MoveResult<State> {
  const state = current(stored);
  const set = <T>(pair: [T, T], value: T): [T, T] => withSeat(pair, seat, value);
  const known = (id: string) => state.pool.some((p) => p.id === id) || state.drafts.some((d) => d.some((x) => x.id === id));
  switch (m.type) {
    case 'add-idea': {
      // Whether it was written or picked from the deck, and which deck idea, is sealed: the browser checks both.
      if (known(m.ideaId)) return refuse('NOT_POSSIBLE', 'That idea is on the list already.');
      if (state.phase === 'choose') {
        if (state.pool.length >= POOL_MAX) return refuse('NOT_POSSIBLE', `Up to ${POOL_MAX} ideas in all.`);
        const idea: PoolIdea = { id: m.ideaId, sealed: m.idea, by: seat, late: true };
        return moved({ ...state, pool: [...state.pool, idea] });
      }
      if (state.phase !== 'ideas') return refuse('WRONG_PHASE');
      if (state.ready[seat]) return refuse('WRONG_PHASE', 'Your ideas are in already.');
      const mine = state.drafts[seat];
      if (mine.length >= IDEAS_PER_PERSON) return refuse('NOT_POSSIBLE', `Up to ${IDEAS_PER_PERSON} ideas each.`);
      return moved({ ...state, drafts: set(state.drafts, [...mine, { id: m.ideaId, sealed: m.idea }]) });
    }
    case 'remove-idea': {
      if (state.phase !== 'ideas' || state.ready[seat]) return refuse('WRONG_PHASE');
      if (!state.drafts[seat].some((d) => d.id === m.ideaId)) return refuse('NOT_FOUND');
      return moved({ ...state, drafts: set(state.drafts, state.drafts[seat].filter((d) => d.id !== m.ideaId)) });
    }
    case 'ideas-done': {
      if (state.phase !== 'ideas') return refuse('WRONG_PHASE');
      if (state.ready[seat]) return refuse('ALREADY_READY');
      if (state.drafts[seat].length === 0) return refuse('NOT_POSSIBLE', 'Bring at least one idea.');
      const ready = set(state.ready, true);
      if (!ready[0] || !ready[1]) return moved({ ...state, ready });
      const pool = ([0, 1] as const).flatMap((by) => state.drafts[by].map((d): PoolIdea => ({ ...d, by })));
      return moved({ ...state, ready: [false, false], phase: 'choose', pool, drafts: [[], []] });
    }
    case 'vote': {
      if (state.phase !== 'choose' || state.ready[seat]) return refuse('WRONG_PHASE');
      const onList = state.pool.some((p) => p.id === m.ideaId) && (state.shortlist === null || state.shortlist.includes(m.ideaId));
      if (!onList) return refuse('NOT_FOUND', 'That idea is not on the list.');
      const mine = state.votes[seat].filter((id) => id !== m.ideaId);
      if (m.on && mine.length >= state.voteLimit) {
        return refuse('NOT_POSSIBLE', state.voteLimit === 1 ? 'Pick just one this time.' : `Up to ${state.voteLimit} votes each.`);
      }
      return moved({ ...state, votes: set(state.votes, m.on ? [...mine, m.ideaId] : mine) });
    }
    case 'votes-done': {
      if (state.phase !== 'choose') return refuse('WRONG_PHASE');
      if (state.ready[seat]) return refuse('ALREADY_READY');
      if (state.votes[seat].length === 0) return refuse('NOT_POSSIBLE', 'Vote for at least one idea.');
      const ready = set(state.ready, true);
      if (!ready[0] || !ready[1]) return moved({ ...state, ready, outcome: null });
      return countVotes({ ...state, ready });
    }
    case 'finish': {
      if (state.phase !== 'plan') return refuse('WRONG_PHASE');
      if (state.finishing[seat] === m.ready) return m.ready ? refuse('ALREADY_READY') : refuse('NOT_POSSIBLE', 'You had not said it was finished.');
      const next = set(state.finishing, m.ready);
      if (next[0] && next[1]) return moved({ ...state, phase: 'finished', finishing: [false, false] });
      return moved({ ...state, finishing: next });
    }
    case 'appreciate': {
      if (state.phase !== 'finished') return refuse('WRONG_PHASE', 'Mark the project finished first.');
      if (state.appreciations[seat] !== null) return refuse('ALREADY_ANSWERED');
      const appreciations = set(state.appreciations, m.text);
      const next = { ...state, appreciations };
      const [a, b] = appreciations;
      if (a === null || b === null) return moved(next);
      // Both thanks go to Memories as they were sealed (their own slot); the title is nobody's words.
      const memory = {
        key: `plan-together:thanks:${state.plan?.idea.id ?? ''}`,
        title: 'We finished our project',
        entries: [
          { seat: 0 as const, slot: SLOTS.thanks, sealed: a },
          { seat: 1 as const, slot: SLOTS.thanks, sealed: b },
        ],
      };
      return moved(next, [memory]);
    }
    default: {
      if (state.phase !== 'plan' || !state.plan) return refuse('WRONG_PHASE', 'The plan opens once you agree on an idea.');
      const edited = editPlan(state.plan, seat, m as PlanEdit);
      return edited.ok ? moved({ ...state, plan: edited.value }) : edited;
    }
  }
}

function view(stored: State, seat: SeatIndex): View {
  const state = current(stored);
  const bothThanked = state.appreciations[0] !== null && state.appreciations[1] !== null;
  return {
    seat,
    phase: state.phase,
    mine: state.drafts[seat],
    ready: state.ready,
    pool: state.phase === 'choose' ? state.pool : [],
    shortlist: state.shortlist,
    myVotes: state.votes[seat],
    voteLimit: state.voteLimit,
    outcome: state.outcome,
    plan: state.plan,
    finishing: state.finishing,
    appreciations: bothThanked ? state.appreciations : withSeat([null, null], seat, state.appreciations[seat]),
  };
}

/** Ideas, votes and the closing thanks are private (each in turn); the plan is built together. */
function awaiting(stored: State): Awaiting {
  const state = current(stored);
  const notYet = (done: readonly [unknown, unknown]) => ([0, 1] as const).filter((s) => !done[s]);
  if (state.phase === 'ideas' || state.phase === 'choose') return { seats: notYet(state.ready), private: true };
  if (state.phase === 'plan') return { seats: [0, 1], private: false };
  const thanking = notYet([state.appreciations[0] !== null, state.appreciations[1] !== null]);
  return { seats: thanking, private: thanking.length > 0 };
}

/** The lobby's line about a kept plan: how far it is, never its words (they are sealed). */
export function summary(stored: State): string | null {
  const plan = current(stored).plan;
  if (!plan) return null;
  const steps = plan.steps.length;
  if (steps === 0) return 'no steps yet';
  return `${plan.steps.filter((s) => s.done).length} of ${steps} ${steps === 1 ? 'step' : 'steps'} done`;
}

export const planTogether: Activity<Options, State, Move, View, typeof info> = {
  info,
  optionsSchema,
  moveSchema,
  setup,
  move,
  view,
  awaiting,
  finished: () => false,
  keep: (state: State) => current(state).plan !== null,
  summary,
};
