// How the check-in's view opens in the browser (shared/activities/opened.ts): each mood and each day's
// words opened where their writer sealed them (this activity, `mood:<day>` / `words:<day>`, the writer's
// seat) and read strictly, the zones likewise. A value that does not open reads as null, and the
// screen says "Couldn't read this." for it while the rest works.
import type { SeatIndex } from '../../core.js';
import { MOODS, PROMPTS } from '../../content/check-in.js';
import type { Opener } from '../../sealed/opener.js';
import type { Sealed } from '../../sealed/shape.js';
import type { EntryView, SealedZone, View } from './index.js';
import { ACTIVITY, readMood, readWords, zoneProblem, type Mood, type Words } from './model.js';

export const moodSlot = (day: string) => `mood:${day}`;
export const wordsSlot = (day: string) => `words:${day}`;
export const ZONE_SLOT = 'zone';
export const ROOM_ZONE_SLOT = 'room-zone';

/** One person's check-in opened: null where a value did not open or read. */
export interface OpenEntry {
  mood: Mood | null;
  words: Words | null;
}

export interface OpenView {
  seat: SeatIndex;
  /** The room's zone and each person's own, as names; null when not set yet or not readable (roomSet tells which). */
  zones: { room: string | null; roomSet: boolean; seats: [string | null, string | null] };
  today: { day: string; in: [boolean, boolean]; at: [number | null, number | null]; mine: OpenEntry | null; both: [OpenEntry, OpenEntry] | null } | null;
  history: { day: string; in: [boolean, boolean]; moods: [Mood | null, Mood | null] | null }[];
  reading: { day: string; both: [OpenEntry, OpenEntry] } | null;
  starred: string[];
}

async function openMood(open: Opener, day: string, seat: SeatIndex, sealed: Sealed): Promise<Mood | null> {
  const text = await open({ activity: ACTIVITY, slot: moodSlot(day), seat }, sealed);
  return text === null ? null : readMood(text);
}

async function openEntry(open: Opener, day: string, seat: SeatIndex, entry: EntryView): Promise<OpenEntry> {
  const [mood, words] = await Promise.all([
    openMood(open, day, seat, entry.mood),
    open({ activity: ACTIVITY, slot: wordsSlot(day), seat }, entry.words),
  ]);
  return { mood, words: words === null ? null : readWords(words) };
}

const openPair = (open: Opener, day: string, both: [EntryView, EntryView]) =>
  Promise.all([openEntry(open, day, 0, both[0]), openEntry(open, day, 1, both[1])]) as Promise<[OpenEntry, OpenEntry]>;

async function openZone(open: Opener, slot: string, seat: SeatIndex, sealed: Sealed | null): Promise<string | null> {
  if (sealed === null) return null;
  const text = await open({ activity: ACTIVITY, slot, seat }, sealed);
  return text !== null && zoneProblem(text) === null ? text : null;
}

export async function openView(view: View, open: Opener): Promise<OpenView> {
  const room: SealedZone | null = view.zones.room;
  const [roomZone, zone0, zone1, today, history, reading] = await Promise.all([
    room ? openZone(open, ROOM_ZONE_SLOT, room.by, room.zone) : null,
    openZone(open, ZONE_SLOT, 0, view.zones.seats[0]),
    openZone(open, ZONE_SLOT, 1, view.zones.seats[1]),
    view.today
      ? (async () => {
          const t = view.today!;
          const [mine, both] = await Promise.all([t.mine ? openEntry(open, t.day, view.seat, t.mine) : null, t.both ? openPair(open, t.day, t.both) : null]);
          return { day: t.day, in: t.in, at: t.at, mine, both };
        })()
      : null,
    Promise.all(
      view.history.map(async (d) => ({
        day: d.day,
        in: d.in,
        moods: d.moods ? ((await Promise.all([openMood(open, d.day, 0, d.moods[0]), openMood(open, d.day, 1, d.moods[1])])) as [Mood | null, Mood | null]) : null,
      })),
    ),
    view.reading ? openPair(open, view.reading.day, view.reading.both).then((both) => ({ day: view.reading!.day, both })) : null,
  ]);
  return { seat: view.seat, zones: { room: roomZone, roomSet: room !== null, seats: [zone0, zone1] }, today, history, reading, starred: view.starred };
}

/** A mood's word ("Good"). */
export function moodWord(mood: Mood | null): string {
  return MOODS.find((m) => m.value === mood)?.word ?? "Couldn't read this.";
}

/** What a starred day keeps in Memories for one person: their mood and words as lines (the browser seals them). */
export function entryText(entry: OpenEntry): string | null {
  if (entry.mood === null && entry.words === null) return null;
  const lines = [`Mood: ${moodWord(entry.mood)}`];
  if (entry.words) {
    for (const prompt of PROMPTS) {
      const text = entry.words[prompt.field];
      if (text) lines.push(`${prompt.label}: ${text}`);
    }
  }
  return lines.join('\n');
}

/** The words a star of a day keeps, one per person whose entry could be read. */
export function starWords(both: [OpenEntry, OpenEntry]): { seat: SeatIndex; text: string }[] {
  return ([0, 1] as const).flatMap((seat) => {
    const text = entryText(both[seat]);
    return text ? [{ seat, text }] : [];
  });
}
