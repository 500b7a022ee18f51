// What every activity is: one object of pure functions over its own state, no I/O. The room runs them
// inside the server's load → apply → commit loop; a seat's private data leaves the server only
// through view(), and awaiting() tells both screens (and the shared-device hand-off) whose input is next.
import * as v from 'valibot';
import { sealedSchema, type Bucket, type Sealed } from '../sealed/shape.js';
import type { Audience, Result, SeatIndex } from '../core.js';
import type { IntimacyKind } from '../intimacy.js';
import type { Rng } from '../random.js';

/** What the lobby shows about an activity: no logic, no content, so the browser can import it. */
/** A memory entry may hold an answer of 2,000 characters with its choice: up to 6 KB of UTF-8, the largest bucket. */
export const MEMORY_BUCKET: Bucket = 16384;

export interface ActivityInfo {
  id: string;
  title: string;
  /** One plain line: what you do. */
  line: string;
  /** About how long it takes, in minutes (from, to). */
  minutes: readonly [number, number];
  /** Which kinds of pair it suits. */
  audiences: readonly Audience[];
  /** Whom or when it suits, as the lobby's card reads it after "Good for" (else the audiences are named). */
  suits?: string;
  kinds: readonly IntimacyKind[];
  /** What a family room reads instead, where the title or line sounds romantic (issue 17). */
  family?: { title: string; line: string };
  /** How to play, in a few short steps ("How to play" on the activity's screen). */
  howTo: readonly string[];
}

export interface SetupContext {
  audience: Audience;
  /** The room's time zone as sealed at creation (Check-in's days follow it), absent in older rooms. */
  zone?: Sealed;
  /** The room's "we live apart": nothing that needs the same place. Absent: they share a place. */
  apart?: boolean;
}

export interface MoveContext {
  now: number;
  rng: Rng;
}

/**
 * What one person said in a memory, sealed in the browser for (seat, the memory's activity, slot): the
 * browser that starred it seals each person's words for the slot `memory:<key>` (starredMemory), or an
 * activity keeps a value sealed elsewhere as it is (its own slot).
 */
export interface SealedMemoryEntry {
  seat: SeatIndex;
  slot: string;
  sealed: Sealed;
  /** Words for both of them, nobody's own (a question to talk about): Memories show them without a name. */
  forBoth?: true;
  /** A reaction chosen from a few (an appreciation's "Keeping this"), not their own words: shown as one. */
  reaction?: true;
}

export type MemoryEntry = SealedMemoryEntry;

/** Something worth keeping that an activity hands to the room's Memories. */
export interface NewMemory {
  /** Stable per moment, so starring twice keeps one memory. */
  key: string;
  /** A label that is not anyone's words. */
  title: string;
  entries: MemoryEntry[];
}

/** The slot a starred memory's words are sealed for, one per memory (the seat tells the two apart). */
export function memorySlot(key: string): string {
  return `memory:${key}`;
}

/** A memory from a star move: the words the starring browser sealed for memorySlot(key), one per seat. */
export function starredMemory(key: string, title: string, entries: readonly { seat: SeatIndex; sealed: Sealed }[]): NewMemory {
  return { key, title, entries: entries.map((e) => ({ seat: e.seat, slot: memorySlot(key), sealed: e.sealed })) };
}

/**
 * What a star move carries: each person's words for the memory, sealed by the browser that starred it
 * (at most one per seat). The server checks only their shape.
 */
export const starredEntriesSchema = v.pipe(
  v.array(v.object({ seat: v.picklist([0, 1] as const), sealed: sealedSchema(MEMORY_BUCKET) })),
  v.maxLength(2),
  v.check((entries) => new Set(entries.map((e) => e.seat)).size === entries.length, 'One entry per person.'),
);

export interface Moved<S> {
  state: S;
  memories?: NewMemory[];
}

export type MoveResult<S> = Result<Moved<S>>;

/**
 * Whose input the activity waits for now. `private`: what they give is hidden from the other until a
 * reveal, so on one shared device they take it in turns (in the order listed); otherwise both look
 * at the screen together. No seats: nothing is awaited (a reveal to read, or the end).
 */
export interface Awaiting {
  seats: SeatIndex[];
  private: boolean;
}

export interface Activity<Options, State, Move, View, Info extends ActivityInfo = ActivityInfo> {
  info: Info;
  optionsSchema: v.GenericSchema<unknown, Options>;
  moveSchema: v.GenericSchema<unknown, Move>;
  setup(options: Options, context: SetupContext, rng: Rng): State;
  move(state: State, seat: SeatIndex, move: Move, ctx: MoveContext): MoveResult<State>;
  view(state: State, seat: SeatIndex): View;
  /** The seats whose next input move would be accepted now (boardgame.io's activePlayers). */
  awaiting(state: State): Awaiting;
  /** True when the activity has run its course: nothing more is awaited, and its screen offers the way back. */
  finished(state: State): boolean;
  /** True when the room should keep this state after the activity ends, to reopen it later. */
  keep?(state: State): boolean;
  /**
   * True when there is only ever one of it in a room (Check-in's history): suggesting it while a state is
   * kept picks that state up again, so a fresh start can never replace what was kept.
   */
  resumesKept?: boolean;
  /** One line for the lobby about a kept state (e.g. the plan's title). */
  summary?(state: State): string | null;
  /**
   * True when the activity's last screen is a recap: the room asks the closeness question "after" as
   * the activity finishes (not when it is left), so the recap can show after next to before.
   */
  asksAfterAtFinish?: boolean;
  /**
   * True when both people have said they are ready to leave (an agreed step, like the reveal of What
   * intimacy means to me): the room then ends it without telling either that the other ended it.
   */
  leftTogether?(state: State): boolean;
  /**
   * What the room keeps of this activity from game to game (Question Swap's favourites and written
   * cards), bounded: `of` reads it from a state after each move, `into` gives a starting or resumed
   * state the room's copy (undefined in a room that has none yet).
   */
  library?: {
    of(state: State): unknown;
    into(state: State, library: unknown): State;
    /** What the lobby may show of it to either seat: counts only (e.g. how many cards are kept). */
    counts(library: unknown): Record<string, number>;
  };
}

/** Any activity, with its own types erased, for the room to run. */
export type AnyActivity = Activity<any, any, any, any>;

export type StateOf<A> = A extends { setup(options: never, context: never, rng: never): infer S } ? S : never;
export type MoveOf<A> = A extends { moveSchema: v.GenericSchema<unknown, infer M> } ? M : never;
export type ViewOf<A> = A extends { view(state: never, seat: SeatIndex): infer V } ? V : never;
export type OptionsOf<A> = A extends { optionsSchema: v.GenericSchema<unknown, infer O> } ? O : never;

/** An accepted move: the new state, and anything it hands to Memories. */
export function moved<S>(state: S, memories?: NewMemory[]): MoveResult<S> {
  return { ok: true, value: memories && memories.length > 0 ? { state, memories } : { state } };
}
