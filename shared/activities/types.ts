// What every activity is: pure functions over its own state, no I/O. The room runs them inside the
// server's load → apply → commit loop; a seat's private data leaves the server only through view().
import type * as v from 'valibot';
import type { AppError, Audience, PlayMode, SeatIndex } from '../protocol.js';
import type { IntimacyKind } from '../intimacy.js';
import type { Rng } from '../random.js';

export interface ActivityInfo {
  id: string;
  title: string;
  /** One line for the lobby. */
  description: string;
  kinds: readonly IntimacyKind[];
}

export interface SetupContext {
  audience: Audience;
  mode: PlayMode;
}

export interface MoveContext {
  now: number;
  rng: Rng;
}

/** Something worth keeping that an activity hands to the room's Memories. */
export interface NewMemory {
  /** Stable per moment, so starring twice keeps one memory. */
  key: string;
  title: string;
  entries: { seat: SeatIndex; text: string }[];
}

export type MoveResult<S> = { ok: true; state: S; memories?: NewMemory[] } | { ok: false; error: AppError };

export interface Activity<Options, State, Move, View> {
  info: ActivityInfo;
  optionsSchema: v.GenericSchema<unknown, Options>;
  moveSchema: v.GenericSchema<unknown, Move>;
  setup(options: Options, context: SetupContext, rng: Rng): State;
  move(state: State, seat: SeatIndex, move: Move, ctx: MoveContext): MoveResult<State>;
  view(state: State, seat: SeatIndex): View;
  /** True when the activity has run its course (the room then offers to go back to the lobby). */
  finished(state: State): boolean;
  /** True when the room should keep this state after the activity ends, to reopen it later. */
  keep?(state: State): boolean;
  /** One line for the lobby about a kept state (e.g. the plan's title). */
  summary?(state: State): string | null;
}
