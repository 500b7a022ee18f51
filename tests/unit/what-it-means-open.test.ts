// "What intimacy means to me" in the browser: what it checks before sealing (what the server checked
// before rooms were sealed), how each part is written and read back, the view opened with a real key,
// the gaps and what a star keeps computed from the opened answers, and a part that does not open
// reading as "Couldn't read this." while the rest of the reveal still works.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  biggestGaps,
  checkSentences,
  rankingProblem,
  ratingsLine,
  ratingsProblem,
  readRanking,
  readRatings,
  readSentences,
  writeRatings,
  writeSentences,
  type Answers,
  type Ratings,
} from '../../shared/activities/what-it-means/answers.js';
import { starMemory, whatItMeans, type Move, type State } from '../../shared/activities/what-it-means/index.js';
import { memorySlot } from '../../shared/activities/types.js';
import { openMemories } from '../../shared/opened-room.js';
import { openView, starWords } from '../../shared/activities/what-it-means/open.js';
import { STARTERS } from '../../shared/content/starters.js';
import { FOUNDATIONS, INTIMACY_KINDS } from '../../shared/intimacy.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { seededRng } from '../../shared/random.js';
import { makeRoomKey } from '../../shared/sealed/seal.js';
import { fakeSealed } from '../support/sealed.js';
import { answerMoves, openerFor, ratingsOf, sealFor } from '../support/what-it-means-answers.js';

const ROOM = 'seal-id-means';
const sentences = (words: string) => STARTERS.slice(0, 3).map((s, i) => ({ starterId: s.id, text: `${words} ${i}` }));
const unsaid = (): Ratings => ratingsOf(null, null);

describe('what the browser checks before sealing', () => {
  it('a ranking must be the five kinds once each', () => {
    expect(rankingProblem([...INTIMACY_KINDS].reverse())).toBeNull();
    expect(rankingProblem(['emotional', 'emotional', 'physical', 'spiritual', 'intellectual'])).toMatch(/five kinds/);
    expect(rankingProblem(['emotional'])).toMatch(/five kinds/);
  });

  it('ratings go from 1 to 5, or are left unsaid', () => {
    expect(ratingsProblem(ratingsOf(1, 5))).toBeNull();
    expect(ratingsProblem(unsaid())).toBeNull();
    expect(ratingsProblem({ ...ratingsOf(3, 3), trust: { today: 6, want: 3 } })).toBe('Ratings go from 1 to 5.');
    expect(ratingsProblem(ratingsOf(0, 3))).toBe('Ratings go from 1 to 5.');
  });

  it('one to three sentences with different known starters, each within 500 characters (trimmed); one left empty is left out', () => {
    const ok = checkSentences(sentences('words').map((s) => ({ ...s, text: `  ${s.text}\n` })));
    expect(ok.ok && ok.value[0]!.text).toBe('words 0');
    // Each sentence is optional: the empty ones are left out, in order, and one finished is enough.
    const some = checkSentences([{ ...sentences('y')[0]!, text: ' ' }, sentences('y')[1]!, { ...sentences('y')[2]!, text: '' }]);
    expect(some).toEqual({ ok: true, value: [sentences('y')[1]] });
    expect(checkSentences(sentences('y').slice(0, 2))).toEqual({ ok: true, value: sentences('y').slice(0, 2) });
    const problems = [
      [{ starterId: 'st-99', text: 'x' }, ...sentences('y').slice(1)],
      [...sentences('y').slice(0, 2), { starterId: STARTERS[3]!.id, text: 'x'.repeat(501) }],
      [sentences('y')[0]!, sentences('y')[0]!, sentences('y')[1]!],
      sentences('y').map((s) => ({ ...s, text: ' \n ' })),
      [],
      [...sentences('y'), { starterId: STARTERS[3]!.id, text: 'x' }],
    ].map((items) => {
      const checked = checkSentences(items);
      return checked.ok ? 'ok' : checked.problem;
    });
    expect(problems).toEqual([
      'Unknown sentence starter.',
      'Each sentence can be up to 500 characters.',
      'Begin each sentence a different way.',
      'Finish at least one sentence.',
      'Finish at least one sentence.',
      'Up to 3 sentences.',
    ]);
  });

  it('whatever is typed into the three sentences, what is kept reads back the same once sealed, and is never empty', () => {
    const text = fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(fc.tuple(text, text, text), (texts) => {
        const checked = checkSentences(texts.map((t, i) => ({ starterId: STARTERS[i]!.id, text: t })));
        const finished = texts.filter((t) => t.trim().length > 0);
        expect(checked.ok).toBe(finished.length > 0);
        if (!checked.ok) return;
        expect(checked.value.map((v) => v.text)).toEqual(finished.map((t) => t.trim()));
        expect(readSentences(writeSentences(checked.value))).toEqual(checked.value);
      }),
    );
  });
});

describe('each part as it is sealed', () => {
  it('ratings read back as given, an unsaid one staying null, and always the same length however many are unsaid', () => {
    const said = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
    const ratings = fc.record(Object.fromEntries(FOUNDATIONS.map((f) => [f, fc.record({ today: said, want: said })])) as Record<string, fc.Arbitrary<{ today: number | null; want: number | null }>>);
    fc.assert(
      fc.property(ratings, (r) => {
        const text = writeRatings(r as Ratings);
        expect(readRatings(text)).toEqual(r);
        expect(text.length).toBe(writeRatings(ratingsOf(1, 1)).length);
      }),
    );
  });

  it('reads strictly: anything but a well-formed part reads as nothing', () => {
    for (const text of ['', 'nope', '[1,2]', JSON.stringify(['emotional']), JSON.stringify([...INTIMACY_KINDS, 'emotional'])]) expect(readRanking(text)).toBeNull();
    for (const text of ['', '{}', JSON.stringify(Array(14).fill(6)), JSON.stringify(Array(13).fill(1)), JSON.stringify(Array(14).fill('1'))]) expect(readRatings(text)).toBeNull();
    for (const text of ['', '[]', '[{}]', writeSentences([{ starterId: STARTERS[0]!.id, text: ' ' }]), writeSentences([{ starterId: STARTERS[0]!.id, text: ' padded ' }]), writeSentences([{ starterId: 'st-99', text: 'a' }, ...sentences('x').slice(1)])]) {
      expect(readSentences(text)).toBeNull();
    }
    expect(readSentences(writeSentences(sentences('kept')))).toEqual(sentences('kept'));
  });
});

describe('gaps', () => {
  const answers = (ranking: Answers['ranking'], ratings: Ratings | null): Answers => ({ ranking, ratings, sentences: null });

  it('finds the biggest differences between the two, and between today and want', () => {
    const bRatings = ratingsOf(3, 3);
    bRatings.trust = { today: 1, want: 5 };
    bRatings.affection = { today: 5, want: 5 };
    const gaps = biggestGaps(answers([...INTIMACY_KINDS], ratingsOf(3, 3)), answers([...INTIMACY_KINDS].reverse(), bRatings));
    expect(gaps.map((g) => [g.kind, g.about, g.size])).toEqual([
      ['want', 'trust', 4],
      ['ranked-apart', 'emotional', 4],
      ['ranked-apart', 'spiritual', 4],
    ]);
  });

  it('no differences, no gaps', () => {
    const same = answers([...INTIMACY_KINDS], ratingsOf(4, 4));
    expect(biggestGaps(same, same)).toEqual([]);
  });

  it('gaps are never smaller than a difference left out, and never repeat a subject', () => {
    const score = fc.integer({ min: 1, max: 5 });
    const ratings = fc.record(Object.fromEntries(FOUNDATIONS.map((f) => [f, fc.record({ today: score, want: score })])) as Record<string, fc.Arbitrary<{ today: number; want: number }>>);
    const ranking = fc.shuffledSubarray([...INTIMACY_KINDS], { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(ratings, ratings, ranking, ranking, (ra, rb, ka, kb) => {
        const gaps = biggestGaps(answers(ka, ra as Ratings), answers(kb, rb as Ratings));
        expect(gaps.length).toBeLessThanOrEqual(3);
        expect(new Set(gaps.map((g) => g.about)).size).toBe(gaps.length);
        for (let i = 1; i < gaps.length; i++) expect(gaps[i - 1]!.size).toBeGreaterThanOrEqual(gaps[i]!.size);
        const largestBetween = Math.max(...FOUNDATIONS.map((f) => Math.abs(ra[f]!.today - rb[f]!.today)));
        if (gaps.length > 0) expect(gaps[0]!.size).toBeGreaterThanOrEqual(largestBetween);
      }),
    );
  });

  it('half a rating makes no gap, and every gap comes only from ratings both sides of it gave', () => {
    const a = unsaid();
    a.trust = { today: 5, want: null };
    const b = unsaid();
    b.trust = { today: null, want: 5 };
    expect(biggestGaps(answers(null, a), answers(null, b))).toEqual([]);
    expect(ratingsLine(a)).toBe('trust 5→not said');
    expect(ratingsLine(unsaid())).toBe('Rather not say');
    const said = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
    const ratings = fc.record(Object.fromEntries(FOUNDATIONS.map((f) => [f, fc.record({ today: said, want: said })])) as Record<string, fc.Arbitrary<{ today: number | null; want: number | null }>>);
    fc.assert(
      fc.property(ratings, ratings, (ra, rb) => {
        const [x, y] = [ra as Ratings, rb as Ratings];
        for (const gap of biggestGaps(answers(null, x), answers(null, y), 20)) {
          const f = gap.about as keyof Ratings;
          if (gap.kind === 'between') expect(gap.size).toBe(Math.abs(x[f].today! - y[f].today!));
          else expect(gap.size).toBe(Math.max(...[x[f], y[f]].filter((r) => r.today !== null && r.want !== null).map((r) => r.want! - r.today!)));
        }
      }),
    );
  });
});

describe('the view, opened with the room key', async () => {
  const key = await makeRoomKey();
  const open = openerFor(key, ROOM);
  const act = (state: State, seat: SeatIndex, move: Move) => {
    const result = whatItMeans.move(state, seat, move, { now: 0, rng: seededRng(1) });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.state;
  };
  const bRatings = { ...ratingsOf(3, 3), trust: { today: 1, want: 5 }, honesty: { today: null, want: null } };
  async function play(moves: [Move[], Move[]]): Promise<State> {
    let state = whatItMeans.setup({}, { audience: 'partners' }, seededRng(1));
    for (const seat of [0, 1] as const) {
      for (const move of moves[seat]) state = act(state, seat, move);
      state = act(state, seat, { type: 'done' });
    }
    return state;
  }
  const honest = async (): Promise<[Move[], Move[]]> => [
    await answerMoves(key, ROOM, 0, { ranking: INTIMACY_KINDS, ratings: ratingsOf(3, 3), sentences: sentences('ada-canary') }),
    await answerMoves(key, ROOM, 1, { ranking: [...INTIMACY_KINDS].reverse(), ratings: bRatings, sentences: sentences('grace-canary') }),
  ];

  it('before the reveal: my own answers open, nothing of theirs is there, and no gaps', async () => {
    let state = whatItMeans.setup({}, { audience: 'partners' }, seededRng(1));
    for (const move of (await honest())[0]) state = act(state, 0, move);
    const mine = await openView(whatItMeans.view(state, 0), open);
    expect(mine.mine).toEqual({ ranking: [...INTIMACY_KINDS], ratings: ratingsOf(3, 3), sentences: sentences('ada-canary'), done: false, unreadable: [] });
    expect(mine.both).toBeNull();
    expect(mine.gaps).toEqual([]);
    const theirs = await openView(whatItMeans.view(state, 1), open);
    expect(theirs.mine).toMatchObject({ ranking: null, ratings: null, sentences: null, unreadable: [] });
  });

  it('after the reveal: both answers side by side, the gaps from them, and what each star keeps', async () => {
    const view = await openView(whatItMeans.view(await play(await honest()), 1), open);
    expect(view.both![0].sentences).toEqual(sentences('ada-canary'));
    expect(view.both![1]).toEqual({ ranking: [...INTIMACY_KINDS].reverse(), ratings: bRatings, sentences: sentences('grace-canary'), done: true, unreadable: [] });
    expect(view.gaps.map((g) => [g.kind, g.about, g.size])).toEqual([
      ['want', 'trust', 4],
      ['ranked-apart', 'emotional', 4],
      ['ranked-apart', 'spiritual', 4],
    ]);
    expect(starWords(view, { part: 'ranking' })).toEqual([
      { seat: 0, text: 'emotional › intellectual › physical › experiential › spiritual' },
      { seat: 1, text: 'spiritual › experiential › physical › intellectual › emotional' },
    ]);
    expect(starWords(view, { part: 'ratings' })[1]!.text).toContain('trust 1→5');
    expect(starWords(view, { part: 'ratings' })[1]!.text).not.toContain('honesty');
    expect(starWords(view, { part: 'sentence', index: 2 }).map((w) => w.text)).toEqual([
      `${STARTERS[2]!.text.replace(/…$/, '')} ada-canary 2`,
      `${STARTERS[2]!.text.replace(/…$/, '')} grace-canary 2`,
    ]);
    // A question is for both: kept once, under the seat that starred it, and opened as one for both.
    expect(starWords(view, { part: 'gap', index: 0 })).toEqual([{ seat: 1, text: view.gaps[0]!.prompt }]);
    const { key: memoryKey } = starMemory({ part: 'gap', index: 0 });
    const starred = whatItMeans.move(await play(await honest()), 1, {
      type: 'star',
      target: { part: 'gap', index: 0 },
      starred: true,
      entries: [{ seat: 1, sealed: await sealFor(key, ROOM, 1, memorySlot(memoryKey), view.gaps[0]!.prompt) }],
    }, { now: 0, rng: seededRng(1) });
    if (!starred.ok) throw new Error(starred.error.message);
    const made = starred.value.memories![0]!;
    const [kept] = await openMemories([{ id: made.key, activity: 'what-it-means', at: 0, title: made.title, entries: made.entries }], open);
    expect(kept!.entries).toEqual([{ seat: 1, text: view.gaps[0]!.prompt, forBoth: true }]);
    expect(starWords(view, { part: 'gap', index: 5 })).toEqual([]);
  });

  it('a garbage or moved blob reads as unreadable in its part only; the rest of the reveal, gaps included, still works', async () => {
    const [a, b] = await honest();
    const gracesRanking = (b[0] as { ranking: string }).ranking;
    const broken: [Move[], Move[]] = [
      [
        // Seat 0's ranking sealed for the sentences slot, and garbage for its ratings.
        { type: 'rank', ranking: await sealFor(key, ROOM, 0, 'sentences', JSON.stringify(INTIMACY_KINDS)) },
        { type: 'rate', ratings: fakeSealed('garbage') },
        a[2]!,
      ],
      // Seat 1's sentences sealed for another room; its ranking replayed into seat 0 below.
      [b[0]!, b[1]!, { type: 'sentences', sentences: await sealFor(key, 'another-room', 1, 'sentences', writeSentences(sentences('elsewhere'))) }],
    ];
    const view = await openView(whatItMeans.view(await play(broken), 0), open);
    expect(view.both![0]).toMatchObject({ ranking: null, ratings: null, sentences: sentences('ada-canary'), unreadable: ['ranking', 'ratings'] });
    expect(view.both![1]).toMatchObject({ ranking: [...INTIMACY_KINDS].reverse(), ratings: bRatings, sentences: null, unreadable: ['sentences'] });
    expect(view.gaps).toEqual([]);
    expect(starWords(view, { part: 'ranking' })).toEqual([{ seat: 1, text: 'spiritual › experiential › physical › intellectual › emotional' }]);
    expect(starWords(view, { part: 'sentence', index: 0 }).map((w) => w.seat)).toEqual([0]);
    // The other seat's blob in my place does not open either.
    const replayed = await openView(whatItMeans.view(await play([[{ type: 'rank', ranking: gracesRanking }, a[1]!, a[2]!], b]), 1), open);
    expect(replayed.both![0].unreadable).toEqual(['ranking']);
    expect(replayed.both![0].ratings).toEqual(ratingsOf(3, 3));
  });
});
