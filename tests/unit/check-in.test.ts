// Check-in as pure functions: a day is accepted only when it is today somewhere on Earth and not older than
// the latest; one check-in per person per day; the partner's sealed values reach a view only for days both
// are in; the room keeps 60 days; a refused move changes nothing; and what a browser seals opens back
// (with a real key) into the words it wrote.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayIn, isTodaySomewhere, todaysSomewhere, utcDay } from '../../shared/activities/check-in/days.js';
import { checkIn, summary, type Move, type State } from '../../shared/activities/check-in/index.js';
import { checkInProblem, MAX_DAYS, readWords, writeMood, writeWords, type Words } from '../../shared/activities/check-in/model.js';
import { moodSlot, openView, starWords, wordsSlot } from '../../shared/activities/check-in/open.js';
import type { MoveResult } from '../../shared/activities/types.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { seededRng } from '../../shared/random.js';
import { parse } from '../../shared/schemas.js';
import { makeRoomKey, open, seal } from '../../shared/sealed/seal.js';
import { sealedAround } from '../support/sealed.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 3, 20, 10);
const fresh = (): State => checkIn.setup({ resume: false }, { audience: 'partners' }, seededRng(1));
const act = (state: State, seat: SeatIndex, move: unknown, now = NOW): MoveResult<State> => {
  const parsed = parse(checkIn.moveSchema, move);
  if (!parsed.ok) return parsed;
  return checkIn.move(state, seat, parsed.value as Move, { now, rng: seededRng(1) });
};
function must(result: MoveResult<State>): State {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.state;
}
const answer = (day: string, seat: SeatIndex, tag = 'x') => ({ type: 'answer', day, mood: sealedAround(`mood${seat}${tag}`), words: sealedAround(`words${seat}${tag}`, 1024) });
const both = (state: State, day: string, now = NOW) => must(act(must(act(state, 0, answer(day, 0, day.replaceAll('-', '')), now)), 1, answer(day, 1, day.replaceAll('-', '')), now));

describe('days', () => {
  it('accepts exactly the dates that are today somewhere on Earth (UTC−12 to UTC+14)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.integer({ min: -3, max: 3 }), (now, offset) => {
        const day = addDays(utcDay(now), offset);
        const somewhere = [-12, -11, -6, 0, 5.5, 9, 12.75, 14].some((h) => utcDay(now + h * HOUR) === day);
        // Every whole and odd offset in between agrees with the two ends.
        const between = Array.from({ length: 26 * 4 + 1 }, (_, i) => -12 + i / 4).some((h) => utcDay(now + h * HOUR) === day);
        expect(isTodaySomewhere(day, now)).toBe(between);
        if (somewhere) expect(isTodaySomewhere(day, now)).toBe(true);
      }),
    );
  });

  it('refuses dates that are not real dates', () => {
    for (const day of ['2026-02-30', '2026-13-01', '2026-00-10', '2026-12-32']) expect(isTodaySomewhere(day, NOW)).toBe(false);
    const refused = act(fresh(), 0, { type: 'day', day: '2026-02-30' });
    expect(refused.ok).toBe(false);
    expect(act(fresh(), 0, { type: 'day', day: '3 Dec' }).ok).toBe(false);
  });

  it('a browser in any zone computes a day the server accepts at that moment', () => {
    const zones = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Etc/GMT+12', 'Asia/Kolkata', 'America/St_Johns', 'Europe/London', 'Australia/Eucla', 'Pacific/Chatham'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (now, zone) => {
        expect(isTodaySomewhere(dayIn(zone, now)!, now)).toBe(true);
      }),
    );
  });

  it('a day the server holds a newer one than is refused, and the state is unchanged', () => {
    const state = must(act(fresh(), 0, { type: 'day', day: '2026-12-04' }));
    const older = act(state, 1, answer('2026-12-03', 1));
    expect(older.ok).toBe(false);
    if (!older.ok) expect(older.error.message).toMatch(/newer day/);
    expect(state.days.map((d) => d.day)).toEqual(['2026-12-04']);
  });

  it('a day far from today is refused with a sentence about the device clock', () => {
    const refused = act(fresh(), 0, answer('2026-12-06', 0));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/date and time/);
  });
});

describe('checking in', () => {
  it('one check-in per person per day; the other sees only that it is done, until both are in', () => {
    const state = must(act(fresh(), 0, answer('2026-12-03', 0)));
    expect(act(state, 0, answer('2026-12-03', 0, 'again')).ok).toBe(false);
    const seen = checkIn.view(state, 1);
    expect(seen.today?.in).toEqual([true, false]);
    expect(JSON.stringify(seen)).not.toContain('mood0x');
    expect(JSON.stringify(seen)).not.toContain('words0x');
    expect(checkIn.awaiting(state)).toEqual({ seats: [1], private: true });
    const done = must(act(state, 1, answer('2026-12-03', 1)));
    expect(JSON.stringify(checkIn.view(done, 1))).toContain('words0x');
    expect(checkIn.awaiting(done)).toEqual({ seats: [], private: false });
  });

  it('a new day opened by the screen makes both awaited again; a day only one was in stays closed to the other', () => {
    let state = must(act(fresh(), 0, answer('2026-12-03', 0)));
    state = must(act(state, 1, { type: 'day', day: '2026-12-04' }, NOW + DAY));
    expect(checkIn.awaiting(state)).toEqual({ seats: [0, 1], private: true });
    expect(JSON.stringify(checkIn.view(state, 1))).not.toContain('mood0x');
    // A day nobody checked in is not kept once the next one opens.
    state = must(act(state, 1, { type: 'day', day: '2026-12-05' }, NOW + 2 * DAY));
    expect(state.days.map((d) => d.day)).toEqual(['2026-12-03', '2026-12-05']);
  });

  it('keeps at most 60 days, the oldest dropped with their stars, whatever the days', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 55, maxLength: 80 }), (gaps) => {
        let state = fresh();
        let now = NOW;
        for (const gap of gaps) {
          now += gap * DAY;
          const day = utcDay(now);
          state = both(state, day, now);
          state = must(act(state, 0, { type: 'star', day, starred: true, entries: [{ seat: 0, sealed: sealedAround('m') }] }, now));
        }
        expect(state.days.length).toBe(Math.min(MAX_DAYS, gaps.length));
        expect(state.starred.every((d) => state.days.some((x) => x.day === d))).toBe(true);
        expect(summary(state)).toBe(`${state.days.length} check-ins`);
        // The view stays bounded: moods for the last 30 days at most, words for today alone.
        const view = checkIn.view(state, 0);
        expect(view.history.filter((d) => d.moods).length).toBeLessThanOrEqual(30);
        expect(view.reading).toBeNull();
      }),
      { numRuns: 30 },
    );
  });

  it('reading an earlier day shows both entries only for days both were in', () => {
    let state = both(fresh(), '2026-12-03');
    state = must(act(state, 0, answer('2026-12-04', 0), NOW + DAY));
    expect(act(state, 1, { type: 'read', day: '2026-12-04' }, NOW + DAY).ok).toBe(false);
    state = must(act(state, 1, { type: 'read', day: '2026-12-03' }, NOW + DAY));
    expect(checkIn.view(state, 1).reading?.day).toBe('2026-12-03');
    expect(checkIn.view(state, 0).reading).toBeNull();
  });

  it('stars a day both were in, titled with its date and nobody’s words', () => {
    const state = both(fresh(), '2026-12-03');
    const starred = act(state, 1, { type: 'star', day: '2026-12-03', starred: true, entries: [{ seat: 0, sealed: sealedAround('m0') }, { seat: 1, sealed: sealedAround('m1') }] });
    expect(starred.ok && starred.value.memories?.[0]?.title).toBe('Check-in, 3 December');
    expect(act(must(act(fresh(), 0, answer('2026-12-03', 0))), 0, { type: 'star', day: '2026-12-03', starred: true, entries: [{ seat: 0, sealed: sealedAround('m') }] }).ok).toBe(false);
  });

  it('is kept when ended, and says how many check-ins in the lobby', () => {
    expect(checkIn.keep?.(fresh())).toBe(true);
    expect(summary(fresh())).toBeNull();
    expect(summary(both(fresh(), '2026-12-03'))).toBe('1 check-in');
  });
});

describe('in the browser', () => {
  const words: Words = { high: 'a walk by the river', low: 'the train was late', need: '', thanks: 'for the soup' };

  it('checks a check-in before sealing, with a sentence for each problem', () => {
    expect(checkInProblem(null, words)).toMatch(/how today felt/);
    expect(checkInProblem(3, { ...words, high: ' ' })).toMatch(/high/);
    expect(checkInProblem(3, { ...words, low: '' })).toMatch(/low/);
    expect(checkInProblem(3, { ...words, need: 'x'.repeat(201) })).toMatch(/200/);
    expect(checkInProblem(3, words)).toBeNull();
  });

  it('the longest words of any characters fit their bucket', () => {
    fc.assert(
      fc.property(fc.constantFrom('"', '\\', '\n', 'é', '中', '😀'), (ch) => {
        const big = { high: ch.repeat(280 / ch.length), low: ch.repeat(280 / ch.length), need: ch.repeat(200 / ch.length), thanks: ch.repeat(200 / ch.length) };
        expect(new TextEncoder().encode(writeWords(big)).length + 4).toBeLessThanOrEqual(4096);
        expect(readWords(writeWords(big))).toEqual({ high: big.high.trim(), low: big.low.trim(), need: big.need.trim(), thanks: big.thanks.trim() });
      }),
    );
  });

  it('opens both entries sealed with a real key, and a star keeps both as text', async () => {
    const key = await makeRoomKey();
    const ROOM = 'seal-id-check-in-test1';
    const sealFor = async (seat: SeatIndex, slot: string, text: string) => {
      const r = await seal(key, { room: ROOM, seat, activity: 'check-in', slot }, text);
      if (!r.ok) throw new Error('seal');
      return r.value;
    };
    const day = '2026-12-03';
    let state = fresh();
    for (const seat of [0, 1] as const) {
      const move = { type: 'answer', day, mood: await sealFor(seat, moodSlot(day), writeMood(seat === 0 ? 4 : 2)), words: await sealFor(seat, wordsSlot(day), writeWords(words)) };
      state = must(act(state, seat, move));
    }
    const opened = await openView(checkIn.view(state, 0), async (at, sealed) => {
      const r = await open(key, { room: ROOM, ...at }, sealed);
      return r.ok ? r.value : null;
    });
    expect(opened.today?.both?.map((e) => e.mood)).toEqual([4, 2]);
    expect(opened.history[0]?.moods).toEqual([4, 2]);
    expect(starWords(opened.today!.both!)[1]?.text).toContain('A low: the train was late');
    // A value moved to another day's slot does not open.
    const moved = { ...checkIn.view(state, 0), history: [{ day: '2026-12-02', in: [true, true] as [boolean, boolean], moods: checkIn.view(state, 0).history[0]!.moods }] };
    const wrong = await openView(moved, async (at, sealed) => ((await open(key, { room: ROOM, ...at }, sealed)) as { ok: boolean; value?: string }).value ?? null);
    expect(wrong.history[0]?.moods).toEqual([null, null]);
  });

  it('todaysSomewhere spans two or three days', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), (now) => {
      const { first, last } = todaysSomewhere(now);
      expect([addDays(first, 1), addDays(first, 2)]).toContain(last);
    }));
  });
});
