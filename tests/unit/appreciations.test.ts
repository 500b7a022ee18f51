// Appreciations as pure rules, with values sealed by a real key: the starters' shape; the reading order
// takes turns and holds each appreciation once; nothing of the partner's arrives before both have
// written, and no card before its turn; only the one it was written for answers it; stars keep what the
// starring browser sealed; and what the browser seals (padded, strict to read back) opens as written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appreciations, starMemory, takingTurns, type Move, type State } from '../../shared/activities/appreciations/index.js';
import {
  ANSWER_BUCKET,
  answerSlot,
  APPRECIATION_MAX,
  checkAppreciations,
  itemSlot,
  readAnswer,
  readAppreciation,
  writeAnswer,
  writeAppreciation,
} from '../../shared/activities/appreciations/model.js';
import { everyRead, openView, starWords } from '../../shared/activities/appreciations/open.js';
import { memorySlot, type MoveResult } from '../../shared/activities/types.js';
import { openMemories } from '../../shared/opened-room.js';
import { APPRECIATION_KINDS, APPRECIATION_STARTERS, KIND_NAMES, startersFor } from '../../shared/content/appreciations.js';
import { other, type Audience, type SeatIndex } from '../../shared/core.js';
import { seededRng } from '../../shared/random.js';
import { parse } from '../../shared/schemas.js';
import { makeRoomKey, SEALED_SIZES, fromBase64Url } from '../../shared/sealed/seal.js';
import { fakeSealed } from '../support/sealed.js';
import { nearDuplicates } from '../support/similarity.js';
import { openerFor, sealFor } from '../support/what-it-means-answers.js';

const ACTIVITY = 'appreciations';
const ROOM = 'seal-id-appreciate';
const key = await makeRoomKey();
const AUDIENCES: Audience[] = ['partners', 'friends', 'family'];

const fresh = (seed = 1, audience: Audience = 'partners'): State => appreciations.setup({}, { audience }, seededRng(seed));
const act = (state: State, seat: SeatIndex, move: Move, seed = 1): MoveResult<State> => appreciations.move(state, seat, move, { now: 0, rng: seededRng(seed) });
function must(result: MoveResult<State>): State {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.state;
}
const codeOf = (result: MoveResult<State>) => (result.ok ? 'ok' : result.error.code);

/** A seat's appreciations sealed as its browser seals them, for this game's slots. */
async function written(state: State, seat: SeatIndex, texts: string[]): Promise<string[]> {
  return Promise.all(texts.map((t, i) => sealFor(key, ROOM, seat, itemSlot(state.game, i), writeAppreciation(t), ACTIVITY)));
}
async function shared(state: State, counts: [number, number], seed = 1): Promise<State> {
  for (const seat of [0, 1] as const) {
    const texts = Array.from({ length: counts[seat] }, (_, i) => `secret-${seat}-${i}`);
    state = must(act(state, seat, { type: 'share', items: await written(state, seat, texts) }, seed));
  }
  return state;
}
async function answerNow(state: State, answer: 'felt' | 'more' | 'keep' = 'felt'): Promise<State> {
  const at = state.order.findIndex((t) => t.answer === null);
  const turn = state.order[at]!;
  const to = turn.from === 0 ? 1 : 0;
  const sealed = await sealFor(key, ROOM, to, answerSlot(state.game, turn.from, turn.index), writeAnswer(answer), ACTIVITY);
  return must(act(state, to, { type: 'answer', at, answer: sealed }));
}

describe('the starters', () => {
  it('are at least 20, with unique ids in order, ending in "…", and no two alike', () => {
    expect(APPRECIATION_STARTERS.length).toBeGreaterThanOrEqual(20);
    const ids = APPRECIATION_STARTERS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(ids.map((_, i) => `ap-${String(i + 1).padStart(2, '0')}`));
    const texts = APPRECIATION_STARTERS.map((s) => s.text);
    expect(new Set(texts.map((t) => t.toLowerCase())).size).toBe(texts.length);
    for (const s of APPRECIATION_STARTERS) {
      expect(s.text, s.id).toMatch(/^\p{Lu}.*…$/u);
      expect(s.text.length, s.id).toBeLessThanOrEqual(60);
      expect(s.text.trim(), s.id).toBe(s.text);
      expect(APPRECIATION_KINDS, s.id).toContain(s.kind);
      expect(s.audiences.length, s.id).toBeGreaterThan(0);
    }
    expect(nearDuplicates(APPRECIATION_STARTERS)).toEqual([]);
  });

  it('give every pair (partners, friends, family) at least four of each kind, each kind with a name', () => {
    for (const audience of AUDIENCES) {
      for (const kind of APPRECIATION_KINDS) {
        expect(startersFor(audience).filter((s) => s.kind === kind).length, `${audience} ${kind}`).toBeGreaterThanOrEqual(4);
        expect(KIND_NAMES[kind].trim()).not.toBe('');
      }
    }
  });
});

describe('the reading order', () => {
  it('holds each appreciation once, starts with the one drawn, and takes turns while both have some left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom<SeatIndex>(0, 1), (a, b, first) => {
        const order = takingTurns([a, b], first);
        expect(order).toHaveLength(a + b);
        expect(order[0]!.from).toBe(first);
        for (const seat of [0, 1] as const) expect(order.filter((t) => t.from === seat).map((t) => t.index)).toEqual([...Array([a, b][seat]).keys()]);
        const alternating = 2 * Math.min(a, b);
        for (let i = 1; i < alternating; i++) expect(order[i]!.from).not.toBe(order[i - 1]!.from);
        expect(order.every((t) => t.answer === null)).toBe(true);
      }),
    );
  });

  it('one wrote one and the other three: after the turn each, the rest of the three', async () => {
    const state = await shared(fresh(), [1, 3]);
    expect(state.order.map((t) => `${t.from}:${t.index}`)).toEqual(state.order[0]!.from === 0 ? ['0:0', '1:0', '1:1', '1:2'] : ['1:0', '0:0', '1:1', '1:2']);
  });
});

describe('writing, sealed', () => {
  it('nothing of the partner’s reaches a view before both have written, then only one card at a time', async () => {
    let state = fresh();
    const mine = await written(state, 0, ['ada 1', 'ada 2']);
    state = must(act(state, 0, { type: 'share', items: mine }));
    const theirs = appreciations.view(state, 1);
    expect(theirs).toMatchObject({ otherDone: true, total: 0, cards: [] });
    for (const sealed of mine) expect(JSON.stringify(theirs)).not.toContain(sealed);
    expect(appreciations.view(state, 0).mine.items).toEqual(mine);
    expect(appreciations.awaiting(state)).toEqual({ seats: [1], private: true });

    state = must(act(state, 1, { type: 'share', items: await written(state, 1, ['grace 1', 'grace 2']) }));
    for (let read = 0; read < 4; read++) {
      for (const viewer of [0, 1] as const) {
        const seen = JSON.stringify(appreciations.view(state, viewer).cards);
        state.order.forEach((t, at) => expect(seen.includes(state.writers[t.from].items[t.index]!), `card ${at} after ${read}`).toBe(at <= read));
      }
      const turn = state.order[read]!;
      expect(appreciations.awaiting(state)).toEqual({ seats: [turn.from === 0 ? 1 : 0], private: false });
      state = await answerNow(state);
    }
    expect(appreciations.awaiting(state)).toEqual({ seats: [], private: false });
    expect(appreciations.finished(state)).toBe(true);
  });

  it('refuses what is not one to three well-formed sealed values of their size, and a second share; the state stays as it was', async () => {
    const state = fresh();
    const bad: unknown[] = [
      { type: 'share', items: [] },
      { type: 'share', items: ['plain words'] },
      { type: 'share', items: [fakeSealed('a'), fakeSealed('b'), fakeSealed('c'), fakeSealed('d')] },
      { type: 'share', items: [await sealFor(key, ROOM, 0, itemSlot(state.game, 0), 'x'.repeat(5000), ACTIVITY)] },
      { type: 'share', text: 'plain' },
      { type: 'answer', at: 0, answer: 'felt' },
      { type: 'answer', at: 0, answer: await sealFor(key, ROOM, 0, 'a', 'x'.repeat(100), ACTIVITY) },
      { type: 'aloud', at: 9, on: true },
    ];
    for (const move of bad) {
      const parsed = parse(appreciations.moveSchema, move);
      expect(parsed.ok, JSON.stringify(move).slice(0, 80)).toBe(false);
      if (!parsed.ok) expect(parsed.error.message.length).toBeGreaterThan(10);
    }
    const said = (move: unknown) => {
      const parsed = parse(appreciations.moveSchema, move);
      return parsed.ok ? 'accepted' : parsed.error.message;
    };
    expect(said({ type: 'share', items: [] })).toBe('Write at least one appreciation.');
    expect(said({ type: 'share', items: 'words' })).toBe('Appreciations come as a list of sealed values.');
    expect(said({ type: 'share', items: ['plain words'] })).toBe('A sealed value must be base64url text.');
    expect(said({ type: 'aloud', at: 9, on: true })).toBe('There is no appreciation there.');
    expect(said({ type: 'leave', ready: 'yes' })).toBe('Say yes or no (true or false).');
    expect(said({ type: 'hug' })).toBe('That is not something Appreciations knows how to do.');
    const once = must(act(state, 0, { type: 'share', items: [fakeSealed('one')] }));
    const before = JSON.stringify(once);
    const again = act(once, 0, { type: 'share', items: [fakeSealed('two')] });
    expect(codeOf(again)).toBe('ALREADY_ANSWERED');
    expect(!again.ok && again.error.message).toBe('Yours are in. Waiting for the other person.');
    for (const early of [
      act(once, 1, { type: 'answer', at: 0, answer: fakeSealed('felt') }),
      act(once, 1, { type: 'aloud', at: 0, on: true }),
      act(once, 1, { type: 'star', at: 0, starred: true, entries: [{ seat: 0, sealed: fakeSealed('m') }] }),
      act(once, 1, { type: 'leave', ready: true }),
    ]) expect(codeOf(early)).toBe('WRONG_PHASE');
    expect(JSON.stringify(once)).toBe(before);
  });
});

describe('reading', () => {
  it('only the one it was written for answers, only the card shown now; an answer brings the next', async () => {
    const state = await shared(fresh(), [2, 2]);
    const first = state.order[0]!;
    const writer = first.from;
    const reader: SeatIndex = writer === 0 ? 1 : 0;
    const before = JSON.stringify(state);
    expect(codeOf(act(state, writer, { type: 'answer', at: 0, answer: fakeSealed('x') }))).toBe('NOT_YOUR_TURN');
    expect(codeOf(act(state, reader, { type: 'answer', at: 1, answer: fakeSealed('x') }))).toBe('WRONG_PHASE');
    expect(codeOf(act(state, reader, { type: 'share', items: [fakeSealed('late')] }))).toBe('WRONG_PHASE');
    expect(JSON.stringify(state)).toBe(before);
    const next = await answerNow(state);
    expect(appreciations.view(next, 0).cards).toHaveLength(2);
    expect(codeOf(act(next, reader, { type: 'answer', at: 0, answer: fakeSealed('again') }))).toBe('ALREADY_ANSWERED');
  });

  it('either may ask for the card shown now to be read aloud or take it back; an answer ends the reading', async () => {
    const state = await shared(fresh(), [1, 1]);
    const reader: SeatIndex = state.order[0]!.from === 0 ? 1 : 0;
    const asked = must(act(state, reader, { type: 'aloud', at: 0, on: true }));
    expect(appreciations.view(asked, 0).aloud).toBe(0);
    expect(codeOf(act(asked, reader, { type: 'aloud', at: 0, on: true }))).toBe('NOT_POSSIBLE');
    expect(codeOf(act(asked, reader, { type: 'aloud', at: 1, on: true }))).toBe('WRONG_PHASE');
    expect(must(act(asked, reader === 0 ? 1 : 0, { type: 'aloud', at: 0, on: false })).aloud).toBeNull();
    expect((await answerNow(asked)).aloud).toBeNull();
  });

  it('leaving is agreed, once all are read', async () => {
    let state = await shared(fresh(), [1, 1]);
    expect(codeOf(act(state, 0, { type: 'leave', ready: true }))).toBe('WRONG_PHASE');
    state = await answerNow(await answerNow(state));
    const one = must(act(state, 0, { type: 'leave', ready: true }));
    expect(appreciations.leftTogether!(one)).toBe(false);
    expect(codeOf(act(one, 0, { type: 'leave', ready: true }))).toBe('ALREADY_READY');
    expect(must(act(one, 0, { type: 'leave', ready: false })).leaving).toEqual([false, false]);
    expect(appreciations.leftTogether!(must(act(one, 1, { type: 'leave', ready: true })))).toBe(true);
  });
});

describe('stars', () => {
  it('keep what the starring browser sealed under a title that is nobody’s words, one memory per appreciation and game', async () => {
    const state = await shared(fresh(), [1, 2]);
    const turn = state.order[0]!;
    const { key: k, title } = starMemory(state.game, turn);
    const entries = [{ seat: turn.from, sealed: await sealFor(key, ROOM, turn.from, memorySlot(k), 'kept words', ACTIVITY) }];
    const result = act(state, 1, { type: 'star', at: 0, starred: true, entries });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.memories).toEqual([{ key: k, title, entries: [{ seat: turn.from, slot: memorySlot(k), sealed: entries[0]!.sealed }] }]);
    expect(title).toBe('An appreciation');
    expect(result.value.state.starred).toEqual([0]);
    expect(must(act(result.value.state, 0, { type: 'star', at: 0, starred: false, entries: [] })).starred).toEqual([]);
    // Another game in the same room keeps its own.
    expect(starMemory(fresh(2).game, turn).key).not.toBe(k);
    const refused = [
      act(state, 0, { type: 'star', at: 1, starred: true, entries }),
      act(state, 0, { type: 'star', at: 0, starred: true, entries: [] }),
      act(state, 0, { type: 'star', at: 0, starred: true, entries: [{ seat: turn.from === 0 ? 1 : 0, sealed: fakeSealed('answer only') }] }),
    ];
    expect(refused.map(codeOf)).toEqual(['BAD_REQUEST', 'BAD_REQUEST', 'BAD_REQUEST']);
  });

  it('kept with its answer ("Keeping this"), the answer is marked a reaction, never the answerer’s own words', async () => {
    const state = await shared(fresh(), [1, 2]);
    const turn = state.order[0]!;
    const to = other(turn.from);
    const { key: k } = starMemory(state.game, turn);
    const entries = [
      { seat: turn.from, sealed: await sealFor(key, ROOM, turn.from, memorySlot(k), 'kept words', ACTIVITY) },
      { seat: to, sealed: await sealFor(key, ROOM, to, memorySlot(k), 'Keeping this', ACTIVITY) },
    ];
    const result = act(state, to, { type: 'star', at: 0, starred: true, entries });
    if (!result.ok) throw new Error(result.error.message);
    const memory = result.value.memories![0]!;
    expect(memory.entries).toEqual([
      { seat: turn.from, slot: memorySlot(k), sealed: entries[0]!.sealed },
      { seat: to, slot: memorySlot(k), sealed: entries[1]!.sealed, reaction: true },
    ]);
    const [opened] = await openMemories([{ id: k, activity: ACTIVITY, at: 0, title: 'An appreciation', entries: memory.entries }], openerFor(key, ROOM));
    expect(opened!.entries).toEqual([{ seat: turn.from, text: 'kept words' }, { seat: to, text: 'Keeping this', reaction: true }]);
  });
});

describe('what the browser seals', () => {
  it('reads back any appreciation as written, and most seal to one size so their length does not show', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: APPRECIATION_MAX, unit: 'grapheme' }).filter((t) => t.trim().length > 0 && t.length <= APPRECIATION_MAX), async (text) => {
        expect(readAppreciation(writeAppreciation(text))).toBe(text);
        const sealed = await sealFor(key, ROOM, 0, itemSlot('g', 0), writeAppreciation(text), ACTIVITY);
        const size = fromBase64Url(sealed)!.length;
        expect([SEALED_SIZES[2], SEALED_SIZES[3]]).toContain(size);
        if (new TextEncoder().encode(JSON.stringify(text)).length < 990) expect(size).toBe(SEALED_SIZES[2]);
      }),
      { numRuns: 60 },
    );
    for (const broken of ['', 'null', '"words"', '{"text":""}', '{"text":5}', JSON.stringify({ text: 'x'.repeat(APPRECIATION_MAX + 1) })]) expect(readAppreciation(broken)).toBeNull();
  });

  it('checks before sealing: empty ones left out, at least one, at most three, each not too long', () => {
    expect(checkAppreciations([' one ', '', '  '])).toEqual({ ok: true, value: ['one'] });
    expect(checkAppreciations(['', ' '])).toEqual({ ok: false, problem: 'Write at least one appreciation.' });
    expect(checkAppreciations(['a', 'b', 'c', 'd'])).toEqual({ ok: false, problem: 'Write at most 3 appreciations.' });
    expect(checkAppreciations(['x'.repeat(APPRECIATION_MAX + 1)]).ok).toBe(false);
  });

  it('an answer is one of three, sealed to one size; anything else reads as none', async () => {
    const sizes = new Set<number>();
    for (const a of ['felt', 'more', 'keep'] as const) {
      expect(readAnswer(writeAnswer(a))).toBe(a);
      sizes.add((await sealFor(key, ROOM, 1, 'x', writeAnswer(a), ACTIVITY)).length);
    }
    expect(sizes.size).toBe(1);
    expect(parse(appreciations.moveSchema, { type: 'answer', at: 0, answer: await sealFor(key, ROOM, 1, 'x', 'keep', ACTIVITY) }).ok).toBe(true);
    expect(ANSWER_BUCKET).toBe(64);
    for (const other of ['', 'FELT', 'felt ', 'yes']) expect(readAnswer(other)).toBeNull();
  });

  it('opens a view as each seat’s browser does: its own list, the shown cards and answers; a card that does not open reads as null', async () => {
    let state = await shared(fresh(), [2, 1]);
    state = await answerNow(state, 'more');
    const ada = await openView(appreciations.view(state, 0), openerFor(key, ROOM));
    expect(ada.mine.items).toEqual(['secret-0-0', 'secret-0-1']);
    expect(ada.cards).toHaveLength(2);
    expect(ada.cards[0]).toMatchObject({ text: `secret-${state.order[0]!.from}-0`, answered: true, answer: 'more' });
    expect(ada.cards[1]).toMatchObject({ answered: false, answer: null });
    expect(starWords(ada.cards[0]!)).toEqual([
      { seat: state.order[0]!.from, text: `secret-${state.order[0]!.from}-0` },
      { seat: ada.cards[0]!.to, text: 'Tell me more' },
    ]);
    expect(everyRead(ada)).toBe(false);
    // A card moved to another place (sealed for another slot) does not open there.
    const moved = { ...state, writers: state.writers.map((w) => ({ ...w, items: [...w.items].reverse() })) as State['writers'] };
    const broken = await openView(appreciations.view(moved, 0), openerFor(key, ROOM));
    expect(broken.mine.items).toEqual([null, null]);
    expect(starWords({ ...ada.cards[0]!, text: null })).toEqual([]);
  });
});
