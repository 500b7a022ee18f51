// The lobby and the running activity, as part of the room: either person proposes an activity, it
// starts when both are Ready, moves go to the activity's pure functions, and either can end it (the
// other is told who did; an activity worth keeping waits in the lobby to be picked up again).
import { activityById, type ActivityId, type ActivityView } from './activities/registry.js';
import type { Awaiting, MemoryEntry, NewMemory, SetupContext } from './activities/types.js';
import { answerRound, openRound, type ClosenessRound } from './closeness.js';
import { MEMORIES_MAX, ok, refuse, withSeat, type Result, type SeatIndex } from './core.js';
import { parse } from './parse.js';
import { seededRng } from './random.js';
import type { Sealed } from './sealed/shape.js';

export interface Proposal {
  activity: ActivityId;
  options: Record<string, unknown>;
  by: SeatIndex;
  ready: [boolean, boolean];
}

export interface ActivityInstance {
  id: ActivityId;
  /** The activity's randomness: each move draws from it and the advanced seed is stored back. */
  seed: number;
  state: unknown;
  startedAt: number;
}

export interface Memory {
  id: string;
  activity: ActivityId;
  at: number;
  /** A label that is not anyone's words (a card's text, "Sentences we finished"). */
  title: string;
  entries: MemoryEntry[];
}

export { MEMORIES_MAX };

/** An activity's state kept after it ended, to reopen later (a plan stays with the room). */
export interface Kept {
  activity: ActivityId;
  seed: number;
  state: unknown;
}

/** Who ended the last activity, so the other person is told. */
export interface Ended {
  activity: ActivityId;
  by: SeatIndex;
  at: number;
}

export interface Play {
  proposal: Proposal | null;
  activity: ActivityInstance | null;
  memories: Memory[];
  kept: Kept[];
  /** Closeness circles asked before and after each activity. */
  closeness: ClosenessRound[];
  /** The last activity someone ended, until the next one starts. Missing (rooms from before): none. */
  ended?: Ended | null;
  /** What an activity keeps from game to game (its `library`), by activity. Missing (rooms from before): none. */
  libraries?: Partial<Record<ActivityId, unknown>>;
}

export const EMPTY_PLAY: Play = { proposal: null, activity: null, memories: [], kept: [], closeness: [], ended: null };

type PlayResult = Result<Play>;

/**
 * Suggests an activity, replacing an earlier suggestion (and whoever was ready for it). With `ready`, the
 * one suggesting is ready for it too: suggesting on their own device is saying "I'd start this now", so
 * the other's one tap starts it, and it never starts without that tap. A shared device leaves it out
 * (the device cannot tell which of the two tapped), and so does any client from before it existed.
 */
export function propose(play: Play, seat: SeatIndex, activity: ActivityId, options: unknown, ready = false): PlayResult {
  if (play.activity) return refuse('WRONG_PHASE', 'An activity is running: end it first.');
  const readyNow = withSeat([false, false], seat, ready);
  // Picking a kept activity up again takes no options: it goes on as it was. An activity there is only
  // one of (Check-in's history) is always picked up again when something of it is kept.
  const keptAlready = play.kept.some((k) => k.activity === activity);
  if (isResume(options) || (activityById(activity).resumesKept === true && keptAlready)) {
    if (!keptAlready) return refuse('NOT_FOUND', 'There is nothing to pick up again.');
    return ok({ ...play, proposal: { activity, options: { resume: true }, by: seat, ready: readyNow } });
  }
  const parsed = parse(activityById(activity).optionsSchema, options);
  if (!parsed.ok) return parsed;
  return ok({ ...play, proposal: { activity, options: parsed.value as Record<string, unknown>, by: seat, ready: readyNow } });
}

export function ready(play: Play, seat: SeatIndex, ctx: { now: number; seed: number; room: SetupContext }): PlayResult {
  const proposal = play.proposal;
  if (!proposal) return refuse('WRONG_PHASE', 'Nothing has been proposed yet.');
  if (proposal.ready[seat]) return refuse('ALREADY_READY');
  const readyNow = withSeat(proposal.ready, seat, true);
  if (!readyNow[0] || !readyNow[1]) return ok({ ...play, proposal: { ...proposal, ready: readyNow } });
  const kept = proposal.options.resume === true ? play.kept.find((k) => k.activity === proposal.activity) : undefined;
  const rest = play.kept.filter((k) => k !== kept);
  const closeness = openRound(play.closeness, `${ctx.now}-before`, 'before', proposal.activity, ctx.now);
  const withLibrary = (state: unknown) => activityById(proposal.activity).library?.into(state, play.libraries?.[proposal.activity]) ?? state;
  if (kept) {
    const activity = { id: proposal.activity, seed: kept.seed, state: withLibrary(kept.state), startedAt: ctx.now };
    return ok({ ...play, proposal: null, kept: rest, activity, closeness, ended: null });
  }
  const rng = seededRng(ctx.seed);
  const state = withLibrary(activityById(proposal.activity).setup(proposal.options, ctx.room, rng));
  return ok({ ...play, proposal: null, activity: { id: proposal.activity, seed: rng.seed(), state, startedAt: ctx.now }, closeness, ended: null });
}

function isResume(options: unknown): boolean {
  return typeof options === 'object' && options !== null && (options as { resume?: unknown }).resume === true;
}

export function withdraw(play: Play): PlayResult {
  if (!play.proposal) return refuse('WRONG_PHASE', 'Nothing has been proposed.');
  return ok({ ...play, proposal: null });
}

/**
 * Ends the activity for both, saying who ended it (nobody, when both had said they were ready to leave); one whose state is worth keeping (a plan, a game
 * left mid-way) is kept to pick up again, replacing an older one. The closeness question "after" opens
 * here, unless the activity already asked it as it finished.
 */
export function endActivity(play: Play, seat: SeatIndex, now: number): PlayResult {
  const instance = play.activity;
  if (!instance) return refuse('NO_ACTIVITY');
  const activity = activityById(instance.id);
  const keep = activity.keep?.(instance.state) ?? false;
  const others = play.kept.filter((k) => k.activity !== instance.id);
  const kept = keep ? [...others, { activity: instance.id, seed: instance.seed, state: instance.state }] : play.kept;
  const askedAlready = activity.asksAfterAtFinish === true && activity.finished(instance.state);
  const closeness = askedAlready ? play.closeness : openRound(play.closeness, `${now}-after`, 'after', instance.id, now);
  const ended = activity.leftTogether?.(instance.state) ? null : { activity: instance.id, by: seat, at: now };
  return ok({ ...play, activity: null, kept, closeness, ended });
}

export function forgetMemory(play: Play, id: string): PlayResult {
  if (!play.memories.some((m) => m.id === id)) return refuse('NOT_FOUND', 'That memory was already removed.');
  return ok({ ...play, memories: play.memories.filter((m) => m.id !== id) });
}

/** One person's sealed closeness answer (1–7, or 0 to skip); revealed once both have answered. */
export function answerCloseness(play: Play, seat: SeatIndex, id: string, value: Sealed): PlayResult {
  const answered = answerRound(play.closeness, seat, id, value);
  return answered.ok ? ok({ ...play, closeness: answered.value }) : answered;
}

/** What the lobby shows about kept activities: which, and one line (e.g. the plan's title). */
export function keptSummaries(play: Play): { activity: ActivityId; summary: string | null }[] {
  return play.kept.map((k) => ({ activity: k.activity, summary: activityById(k.activity).summary?.(k.state) ?? null }));
}

/** What the lobby shows of each activity's library: counts only, the same for both seats. */
export function libraryCounts(play: Play): Partial<Record<ActivityId, Record<string, number>>> {
  const counts: Partial<Record<ActivityId, Record<string, number>>> = {};
  for (const [id, library] of Object.entries(play.libraries ?? {})) {
    const of = activityById(id as ActivityId).library;
    if (of) counts[id as ActivityId] = of.counts(library);
  }
  return counts;
}

export function playMove(play: Play, seat: SeatIndex, move: unknown, now: number): PlayResult {
  const instance = play.activity;
  if (!instance) return refuse('NO_ACTIVITY');
  const activity = activityById(instance.id);
  const parsed = parse(activity.moveSchema, move);
  if (!parsed.ok) return parsed;
  const rng = seededRng(instance.seed);
  const result = activity.move(instance.state, seat, parsed.value, { now, rng });
  if (!result.ok) return result;
  const state = result.value.state;
  const finishing = activity.asksAfterAtFinish === true && !activity.finished(instance.state) && activity.finished(state);
  const library = activity.library?.of(state);
  return ok({
    ...play,
    ...(library === undefined ? {} : { libraries: { ...play.libraries, [instance.id]: library } }),
    activity: { ...instance, seed: rng.seed(), state },
    memories: addMemories(play.memories, instance.id, result.value.memories ?? [], now),
    closeness: finishing ? openRound(play.closeness, `${now}-after`, 'after', instance.id, now) : play.closeness,
  });
}

function addMemories(memories: Memory[], activity: ActivityId, added: NewMemory[], now: number): Memory[] {
  const fresh = added
    .filter((m) => !memories.some((kept) => kept.id === m.key))
    .map((m) => ({ id: m.key, activity, at: now, title: m.title, entries: m.entries }));
  return fresh.length === 0 ? memories : [...memories, ...fresh].slice(-MEMORIES_MAX);
}

export function activityViewFor(play: Play, seat: SeatIndex): ActivityView | null {
  const instance = play.activity;
  if (!instance) return null;
  const activity = activityById(instance.id);
  // Typed member by member, so nothing can go missing; only the view's own type is taken on trust
  // from the registry (the id and the state were filed together).
  const running: { id: ActivityId; view: unknown; awaiting: Awaiting } = {
    id: instance.id,
    view: activity.view(instance.state, seat),
    awaiting: activity.awaiting(instance.state),
  };
  return running as ActivityView;
}
