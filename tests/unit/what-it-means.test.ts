// "What intimacy means to me", called as pure functions: hidden until both are done, bad input
// refused with the state unchanged, and the gaps computed from both answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { biggestGaps, ratingsLine, whatItMeans, type Entry, type Move, type Ratings, type StarTarget, type State } from '../../shared/activities/what-it-means/index.js';
import type { MoveResult } from '../../shared/activities/types.js';
import { STARTERS } from '../../shared/content/starters.js';
import { FOUNDATIONS, INTIMACY_KINDS } from '../../shared/intimacy.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { seededRng } from '../../shared/random.js';
import { parse } from '../../shared/schemas.js';

const fresh = (): State => whatItMeans.setup({}, { audience: 'partners' }, seededRng(1));
const act = (state: State, seat: SeatIndex, move: Move): MoveResult<State> =>
  whatItMeans.move(state, seat, move, { now: 0, rng: seededRng(1) });
function must(result: MoveResult<State>): State {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.state;
}
const ratingsOf = (today: number, want: number): Ratings =>
  Object.fromEntries(FOUNDATIONS.map((f) => [f, { today, want }])) as Ratings;
const sentences = (words: string) => STARTERS.slice(0, 3).map((s, i) => ({ starterId: s.id, text: `${words} ${i}` }));

function finished(state: State, seat: SeatIndex, words: string, ratings = ratingsOf(3, 4)): State {
  state = must(act(state, seat, { type: 'rank', order: [...INTIMACY_KINDS] }));
  state = must(act(state, seat, { type: 'rate', ratings }));
  state = must(act(state, seat, { type: 'sentences', items: sentences(words) }));
  return must(act(state, seat, { type: 'done' }));
}

describe('answering', () => {
  it('nothing of mine reaches the other before both are done', () => {
    const state = finished(fresh(), 0, 'ada-secret');
    const theirs = whatItMeans.view(state, 1);
    expect(theirs.otherDone).toBe(true);
    expect(theirs.both).toBeNull();
    expect(JSON.stringify(theirs)).not.toContain('ada-secret');
    const both = whatItMeans.view(finished(state, 1, 'grace'), 1);
    expect(JSON.stringify(both.both)).toContain('ada-secret');
  });

  it('refuses a ranking that is not the five kinds once each, ratings outside 1–5, unknown starters and long sentences', () => {
    const state = fresh();
    const bad: Move[] = [
      { type: 'rank', order: ['emotional', 'emotional', 'physical', 'spiritual', 'intellectual'] },
      { type: 'rank', order: ['emotional'] },
      { type: 'sentences', items: [{ starterId: 'st-99', text: 'x' }, ...sentences('y').slice(1)] },
      { type: 'sentences', items: [...sentences('y').slice(0, 2), { starterId: STARTERS[3]!.id, text: 'x'.repeat(501) }] },
      { type: 'sentences', items: [sentences('y')[0]!, sentences('y')[0]!, sentences('y')[1]!] },
      { type: 'done' },
    ];
    for (const move of bad) {
      const result = act(state, 0, move);
      expect(result.ok, JSON.stringify(move)).toBe(false);
    }
    const outOfRange = { type: 'rate', ratings: { ...ratingsOf(3, 3), trust: { today: 6, want: 3 } } };
    expect(parse(whatItMeans.moveSchema, outOfRange)).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Ratings go from 1 to 5.' } });
    expect(parse(whatItMeans.moveSchema, { type: 'rate', ratings: ratingsOf(0, 3) }).ok).toBe(false);
    expect(parse(whatItMeans.moveSchema, { type: 'rate', ratings: ratingsOf(1, 5) }).ok).toBe(true);
  });

  it('refuses answers after the reveal, leaving the state as it was', () => {
    const state = finished(finished(fresh(), 0, 'a'), 1, 'b');
    const before = JSON.stringify(state);
    const late = act(state, 0, { type: 'rank', order: [...INTIMACY_KINDS].reverse() });
    expect(late.ok ? 'ok' : late.error.code).toBe('WRONG_PHASE');
    expect(JSON.stringify(state)).toBe(before);
  });
});

describe('gaps', () => {
  it('finds the biggest differences between the two, and between today and want', () => {
    const a: Entry = { ranking: [...INTIMACY_KINDS], ratings: ratingsOf(3, 3), sentences: null, done: true };
    const bRatings = ratingsOf(3, 3);
    bRatings.trust = { today: 1, want: 5 };
    bRatings.affection = { today: 5, want: 5 };
    const b: Entry = { ranking: [...INTIMACY_KINDS].reverse(), ratings: bRatings, sentences: null, done: true };
    const gaps = biggestGaps(a, b);
    expect(gaps).toHaveLength(3);
    expect(gaps.map((g) => [g.kind, g.about, g.size])).toEqual([
      ['want', 'trust', 4],
      ['ranked-apart', 'emotional', 4],
      ['ranked-apart', 'spiritual', 4],
    ]);
    expect(new Set(gaps.map((g) => g.about)).size).toBe(3);
  });

  it('no differences, no gaps', () => {
    const same: Entry = { ranking: [...INTIMACY_KINDS], ratings: ratingsOf(4, 4), sentences: null, done: true };
    expect(biggestGaps(same, same)).toEqual([]);
  });

  it('gaps are never smaller than a difference left out, and never repeat a subject', () => {
    const score = fc.integer({ min: 1, max: 5 });
    const ratings = fc.record(Object.fromEntries(FOUNDATIONS.map((f) => [f, fc.record({ today: score, want: score })])) as Record<string, fc.Arbitrary<{ today: number; want: number }>>);
    const ranking = fc.shuffledSubarray([...INTIMACY_KINDS], { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(ratings, ratings, ranking, ranking, (ra, rb, ka, kb) => {
        const a: Entry = { ranking: ka, ratings: ra as Ratings, sentences: null, done: true };
        const b: Entry = { ranking: kb, ratings: rb as Ratings, sentences: null, done: true };
        const gaps = biggestGaps(a, b);
        expect(gaps.length).toBeLessThanOrEqual(3);
        expect(new Set(gaps.map((g) => g.about)).size).toBe(gaps.length);
        for (let i = 1; i < gaps.length; i++) expect(gaps[i - 1]!.size).toBeGreaterThanOrEqual(gaps[i]!.size);
        const largestBetween = Math.max(...FOUNDATIONS.map((f) => Math.abs(ra[f]!.today - rb[f]!.today)));
        if (largestBetween > 0 && gaps.length < 3) expect(gaps.some((g) => g.size >= largestBetween)).toBe(true);
        if (gaps.length > 0) expect(gaps[0]!.size).toBeGreaterThanOrEqual(largestBetween);
      }),
    );
  });
});

describe('no default speaks for you', () => {
  const unsaid = (): Ratings => Object.fromEntries(FOUNDATIONS.map((f) => [f, { today: null, want: null }])) as Ratings;
  const entry = (ratings: Ratings): Entry => ({ ranking: [...INTIMACY_KINDS], ratings, sentences: null, done: true });

  it('a rating left out or null is taken as "rather not say", never as a number', () => {
    const parsed = parse(whatItMeans.moveSchema, { type: 'rate', ratings: { trust: { today: 5 }, honesty: { today: null, want: 2 } } });
    expect(parsed.ok && parsed.value.type === 'rate' && parsed.value.ratings.trust).toEqual({ today: 5, want: null });
    expect(parsed.ok && parsed.value.type === 'rate' && parsed.value.ratings.safety).toEqual({ today: null, want: null });
    const state = must(act(fresh(), 0, { type: 'rate', ratings: unsaid() }));
    expect(state.entries[0].ratings?.trust).toEqual({ today: null, want: null });
  });

  it('half a rating makes no gap: "today 5" beside an unsaid wish is not "wanting less"', () => {
    const a = unsaid();
    a.trust = { today: 5, want: null };
    const b = unsaid();
    b.trust = { today: null, want: 5 };
    expect(biggestGaps(entry(a), entry(b))).toEqual([]);
    expect(ratingsLine(a)).toBe('trust 5→not said');
    expect(ratingsLine(unsaid())).toBe('Rather not say');
  });

  it('every gap comes only from ratings both sides of it actually gave', () => {
    const said = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
    const ratings = fc.record(Object.fromEntries(FOUNDATIONS.map((f) => [f, fc.record({ today: said, want: said })])) as Record<string, fc.Arbitrary<{ today: number | null; want: number | null }>>);
    fc.assert(
      fc.property(ratings, ratings, (ra, rb) => {
        const [a, b] = [ra as Ratings, rb as Ratings];
        for (const gap of biggestGaps(entry(a), entry(b), 20)) {
          if (gap.kind === 'ranked-apart') continue;
          const f = gap.about as keyof Ratings;
          if (gap.kind === 'between') {
            expect(a[f].today !== null && b[f].today !== null).toBe(true);
            expect(gap.size).toBe(Math.abs(a[f].today! - b[f].today!));
          } else {
            const wishes = [a[f], b[f]].filter((r) => r.today !== null && r.want !== null).map((r) => r.want! - r.today!);
            expect(gap.size).toBe(Math.max(...wishes));
          }
        }
      }),
    );
  });
});

describe('views', () => {
  it('no sequence of moves lets a view hold the other’s answers before both are done', () => {
    const step = fc.record({
      seat: fc.constantFrom<SeatIndex>(0, 1),
      kind: fc.constantFrom('rank', 'rate', 'sentences', 'done', 'star'),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let state = fresh();
        for (const s of steps) {
          const words = `SECRET${s.seat}`;
          const move: Move =
            s.kind === 'rank'
              ? { type: 'rank', order: [...INTIMACY_KINDS] }
              : s.kind === 'rate'
                ? { type: 'rate', ratings: ratingsOf(2, 5) }
                : s.kind === 'sentences'
                  ? { type: 'sentences', items: sentences(words) }
                  : s.kind === 'star'
                    ? { type: 'star', target: { part: 'ranking' }, starred: true }
                    : { type: 'done' };
          const result = act(state, s.seat, move);
          if (result.ok) state = result.value.state;
          for (const viewer of [0, 1] as const) {
            const text = JSON.stringify(whatItMeans.view(state, viewer));
            if (!state.revealed) expect(text).not.toContain(`SECRET${viewer === 0 ? 1 : 0}`);
          }
        }
      }),
    );
  });
});

describe('leaving the reveal', () => {
  it('is agreed: each says when they are ready (or takes it back), only once both answers are shown', () => {
    const early = act(finished(fresh(), 0, 'a'), 0, { type: 'leave', ready: true });
    expect(early.ok ? 'ok' : early.error.code).toBe('WRONG_PHASE');
    const shown = finished(finished(fresh(), 0, 'a'), 1, 'b');
    const one = must(act(shown, 0, { type: 'leave', ready: true }));
    expect(whatItMeans.view(one, 1).leaving).toEqual([true, false]);
    const twice = act(one, 0, { type: 'leave', ready: true });
    expect(twice.ok ? 'ok' : twice.error.code).toBe('ALREADY_READY');
    expect(must(act(one, 0, { type: 'leave', ready: false })).leaving).toEqual([false, false]);
    expect(must(act(one, 1, { type: 'leave', ready: true })).leaving).toEqual([true, true]);
  });

  it('a reveal from before this (no "leaving" yet) reads as nobody ready', () => {
    const { leaving, ...old } = finished(finished(fresh(), 0, 'a'), 1, 'b');
    void leaving;
    expect(whatItMeans.view(old as State, 0).leaving).toEqual([false, false]);
    expect(must(act(old as State, 1, { type: 'leave', ready: true })).leaving).toEqual([false, true]);
  });
});

describe('stars', () => {
  it('anything revealed can be starred: rankings, foundations, a gap, a sentence', () => {
    const state = finished(finished(fresh(), 0, 'a', ratingsOf(2, 4)), 1, 'b', ratingsOf(4, 4));
    const targets: StarTarget[] = [{ part: 'ranking' }, { part: 'ratings' }, { part: 'gap', index: 0 }, { part: 'sentence', index: 2 }];
    for (const target of targets) {
      const result = act(state, 1, { type: 'star', target, starred: true });
      expect(result.ok && result.value.memories?.length, JSON.stringify(target)).toBe(1);
    }
    const ratings = act(state, 0, { type: 'star', target: { part: 'ratings' }, starred: true });
    const entry = ratings.ok ? ratings.value.memories?.[0]?.entries[0] : undefined;
    expect(entry && 'text' in entry ? entry.text : '').toContain('trust 2→4');
    expect(act(state, 0, { type: 'star', target: { part: 'sentence', index: 7 }, starred: true }).ok).toBe(false);
  });
});
