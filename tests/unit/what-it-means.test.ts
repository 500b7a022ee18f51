// "What intimacy means to me" on the server, called as pure functions with answers sealed by a real key:
// the partner's sealed answers never reach a view before both are done, moves of the wrong shape are
// refused with the state unchanged, stars keep what the starring browser sealed, and a state stored in
// the clear (before sealing) starts again rather than breaking.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { whatItMeans, type Entry, type Move, type StarTarget, type State } from '../../shared/activities/what-it-means/index.js';
import { memorySlot, type MoveResult } from '../../shared/activities/types.js';
import { STARTERS } from '../../shared/content/starters.js';
import { INTIMACY_KINDS } from '../../shared/intimacy.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { seededRng } from '../../shared/random.js';
import { parse } from '../../shared/schemas.js';
import { makeRoomKey } from '../../shared/sealed/seal.js';
import { fakeSealed } from '../support/sealed.js';
import { answerMoves, ratingsOf, sealFor } from '../support/what-it-means-answers.js';

const ROOM = 'seal-id-means';
const key = await makeRoomKey();
const fresh = (): State => whatItMeans.setup({}, { audience: 'partners' }, seededRng(1));
const act = (state: State, seat: SeatIndex, move: Move): MoveResult<State> => whatItMeans.move(state, seat, move, { now: 0, rng: seededRng(1) });
function must(result: MoveResult<State>): State {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.state;
}
const sentences = (words: string) => STARTERS.slice(0, 3).map((s, i) => ({ starterId: s.id, text: `${words} ${i}` }));
const movesOf = (seat: SeatIndex, words: string) =>
  answerMoves(key, ROOM, seat, { ranking: seat === 0 ? INTIMACY_KINDS : [...INTIMACY_KINDS].reverse(), ratings: ratingsOf(seat + 2, 5), sentences: sentences(words) });
const MOVES: [Move[], Move[]] = [await movesOf(0, 'ada-secret'), await movesOf(1, 'grace-secret')];
const sealedOf = (seat: SeatIndex) => MOVES[seat].map((m) => Object.values(m)[1] as string);

function finished(state: State, seat: SeatIndex): State {
  for (const move of MOVES[seat]) state = must(act(state, seat, move));
  return must(act(state, seat, { type: 'done' }));
}
const revealed = () => finished(finished(fresh(), 0), 1);

describe('answering, sealed', () => {
  it('holds each part only as the sealed text its writer sent, and the partner never receives it before both are done', () => {
    const state = finished(fresh(), 0);
    expect(state.entries[0]).toEqual({ ranking: sealedOf(0)[0], ratings: sealedOf(0)[1], sentences: sealedOf(0)[2], done: true });
    const theirs = whatItMeans.view(state, 1);
    expect(theirs).toMatchObject({ seat: 1, otherDone: true, both: null });
    for (const sealed of sealedOf(0)) expect(JSON.stringify(theirs)).not.toContain(sealed);
    expect(whatItMeans.view(state, 0).mine.ranking).toBe(sealedOf(0)[0]);
    const both = whatItMeans.view(finished(state, 1), 1);
    for (const sealed of [...sealedOf(0), ...sealedOf(1)]) expect(JSON.stringify(both.both)).toContain(sealed);
  });

  it('refuses moves that are not a well-formed sealed value of the part’s size, and Done before every part', async () => {
    const big = await sealFor(key, ROOM, 0, 'ratings', 'x'.repeat(300));
    const bad: unknown[] = [
      { type: 'rank', order: [...INTIMACY_KINDS] },
      { type: 'rank', ranking: [...INTIMACY_KINDS] },
      { type: 'rate', ratings: ratingsOf(3, 4) },
      { type: 'rate', ratings: big },
      { type: 'sentences', items: sentences('plain') },
      { type: 'sentences', sentences: 'not base64url!' },
      { type: 'sentences', sentences: fakeSealed('x').slice(0, -4) },
      { type: 'sentences', sentences: `C${fakeSealed('x').slice(1)}` },
    ];
    for (const move of bad) expect(parse(whatItMeans.moveSchema, move).ok, JSON.stringify(move).slice(0, 80)).toBe(false);
    const state = must(act(fresh(), 0, MOVES[0][0]!));
    const before = JSON.stringify(state);
    const early = act(state, 0, { type: 'done' });
    expect(early.ok ? 'ok' : early.error.code).toBe('NOT_POSSIBLE');
    expect(JSON.stringify(state)).toBe(before);
  });

  it('refuses answers after the reveal, leaving the state as it was', () => {
    const state = revealed();
    const before = JSON.stringify(state);
    const late = act(state, 0, MOVES[0][0]!);
    expect(late.ok ? 'ok' : late.error.code).toBe('WRONG_PHASE');
    expect(JSON.stringify(state)).toBe(before);
  });

  it('a state stored in the clear (before answers were sealed) starts again empty, and never reaches a view', () => {
    const plain: Entry = { ranking: [...INTIMACY_KINDS], ratings: ratingsOf(3, 4), sentences: sentences('old-plain'), done: true } as unknown as Entry;
    const old = { entries: [plain, plain], revealed: true, starred: [{ part: 'ranking' }], leaving: [true, false] } as State;
    for (const seat of [0, 1] as const) {
      const seen = whatItMeans.view(old, seat);
      expect(JSON.stringify(seen)).not.toContain('old-plain');
      expect(seen).toMatchObject({ revealed: false, both: null, mine: { ranking: null, done: false } });
    }
    expect(whatItMeans.awaiting(old)).toEqual({ seats: [0, 1], private: true });
    expect(whatItMeans.finished(old)).toBe(false);
    expect(must(act(old, 0, MOVES[0][0]!)).entries).toEqual([{ ranking: sealedOf(0)[0], ratings: null, sentences: null, done: false }, { ranking: null, ratings: null, sentences: null, done: false }]);
  });
});

describe('views', () => {
  it('no sequence of moves lets a view hold the other’s sealed values before both are done', () => {
    const step = fc.record({ seat: fc.constantFrom<SeatIndex>(0, 1), move: fc.nat(4), variant: fc.nat(1) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let state = fresh();
        for (const s of steps) {
          const move: Move =
            s.move < 3
              ? s.variant === 0
                ? MOVES[s.seat][s.move]!
                : { ...MOVES[s.seat][s.move]!, ...{ [Object.keys(MOVES[s.seat][s.move]!)[1]!]: fakeSealed(`seat ${s.seat} ${s.move}`) } } as Move
              : s.move === 3
                ? { type: 'done' }
                : { type: 'star', target: { part: 'ranking' }, starred: true, entries: [{ seat: s.seat, sealed: fakeSealed('memory') }] };
          const result = act(state, s.seat, move);
          if (result.ok) state = result.value.state;
          for (const viewer of [0, 1] as const) {
            const seen = JSON.stringify(whatItMeans.view(state, viewer));
            const partner = state.entries[viewer === 0 ? 1 : 0];
            const theirs = [partner.ranking, partner.ratings, partner.sentences].filter((x) => x !== null) as string[];
            if (!state.revealed) for (const sealed of theirs) expect(seen).not.toContain(sealed);
            else expect(theirs.every((sealed) => seen.includes(sealed))).toBe(true);
          }
        }
      }),
    );
  });
});

describe('leaving the reveal', () => {
  it('is agreed: each says when they are ready (or takes it back), only once both answers are shown', () => {
    const early = act(finished(fresh(), 0), 0, { type: 'leave', ready: true });
    expect(early.ok ? 'ok' : early.error.code).toBe('WRONG_PHASE');
    const shown = revealed();
    const one = must(act(shown, 0, { type: 'leave', ready: true }));
    expect(whatItMeans.view(one, 1).leaving).toEqual([true, false]);
    const twice = act(one, 0, { type: 'leave', ready: true });
    expect(twice.ok ? 'ok' : twice.error.code).toBe('ALREADY_READY');
    expect(must(act(one, 0, { type: 'leave', ready: false })).leaving).toEqual([false, false]);
    expect(must(act(one, 1, { type: 'leave', ready: true })).leaving).toEqual([true, true]);
  });

  it('a reveal from before this (no "leaving" yet) reads as nobody ready', () => {
    const { leaving, ...old } = revealed();
    void leaving;
    expect(whatItMeans.view(old as State, 0).leaving).toEqual([false, false]);
    expect(must(act(old as State, 1, { type: 'leave', ready: true })).leaving).toEqual([false, true]);
  });
});

describe('stars', () => {
  it('keep what the starring browser sealed, under a title that is nobody’s words; the target is all the server knows', async () => {
    const state = revealed();
    const targets: StarTarget[] = [{ part: 'ranking' }, { part: 'ratings' }, { part: 'gap', index: 0 }, { part: 'sentence', index: 2 }];
    for (const target of targets) {
      const k = `what-it-means:${'index' in target ? `${target.part}:${target.index}` : target.part}`;
      const entries = [{ seat: 1 as const, sealed: await sealFor(key, ROOM, 1, memorySlot(k), 'kept words') }];
      const result = act(state, 1, { type: 'star', target, starred: true, entries });
      if (!result.ok) throw new Error(JSON.stringify(target));
      const [memory] = result.value.memories!;
      // A gap's question is for both: Memories show it without a name.
      const forBoth = target.part === 'gap' ? { forBoth: true } : {};
      expect(memory).toEqual({ key: k, title: expect.any(String), entries: [{ seat: 1, slot: memorySlot(k), sealed: entries[0]!.sealed, ...forBoth }] });
      expect(memory!.title).not.toContain('kept');
      expect(result.value.state.starred).toContainEqual(target);
      const unstarred = must(act(result.value.state, 0, { type: 'star', target, starred: false, entries: [] }));
      expect(unstarred.starred).toEqual([]);
    }
    const refused = [
      act(state, 0, { type: 'star', target: { part: 'sentence', index: 7 }, starred: true, entries: [{ seat: 0, sealed: fakeSealed('x') }] }),
      act(state, 0, { type: 'star', target: { part: 'gap', index: 3 }, starred: true, entries: [{ seat: 0, sealed: fakeSealed('x') }] }),
      act(state, 0, { type: 'star', target: { part: 'ranking' }, starred: true, entries: [] }),
      act(finished(fresh(), 0), 0, { type: 'star', target: { part: 'ranking' }, starred: true, entries: [{ seat: 0, sealed: fakeSealed('x') }] }),
    ];
    expect(refused.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['BAD_REQUEST', 'BAD_REQUEST', 'BAD_REQUEST', 'WRONG_PHASE']);
    expect(parse(whatItMeans.moveSchema, { type: 'star', target: { part: 'ranking' }, starred: true, entries: [{ seat: 0, text: 'plain words' }] }).ok).toBe(false);
  });
});
