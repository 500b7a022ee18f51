// Plan something together: each privately brings ideas, they are revealed together (ideas both brought
// are highlighted), both vote until they agree on one, then they build its plan live. When the project
// is finished (both agree it is: one tap never moves the other's screen), each writes a line of
// appreciation that goes to Memories.
import * as v from 'valibot';
import { IDEAS } from '../../content/ideas.js';
import { refuse, withSeat, type SeatIndex } from '../../core.js';
import { moved, type Activity, type Awaiting, type MoveResult } from '../types.js';
import { editPlan, emptyPlan, STEP_TEXT_MAX, type Plan, type PlanEdit } from './editing.js';
import { info } from './info.js';

export const IDEAS_PER_PERSON = 5;
export const VOTES_PER_PERSON = 2;

export interface Options {
  /** Reopen the plan this room kept, instead of starting again. */
  resume: boolean;
}

interface Draft {
  text: string;
  builtinId?: string;
}

export interface PoolIdea {
  id: string;
  text: string;
  /** Who brought it; both when they brought the same idea. */
  from: SeatIndex[];
}

export interface State {
  phase: 'ideas' | 'choose' | 'plan' | 'finished';
  drafts: [Draft[], Draft[]];
  ready: [boolean, boolean];
  pool: PoolIdea[];
  /** Ideas added while choosing are numbered from here, so ids are never reused. */
  nextIdea: number;
  votes: [string[], string[]];
  voteLimit: number;
  /** After a round of votes: 'none' when no idea had both votes, 'tie' when several did. */
  outcome: 'none' | 'tie' | null;
  plan: Plan | null;
  /** Who is ready to mark the plan finished; it is finished once both are. Missing (rooms from before): nobody. */
  finishing?: [boolean, boolean];
  appreciations: [string | null, string | null];
}

const Text = v.pipe(v.string(), v.maxLength(STEP_TEXT_MAX * 4));
const Id = v.pipe(v.string(), v.maxLength(40));
const Date = v.nullable(v.pipe(v.string(), v.maxLength(10)));
const RelativeOwner = v.picklist(['me', 'you', 'both'] as const, 'Choose who does it: me, you or both.');

export const moveSchema = v.variant('type', [
  v.object({ type: v.literal('add-idea'), text: v.optional(Text), builtinId: v.optional(Id) }),
  v.object({ type: v.literal('remove-idea'), index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  v.object({ type: v.literal('ideas-done') }),
  v.object({ type: v.literal('vote'), ideaId: Id, on: v.boolean() }),
  v.object({ type: v.literal('votes-done') }),
  v.object({ type: v.literal('set-title'), text: Text }),
  v.object({ type: v.literal('set-why'), text: Text }),
  v.object({ type: v.literal('add-step'), text: Text, owner: RelativeOwner, date: v.optional(Date) }),
  v.object({
    type: v.literal('edit-step'),
    stepId: Id,
    rev: v.pipe(v.number(), v.integer()),
    text: v.optional(Text),
    owner: v.optional(RelativeOwner),
    date: v.optional(Date),
  }),
  v.object({ type: v.literal('move-step'), stepId: Id, before: v.nullable(Id) }),
  v.object({ type: v.literal('check-step'), stepId: Id, done: v.boolean() }),
  v.object({ type: v.literal('delete-step'), stepId: Id }),
  v.object({ type: v.literal('set-target'), date: Date, confirmPast: v.optional(v.boolean()) }),
  v.object({ type: v.literal('add-need'), text: Text }),
  v.object({ type: v.literal('check-need'), needId: Id, got: v.boolean() }),
  v.object({ type: v.literal('delete-need'), needId: Id }),
  /** Ready (or, with false, no longer ready) to mark the project finished. */
  v.object({ type: v.literal('finish'), ready: v.optional(v.boolean(), true) }),
  v.object({ type: v.literal('appreciate'), text: Text }),
]);
export type Move = v.InferOutput<typeof moveSchema>;

export const optionsSchema = v.object({ resume: v.optional(v.boolean(), false) });

export interface View {
  phase: State['phase'];
  /** Ideas phase: my drafts, and only whether the other is done. */
  mine: Draft[];
  ready: [boolean, boolean];
  pool: PoolIdea[];
  /** My votes only: the other's stay hidden until both are done. */
  myVotes: string[];
  voteLimit: number;
  outcome: State['outcome'];
  plan: Plan | null;
  /** Who is ready to mark the plan finished. */
  finishing: [boolean, boolean];
  /** Mine always; the other's once both wrote theirs. */
  appreciations: [string | null, string | null];
}

const BUILTIN = new Map(IDEAS.map((idea) => [idea.id, idea]));
const STOPWORDS = new Set(['a', 'an', 'the', 'to', 'of', 'and', 'or', 'for', 'in', 'on', 'at', 'our', 'my', 'your', 'with', 'together', 'some', 'new']);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 1 && !STOPWORDS.has(w)),
  );
}

/** The same built-in idea, or two ideas that share most of their words. */
export function sameIdea(a: Draft, b: Draft): boolean {
  if (a.builtinId && a.builtinId === b.builtinId) return true;
  const [wa, wb] = [words(a.text), words(b.text)];
  const shared = [...wa].filter((w) => wb.has(w)).length;
  const smaller = Math.min(wa.size, wb.size);
  return smaller > 0 && (shared === smaller || shared >= 2) && shared / Math.max(wa.size, wb.size) >= 0.5;
}

/** Reveal: everyone's drafts in one pool, an idea both brought listed once with both names. */
function poolOf(drafts: State['drafts']): PoolIdea[] {
  const pool: (PoolIdea & { draft: Draft })[] = [];
  for (const seat of [0, 1] as const) {
    for (const draft of drafts[seat]) {
      const match = pool.find((p) => !p.from.includes(seat) && sameIdea(p.draft, draft));
      if (match) match.from.push(seat);
      else pool.push({ id: `i${pool.length + 1}`, text: draft.text, from: [seat], draft });
    }
  }
  return pool.map(({ id, text, from }) => ({ id, text, from }));
}

function setup(options: Options): State {
  void options;
  return {
    phase: 'ideas',
    drafts: [[], []],
    ready: [false, false],
    pool: [],
    nextIdea: 1,
    votes: [[], []],
    voteLimit: VOTES_PER_PERSON,
    outcome: null,
    plan: null,
    finishing: [false, false],
    appreciations: [null, null],
  };
}

function countVotes(state: State): MoveResult<State> {
  const [a, b] = state.votes;
  const common = a.filter((id) => b.includes(id));
  const fresh = { ...state, ready: [false, false] as [boolean, boolean] };
  if (common.length === 0) return moved({ ...fresh, outcome: 'none' });
  if (common.length > 1) {
    return moved({ ...fresh, outcome: 'tie', voteLimit: 1, votes: [[], []], pool: state.pool.filter((p) => common.includes(p.id)) });
  }
  const chosen = state.pool.find((p) => p.id === common[0])!;
  return moved({ ...fresh, phase: 'plan', outcome: null, plan: emptyPlan(chosen.text) });
}

function move(state: State, seat: SeatIndex, m: Move, ctx: { now: number }): MoveResult<State> {
  const set = <T>(pair: [T, T], value: T): [T, T] => withSeat(pair, seat, value);
  switch (m.type) {
    case 'add-idea': {
      if (state.phase === 'choose') {
        const text = (m.builtinId ? BUILTIN.get(m.builtinId)?.text : m.text)?.trim() ?? '';
        if (!text) return refuse('BAD_REQUEST', 'Write the idea, or pick one.');
        if (text.length > STEP_TEXT_MAX) return refuse('TOO_LONG', `Ideas can be up to ${STEP_TEXT_MAX} characters.`);
        const idea: PoolIdea = { id: `i${state.nextIdea}`, text, from: [seat] };
        return moved({ ...state, pool: [...state.pool, idea], nextIdea: state.nextIdea + 1 });
      }
      if (state.phase !== 'ideas') return refuse('WRONG_PHASE');
      if (state.ready[seat]) return refuse('WRONG_PHASE', 'Your ideas are in already.');
      const mine = state.drafts[seat];
      if (mine.length >= IDEAS_PER_PERSON) return refuse('NOT_POSSIBLE', `Up to ${IDEAS_PER_PERSON} ideas each.`);
      let draft: Draft;
      if (m.builtinId) {
        const idea = BUILTIN.get(m.builtinId);
        if (!idea) return refuse('BAD_REQUEST', 'Unknown idea.');
        if (mine.some((d) => d.builtinId === idea.id)) return refuse('NOT_POSSIBLE', 'You picked that one already.');
        draft = { text: idea.text, builtinId: idea.id };
      } else {
        const text = m.text?.trim() ?? '';
        if (!text) return refuse('BAD_REQUEST', 'Write the idea, or pick one.');
        if (text.length > STEP_TEXT_MAX) return refuse('TOO_LONG', `Ideas can be up to ${STEP_TEXT_MAX} characters.`);
        draft = { text };
      }
      return moved({ ...state, drafts: set(state.drafts, [...mine, draft]) });
    }
    case 'remove-idea': {
      if (state.phase !== 'ideas' || state.ready[seat]) return refuse('WRONG_PHASE');
      if (m.index >= state.drafts[seat].length) return refuse('NOT_FOUND');
      return moved({ ...state, drafts: set(state.drafts, state.drafts[seat].filter((_, i) => i !== m.index)) });
    }
    case 'ideas-done': {
      if (state.phase !== 'ideas') return refuse('WRONG_PHASE');
      if (state.ready[seat]) return refuse('ALREADY_READY');
      if (state.drafts[seat].length === 0) return refuse('NOT_POSSIBLE', 'Bring at least one idea.');
      const ready = set(state.ready, true);
      if (!ready[0] || !ready[1]) return moved({ ...state, ready });
      const pool = poolOf(state.drafts);
      return moved({ ...state, ready: [false, false], phase: 'choose', pool, nextIdea: pool.length + 1 });
    }
    case 'vote': {
      if (state.phase !== 'choose' || state.ready[seat]) return refuse('WRONG_PHASE');
      if (!state.pool.some((p) => p.id === m.ideaId)) return refuse('NOT_FOUND', 'That idea is not on the list.');
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
      const finishing = state.finishing ?? [false, false];
      if (finishing[seat] === m.ready) return m.ready ? refuse('ALREADY_READY') : refuse('NOT_POSSIBLE', 'You had not said it was finished.');
      const next = set(finishing, m.ready);
      if (next[0] && next[1]) return moved({ ...state, phase: 'finished', finishing: [false, false] });
      return moved({ ...state, finishing: next });
    }
    case 'appreciate': {
      if (state.phase !== 'finished') return refuse('WRONG_PHASE', 'Mark the project finished first.');
      if (state.appreciations[seat] !== null) return refuse('ALREADY_ANSWERED');
      const text = m.text.trim();
      if (!text) return refuse('BAD_REQUEST', 'Write a line for the other person.');
      if (text.length > STEP_TEXT_MAX) return refuse('TOO_LONG', `Keep it under ${STEP_TEXT_MAX} characters.`);
      const appreciations = set(state.appreciations, text);
      const next = { ...state, appreciations };
      const [a, b] = appreciations;
      if (a === null || b === null) return moved(next);
      const memory = {
        key: `plan-together:thanks:${state.plan?.title ?? ''}`,
        title: `We finished: ${state.plan?.title ?? 'our project'}`,
        entries: [
          { seat: 0 as const, text: a },
          { seat: 1 as const, text: b },
        ],
      };
      return moved(next, [memory]);
    }
    default: {
      if (state.phase !== 'plan' || !state.plan) return refuse('WRONG_PHASE', 'The plan opens once you agree on an idea.');
      const edited = editPlan(state.plan, seat, m as PlanEdit, ctx.now);
      return edited.ok ? moved({ ...state, plan: edited.value }) : edited;
    }
  }
}

function view(state: State, seat: SeatIndex): View {
  const bothThanked = state.appreciations[0] !== null && state.appreciations[1] !== null;
  return {
    phase: state.phase,
    mine: state.drafts[seat],
    ready: state.ready,
    pool: state.phase === 'ideas' ? [] : state.pool,
    myVotes: state.votes[seat],
    voteLimit: state.voteLimit,
    outcome: state.outcome,
    plan: state.plan,
    finishing: state.finishing ?? [false, false],
    appreciations: bothThanked ? state.appreciations : onlyMine(seat, state.appreciations[seat]),
  };
}

function onlyMine(seat: SeatIndex, value: string | null): [string | null, string | null] {
  return withSeat([null, null], seat, value);
}

/** Ideas, votes and the closing thanks are private (each in turn); the plan is built together. */
function awaiting(state: State): Awaiting {
  const notYet = (done: readonly [unknown, unknown]) => ([0, 1] as const).filter((s) => !done[s]);
  if (state.phase === 'ideas' || state.phase === 'choose') return { seats: notYet(state.ready), private: true };
  if (state.phase === 'plan') return { seats: [0, 1], private: false };
  const thanking = notYet([state.appreciations[0] !== null, state.appreciations[1] !== null]);
  return { seats: thanking, private: thanking.length > 0 };
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
  keep: (state: State) => state.plan !== null,
  summary: (state: State) => state.plan?.title ?? null,
};
