// The browser's side of check-in days: this device's time zone, a clock that ticks each half minute
// (local times, and a new day at midnight), and keepDay, which tells the room what only a browser can
// read — each person's own zone, the room's zone when none is set yet, and that a new day has begun in
// the room's zone — so the server's `awaiting` is right on a new day without a clock of its own.
import { dayIn } from '../../../shared/activities/check-in/days.js';
import type { OpenView } from '../../../shared/activities/check-in/open.js';
import { ROOM_ZONE_SLOT, ZONE_SLOT } from '../../../shared/activities/check-in/open.js';
import { ACTIVITY } from '../../../shared/activities/check-in/model.js';
import { CREATOR_SEAT, type SeatIndex } from '../../../shared/protocol.js';
import { Moves } from '../../lib/moves.svelte.js';
import { sealText } from '../../lib/sealing.js';
import { deviceZone } from '../../lib/zone.js';

export { deviceZone };

class Clock {
  now = $state(Date.now());
}
export const clock = new Clock();

/** Starts the clock; the returned function stops it (for onMount). */
export function tick(): () => void {
  const timer = setInterval(() => (clock.now = Date.now()), 30_000);
  return () => clearInterval(timer);
}

/** The zone days follow here: the room's, or this device's while the room's is not set or not readable. */
export function dayZone(view: OpenView): string {
  return view.zones.room ?? deviceZone();
}

/** Today's key in the room's zone; never older than the room's current day (a clock a little behind). */
export function todayKey(view: OpenView, at: number): string {
  const computed = dayIn(dayZone(view), at) ?? dayIn('UTC', at)!;
  return view.today && view.today.day > computed ? view.today.day : computed;
}

export async function sealZone(seat: SeatIndex, slot: string, zone: string) {
  return sealText(ACTIVITY, slot, zone, seat);
}

/**
 * Keeps the room told, for each seat on this device: its own zone when it differs from the one sealed,
 * the room's zone when none is set (from the creator's device), and the new day when the room's zone says one has begun. Each is
 * sent once per value, so a refusal (a device whose clock is far off) is not sent again and again.
 */
export function keepDay(viewOf: (seat: SeatIndex) => OpenView | null, seats: () => readonly SeatIndex[]): void {
  const sent = new Set<string>();
  const once = (key: string, send: () => Promise<unknown>) => {
    if (sent.has(key)) return;
    sent.add(key);
    void send();
  };
  const movesFor = new Map<SeatIndex, Moves<'check-in'>>();
  const moves = (seat: SeatIndex) => movesFor.get(seat) ?? movesFor.set(seat, new Moves<'check-in'>(() => seat)).get(seat)!;
  const sendZone = async (seat: SeatIndex, type: 'zone' | 'room-zone', zone: string) => {
    const sealed = await sealZone(seat, type === 'zone' ? ZONE_SLOT : ROOM_ZONE_SLOT, zone);
    if (sealed.ok) await moves(seat).send({ type, zone: sealed.value });
  };

  $effect(() => {
    const zone = deviceZone();
    const mine = seats();
    for (const seat of mine) {
      const view = viewOf(seat);
      if (view && view.zones.seats[seat] !== zone) once(`zone:${seat}:${zone}`, () => sendZone(seat, 'zone', zone));
    }
    const first = mine[0];
    if (first === undefined) return;
    const view = viewOf(first);
    if (!view) return;
    const creator = mine.includes(CREATOR_SEAT);
    // The room's zone is the creator's device's until either changes it; until it is set, only the
    // creator's device opens days, so a partner many hours ahead cannot start tomorrow for both.
    if (!view.zones.roomSet && creator) once(`room-zone:${zone}`, () => sendZone(CREATOR_SEAT, 'room-zone', zone));
    if (!view.zones.roomSet && !creator) return;
    const today = todayKey(view, clock.now);
    if (!view.today || today > view.today.day) once(`day:${today}`, () => moves(first).send({ type: 'day', day: today }));
  });
}
