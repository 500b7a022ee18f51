// Random walks through any activity for property tests: both seats play plausible moves, each one
// drawn from a seed by the activity's own move writer, so fast-check shrinks a walk to the few moves
// that matter and a failure prints what was played, move by move.
import fc from 'fast-check';
import * as v from 'valibot';
import type { AnyActivity, MoveResult, SetupContext } from '../../shared/activities/types.js';
import type { SeatIndex } from '../../shared/core.js';
import { pick, seededRng, type Rng } from '../../shared/random.js';

/** Writes a seat's canary into a text, tagged with what the text is for ("answer", "idea", …); base64url-safe, so a sealed stand-in can hold it (tests/support/sealed.ts: sealedAround). */
export type Canary = (tag: string) => string;

export function canaryOf(seat: SeatIndex): Canary {
  return (tag) => `SECRET${seat}-${tag}`;
}

/**
 * What the properties need to know about one activity, beside the activity object itself. Members are
 * function properties, not methods, so a writer for the wrong State is a compile error (no bivariance).
 */
export interface Subject<State, Move> {
  /** The options and audience a walk starts from. */
  start: fc.Arbitrary<{ options: unknown; context: SetupContext }>;
  /**
   * Candidate input moves: one or more of each kind of input this state's phase takes (the moves
   * that give what the activity waits for), written to be valid where the rules allow.
   */
  inputMoves: (state: State, seat: SeatIndex, canary: Canary) => Move[];
  /** Any move, valid in shape, often wrong in content, phase or seat; every text holds the canary. */
  anyMove: (state: State, seat: SeatIndex, rng: Rng, canary: Canary) => Move;
  /** Whether the input awaited now stays hidden from the other until a reveal (the spec of `private`). */
  hiddenInput: (state: State) => boolean;
  /** Whether both are looking at a reveal (what was hidden is now shown). */
  showsReveal: (state: State) => boolean;
  /** The canary tags whose texts the other seat must not see yet. */
  sealed: (state: State) => string[];
  /**
   * States that differ from this one only in the value of what `seat` gave that the other may not see
   * yet (another choice, ranking, vote…), never in whether they gave it; each says what it changed.
   * None when nothing of theirs is hidden now.
   */
  hiddenVariants: (state: State, seat: SeatIndex, rng: Rng) => Variant<State>[];
  /** Every `what` hiddenVariants names, to check that walks varied each kind of secret. */
  hidden: readonly string[];
  /** A name for where the walk is, to check that walks reach every part of the activity. */
  stage: (state: State) => string;
  stages: readonly string[];
  /**
   * Stages a walk may reach but too seldom to ask of every batch (each has its own unit test); any stage
   * reached that is in neither list fails, so a new part of an activity is never left unnamed.
   */
  rareStages?: readonly string[];
}

/** A state changed in one seat's hidden input, and what was changed. */
export interface Variant<State> {
  what: string;
  state: State;
}

export const NOW = Date.UTC(2025, 5, 1, 12);

export type Steps = { seat: SeatIndex; seed: number }[];

/** Who moves, and the seed their move is drawn from. */
export const steps: fc.Arbitrary<Steps> = fc.array(fc.record({ seat: fc.constantFrom<SeatIndex>(0, 1), seed: fc.nat() }), { maxLength: 150, size: 'max' });

export function context(seed: number): { now: number; rng: Rng } {
  return { now: NOW, rng: seededRng(seed ^ 0x5bd1e995) };
}

export interface Walker<State, Move> {
  /** Every state the walk reaches, the first one included. */
  onState?(state: State, trace: readonly string[]): void;
  /**
   * Every move played: the state it was played on, a deep copy of that state taken before the move,
   * and what the activity answered.
   */
  onMove?(played: { state: State; copy: State; seat: SeatIndex; move: Move; result: MoveResult<State> }, trace: readonly string[]): void;
}

/** The moves of a walk, one line each, for failure messages. */
export function describeMove(seat: SeatIndex, move: unknown, result: MoveResult<unknown>): string {
  return `seat ${seat} ${JSON.stringify(move)} → ${result.ok ? 'ok' : result.error.code}`;
}

/**
 * Plays a walk: half the moves are a candidate input move (so walks get far), half any move at all.
 * Every move must be valid in shape (the room parses moves with moveSchema before the activity sees them).
 */
export function walk<State, Move>(
  activity: AnyActivity,
  subj: Subject<State, Move>,
  start: { options: unknown; context: SetupContext; seed: number },
  walkSteps: Steps,
  walker: Walker<State, Move>,
): void {
  let state = activity.setup(start.options, start.context, seededRng(start.seed)) as State;
  const trace: string[] = [`setup ${JSON.stringify(start)}`];
  walker.onState?.(state, trace);
  for (const { seat, seed } of walkSteps) {
    const rng = seededRng(seed);
    const canary = canaryOf(seat);
    const move = rng.next() < 0.5 ? pick(subj.inputMoves(state, seat, canary), rng) : subj.anyMove(state, seat, rng, canary);
    if (!v.is(activity.moveSchema, move)) throw new Error(`not a move of ${activity.info.id}: ${JSON.stringify(move)}`);
    const copy = structuredClone(state);
    const result = activity.move(state, seat, move, context(seed)) as MoveResult<State>;
    trace.push(describeMove(seat, move, result));
    walker.onMove?.({ state, copy, seat, move, result }, trace);
    if (result.ok) {
      state = result.value.state;
      walker.onState?.(state, trace);
    }
  }
}

/** Small helpers for move writers. */
export function chance(rng: Rng, p: number): boolean {
  return rng.next() < p;
}

export function below(rng: Rng, n: number): number {
  return Math.floor(rng.next() * n);
}

export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = below(rng, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
