// Check-in: a two-minute daily ritual that works when the two answer hours apart. Each gives a mood, a
// high, a low, and (optionally) a need and a thanks, whenever they like; the other sees only that it is
// done, and both entries are shown side by side once both are in. It keeps running across days until one
// ends it, then waits in the lobby with its history (keep/summary). Sealed (docs/SECURITY.md): the mood
// and the words arrive sealed per seat per day, the time zones sealed too; the core keeps structure only —
// which days exist, who is in, when, the stars, which day each person is reading.
// Days follow the room's time zone, which only the browsers can read: a browser sends the day key it
// computed, and the core accepts a key that is today somewhere on Earth and not older than its latest day
// (days.ts). The screen opens a new day with a `day` move, so `awaiting` (which has no clock) stays right.
import * as v from 'valibot';
import { CREATOR_SEAT, refuse, withSeat, type SeatIndex } from '../../core.js';
import { sealedSchema, type Sealed } from '../../sealed/shape.js';
import { moved, starredEntriesSchema, starredMemory, type Activity, type Awaiting, type MoveResult } from '../types.js';
import { daysBetween, dayStart, dayTitle, isTodaySomewhere } from './days.js';
import { info } from './info.js';
import { CHART_DAYS, MAX_DAYS, MOOD_BUCKET, WORDS_BUCKET, ZONE_BUCKET } from './model.js';

/** One person's check-in for a day: each value sealed by them for `mood:<day>` / `words:<day>`. */
export interface Entry {
  mood: Sealed;
  words: Sealed;
  at: number;
}

export interface Day {
  day: string;
  entries: [Entry | null, Entry | null];
}

/** A zone sealed by one seat: the room's (slot `room-zone`) or a person's own (slot `zone`). */
export interface SealedZone {
  by: SeatIndex;
  zone: Sealed;
}

export interface State {
  /** Oldest first, at most MAX_DAYS; the last is the current day. */
  days: Day[];
  /** The room's zone (days follow it) and each person's own (to show both local times). */
  zones: { room: SealedZone | null; seats: [Sealed | null, Sealed | null] };
  /** Days starred to Memories. */
  starred: string[];
  /** The earlier day each person opened to read again (only days both were in). */
  reading: [string | null, string | null];
}

export interface EntryView {
  mood: Sealed;
  words: Sealed;
}

export interface DayView {
  day: string;
  in: [boolean, boolean];
  /** Both moods, only for days both were in within CHART_DAYS of the current day. */
  moods: [Sealed, Sealed] | null;
}

export interface View {
  /** Whose view this is: the seat `mine` was sealed by. */
  seat: SeatIndex;
  zones: State['zones'];
  /** The current day: who is in and when; my own entry; both entries once both are in. */
  today: { day: string; in: [boolean, boolean]; at: [number | null, number | null]; mine: EntryView | null; both: [EntryView, EntryView] | null } | null;
  /** Every kept day, oldest first. */
  history: DayView[];
  /** The earlier day this person opened, with both entries. */
  reading: { day: string; both: [EntryView, EntryView] } | null;
  starred: string[];
}

const DayKey = v.pipe(v.string('A day is missing.'), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'A day is written YYYY-MM-DD.'));

export const moveSchema = v.variant('type', [
  /** My own time zone, sealed for `zone`. */
  v.object({ type: v.literal('zone'), zone: sealedSchema(ZONE_BUCKET) }),
  /** The room's time zone (either person may change it), sealed for `room-zone`. */
  v.object({ type: v.literal('room-zone'), zone: sealedSchema(ZONE_BUCKET) }),
  /** A new day has begun in the room's zone (the screen sends it on opening, so `awaiting` is right). */
  v.object({ type: v.literal('day'), day: DayKey }),
  /** My check-in for a day (the current one, or a newer one it opens). */
  v.object({ type: v.literal('answer'), day: DayKey, mood: sealedSchema(MOOD_BUCKET), words: sealedSchema(WORDS_BUCKET) }),
  /** Open an earlier day both were in to read it again (null: close it). */
  v.object({ type: v.literal('read'), day: v.nullable(DayKey) }),
  /** A star carries both entries' words, sealed by the starring browser for memory:<key> (none to unstar). */
  v.object({ type: v.literal('star'), day: DayKey, starred: v.boolean(), entries: v.optional(starredEntriesSchema, []) }),
]);
export type Move = v.InferOutput<typeof moveSchema>;

export const optionsSchema = v.object({ resume: v.optional(v.boolean(), false) });

const fresh = (): State => ({ days: [], zones: { room: null, seats: [null, null] }, starred: [], reading: [null, null] });

const bothIn = (day: Day) => day.entries[0] !== null && day.entries[1] !== null;

/** The memory a starred day makes: a key per day, and a title that is nobody's words. */
export function starMemory(day: string): { key: string; title: string } {
  return { key: `check-in:${day}`, title: `Check-in, ${dayTitle(day)}` };
}

/** Why `day` cannot be the current day now, or null when it can (today somewhere, not older than the latest). */
function dayProblem(state: State, day: string, now: number) {
  if (dayStart(day) === null) return refuse('BAD_REQUEST', 'That is not a date.');
  if (!isTodaySomewhere(day, now)) return refuse('WRONG_PHASE', "That day is not today anywhere on Earth. Check this device's date and time.");
  const latest = state.days.at(-1)?.day;
  if (latest !== undefined && day < latest) return refuse('WRONG_PHASE', 'A newer day has already begun. Check in for today.');
  return null;
}

/** The state with `day` as its current day: a day nobody checked in on is dropped, and the oldest past MAX_DAYS. */
function opened(state: State, day: string): State {
  if (state.days.at(-1)?.day === day) return state;
  const days = [...state.days.filter((d) => d.entries.some((e) => e !== null)), { day, entries: [null, null] } as Day].slice(-MAX_DAYS);
  const kept = (d: string | null) => (d !== null && days.some((x) => x.day === d) ? d : null);
  return { ...state, days, starred: state.starred.filter((d) => kept(d) !== null), reading: [kept(state.reading[0]), kept(state.reading[1])] };
}

function move(state: State, seat: SeatIndex, m: Move, now: number): MoveResult<State> {
  switch (m.type) {
    case 'zone':
      return moved({ ...state, zones: { ...state.zones, seats: withSeat(state.zones.seats, seat, m.zone) } });
    case 'room-zone':
      return moved({ ...state, zones: { ...state.zones, room: { by: seat, zone: m.zone } } });
    case 'day': {
      const problem = dayProblem(state, m.day, now);
      return problem ?? moved(opened(state, m.day));
    }
    case 'answer': {
      const problem = dayProblem(state, m.day, now);
      if (problem) return problem;
      const next = opened(state, m.day);
      const today = next.days.at(-1)!;
      if (today.entries[seat]) return refuse('ALREADY_ANSWERED', "You've checked in today. Both check-ins show once the other person is in too.");
      const days = [...next.days.slice(0, -1), { ...today, entries: withSeat(today.entries, seat, { mood: m.mood, words: m.words, at: now }) }];
      return moved({ ...next, days });
    }
    case 'read': {
      if (m.day === null) return moved({ ...state, reading: withSeat(state.reading, seat, null) });
      const day = state.days.find((d) => d.day === m.day);
      if (!day || !bothIn(day)) return refuse('NOT_FOUND', 'There is no check-in from both of you on that day.');
      return moved({ ...state, reading: withSeat(state.reading, seat, m.day) });
    }
    case 'star': {
      const day = state.days.find((d) => d.day === m.day);
      if (!day || !bothIn(day)) return refuse('WRONG_PHASE', 'A day can be starred once you have both checked in.');
      const others = state.starred.filter((d) => d !== m.day);
      if (!m.starred) return moved({ ...state, starred: others });
      if (m.entries.length === 0) return refuse('BAD_REQUEST', 'There is nothing here to keep.');
      const { key, title } = starMemory(m.day);
      return moved({ ...state, starred: [...others, m.day] }, [starredMemory(key, title, m.entries)]);
    }
  }
}

const entryView = (e: Entry): EntryView => ({ mood: e.mood, words: e.words });
const pair = (d: Day): [EntryView, EntryView] => [entryView(d.entries[0]!), entryView(d.entries[1]!)];

function view(state: State, seat: SeatIndex): View {
  const latest = state.days.at(-1);
  const history = state.days.map((d) => ({
    day: d.day,
    in: [d.entries[0] !== null, d.entries[1] !== null] as [boolean, boolean],
    moods: bothIn(d) && latest && daysBetween(d.day, latest.day) < CHART_DAYS ? ([d.entries[0]!.mood, d.entries[1]!.mood] as [Sealed, Sealed]) : null,
  }));
  const read = state.days.find((d) => d.day === state.reading[seat]);
  return {
    seat,
    zones: state.zones,
    today: latest
      ? {
          day: latest.day,
          in: [latest.entries[0] !== null, latest.entries[1] !== null],
          at: [latest.entries[0]?.at ?? null, latest.entries[1]?.at ?? null],
          mine: latest.entries[seat] ? entryView(latest.entries[seat]) : null,
          both: bothIn(latest) ? pair(latest) : null,
        }
      : null,
    history,
    reading: read && read !== latest && bothIn(read) ? { day: read.day, both: pair(read) } : null,
    starred: state.starred,
  };
}

/** Each checks in privately for the current day (in turn on one shared device); once both are in, nobody is awaited. */
function awaiting(state: State): Awaiting {
  const latest = state.days.at(-1);
  const seats = ([0, 1] as const).filter((s) => !latest || latest.entries[s] === null);
  return { seats, private: seats.length > 0 };
}

/** The lobby's line about a kept check-in: structural, the count of days both checked in. */
export function summary(state: State): string | null {
  const n = state.days.filter(bothIn).length;
  return n === 0 ? null : n === 1 ? '1 check-in' : `${n} check-ins`;
}

/** A stored state from another shape is not read as this one: it starts again. */
function current(state: State): State {
  return state && Array.isArray(state.days) && state.zones && Array.isArray(state.reading) ? state : fresh();
}

export const checkIn: Activity<v.InferOutput<typeof optionsSchema>, State, Move, View, typeof info> = {
  info,
  optionsSchema,
  moveSchema,
  setup: (_options, context) => {
    const state = fresh();
    return context.zone ? { ...state, zones: { ...state.zones, room: { by: CREATOR_SEAT, zone: context.zone } } } : state;
  },
  move: (state: State, seat: SeatIndex, m: Move, ctx) => move(current(state), seat, m, ctx.now),
  view: (state: State, seat: SeatIndex) => view(current(state), seat),
  awaiting: (state: State) => awaiting(current(state)),
  // It runs across days until one ends it: never finished on its own.
  finished: () => false,
  keep: () => true,
  // Its history is the room's one history: suggesting Check-in again picks it up, never starts it over.
  resumesKept: true,
  summary: (state: State) => summary(current(state)),
};
