// Check-in days as the server and the browser both reckon them. A day is a key "YYYY-MM-DD" in the
// room's time zone; the zone is sealed, so the browser computes the key (dayIn) and the server only
// checks that it could be today somewhere on Earth (UTC−12 … UTC+14) at the moment it arrives.

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** The farthest behind and ahead of UTC any place on Earth keeps its clocks. */
const WEST_HOURS = 12;
const EAST_HOURS = 14;
const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC midnight of a day key, or null when the key is not a real date. */
export function dayStart(day: string): number | null {
  const m = DAY_KEY.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = Date.UTC(y, mo - 1, d);
  const back = new Date(at);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? at : null;
}

/** The key of the UTC date at `at`. */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The days that are today somewhere on Earth at `now`: two, at most three, consecutive keys. */
export function todaysSomewhere(now: number): { first: string; last: string } {
  return { first: utcDay(now - WEST_HOURS * HOUR_MS), last: utcDay(now + EAST_HOURS * HOUR_MS) };
}

/** Whether `day` is a real date that is today somewhere on Earth at `now`. */
export function isTodaySomewhere(day: string, now: number): boolean {
  if (dayStart(day) === null) return false;
  const { first, last } = todaysSomewhere(now);
  return day >= first && day <= last;
}

/** Whole days from `from` to `to` (both valid keys). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayStart(to)! - dayStart(from)!) / DAY_MS);
}

/** The key `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return utcDay(dayStart(day)! + n * DAY_MS);
}

/** The day key at `at` in a time zone (the browser's side); null when the zone is unknown here. */
export function dayIn(zone: string, at: number): string | null {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
    const get = (type: string) => parts.find((p) => p.type === type)?.value;
    return `${get('year')}-${get('month')}-${get('day')}`;
  } catch {
    return null;
  }
}

/** Whether a time zone name is one this device knows. */
export function knownZone(zone: string): boolean {
  return dayIn(zone, 0) !== null;
}

/** The clock time at `at` in a zone, "22:10"; null when the zone is unknown here. */
export function timeIn(zone: string, at: number): string | null {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  } catch {
    return null;
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "3 December": a day as a title says it (no one's words, so the server can make it). */
export function dayTitle(day: string): string {
  const at = dayStart(day);
  if (at === null) return day;
  const date = new Date(at);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}
