// Cards the two write for Question Swap, as pure functions and opened with a real room key: the core keeps
// a written card's structure and its sealed words (bounded), shows the words only to its writer until the
// card is on the table, draws it within what both agreed to, and never holds its words in the clear;
// open.ts reads them into the card ("Ada wrote this card"), and either may pass it.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { cardOf, questionSwap, type Move, type State } from '../../shared/activities/question-swap/index.js';
import { OWN_CARDS_MAX, OWN_MEMORY_TITLE, OWN_TEXT_MAX, ownCardProblem, ownCardSlot, readOwnWords, type OwnWords } from '../../shared/activities/question-swap/library.js';
import { openView } from '../../shared/activities/question-swap/open.js';
import type { CardType } from '../../shared/content/card.js';
import { INTIMACY_KINDS, type Depth, type IntimacyKind } from '../../shared/intimacy.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { makeRoomKey } from '../../shared/sealed/seal.js';
import { UNREADABLE } from '../../shared/sealed/opener.js';
import { act, answerFor, errorCode, must, start } from '../support/question-swap-state.js';
import { sealer } from '../support/question-swap-state.js';
import { fakeSealed } from '../support/sealed.js';

let n = 0;
const freshId = () => `own-testcard${String(n++).padStart(4, '0')}`;

function agreed(kinds: IntimacyKind[] = [...INTIMACY_KINDS], maxDepth: Depth = 3, state = start({ rounds: 8 })): State {
  const consent: Move = { type: 'consent', kinds, maxDepth };
  return must(act(must(act(state, 0, consent)), 1, consent));
}

async function writer() {
  const s = sealer(await makeRoomKey());
  const write = async (seat: SeatIndex, words: OwnWords, kind: IntimacyKind = 'emotional', depth: Depth = 1, cardType: CardType = 'question', id = freshId()): Promise<Move> => ({
    type: 'write-card',
    id,
    kind,
    depth,
    cardType,
    sealed: await s.sealFor(seat, ownCardSlot(id), JSON.stringify(words)),
  });
  return { ...s, write };
}

/** Passes cards until the one on the table is `id` (or fails). */
function passTo(state: State, id: string): State {
  for (let i = 0; i < 80 && state.round?.cardId !== id; i++) state = must(act(state, 0, { type: 'pass', cardId: state.round!.cardId }, 700 + i));
  expect(state.round?.cardId).toBe(id);
  return state;
}

describe('writing a card', () => {
  it('keeps it in the room’s deck; the writer sees it, the other only that there is one, until it is on the table', async () => {
    const s = await writer();
    const move = await s.write(0, { text: 'What song would you hum on a long walk?' });
    const state = must(act(start(), 0, move));
    const mine = questionSwap.view(state, 0).library;
    expect(mine.mine.map((c) => c.id)).toEqual([(move as { id: string }).id]);
    const theirs = questionSwap.view(state, 1);
    expect(theirs.library).toEqual({ favourites: 0, mine: [], theirs: 1 });
    expect(JSON.stringify(theirs)).not.toContain((move as { sealed: string }).sealed);
    const opened = await openView(questionSwap.view(state, 0), s.opener);
    expect(opened.library.mine[0]).toMatchObject({ text: 'What song would you hum on a long walk?', unreadable: false, kind: 'emotional' });
  });

  it('comes as soon as the session reaches its depth, as the card both read, with who wrote it; and either may pass it', async () => {
    const s = await writer();
    const move = await s.write(1, { text: 'Would you rather', options: ['sunrise', 'sunset'] }, 'experiential', 1, 'would-you-rather');
    const id = (move as { id: string }).id;
    let state = agreed(undefined, 3, must(act(start(), 1, move)));
    expect(state.round!.cardId).toBe(id);
    for (const seat of [0, 1] as const) {
      const round = (await openView(questionSwap.view(state, seat), s.opener)).round!;
      expect(round.own).toEqual({ by: 1, unreadable: false });
      expect(round.card).toMatchObject({ text: 'Would you rather', options: ['sunrise', 'sunset'], type: 'would-you-rather', kind: 'experiential' });
    }
    // The writer passes their own card as freely as the other: a new card comes.
    const passed = must(act(state, 1, { type: 'pass', cardId: id }));
    expect(passed.round!.cardId).not.toBe(id);
    state = must(act(state, 0, { type: 'pass', cardId: id }));
    expect(state.round!.cardId).not.toBe(id);
  });

  it('is drawn only within the kinds and depth both agreed to, and once a game', async () => {
    const s = await writer();
    let state = start({ rounds: 8 });
    state = must(act(state, 0, await s.write(0, { text: 'deep' }, 'emotional', 3)));
    state = must(act(state, 0, await s.write(0, { text: 'spiritual' }, 'spiritual', 1)));
    state = agreed(['emotional', 'intellectual'], 2, state);
    const seen: string[] = [];
    for (let i = 0; i < 60 && state.round; i++) {
      seen.push(state.round.cardId);
      expect(cardOf(state.round).depth).toBeLessThanOrEqual(2);
      state = must(act(state, 0, { type: 'pass', cardId: state.round.cardId }, 900 + i));
    }
    expect(seen.filter((id) => id.startsWith('own-'))).toEqual([]);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it(`holds at most ${OWN_CARDS_MAX}; a resend changes nothing; another card may not take an id`, async () => {
    const s = await writer();
    const move = await s.write(0, { text: 'one' });
    let state = must(act(start(), 0, move));
    expect(must(act(state, 0, move)).library!.cards).toHaveLength(1);
    expect(errorCode(act(state, 1, move))).toBe('BAD_REQUEST');
    state = { ...state, library: { favourites: [], cards: Array.from({ length: OWN_CARDS_MAX }, (_, i) => ({ id: `own-full${i}xxxxxx`, by: 0, kind: 'emotional', depth: 1, type: 'question', sealed: fakeSealed('c') })) } };
    expect(errorCode(act(state, 1, await s.write(1, { text: 'two' })))).toBe('NOT_POSSIBLE');
  });

  it('only its writer takes it back, and not while it is on the table; a kept favourite of it goes too', async () => {
    const s = await writer();
    const move = await s.write(0, { text: 'mine' });
    const id = (move as { id: string }).id;
    let state = agreed(undefined, 3, must(act(start(), 0, move)));
    state = passTo(state, id);
    state = must(act(state, 1, { type: 'favourite', cardId: id, on: true }));
    expect(errorCode(act(state, 0, { type: 'remove-card', id }))).toBe('WRONG_PHASE');
    state = must(act(state, 1, { type: 'pass', cardId: id }));
    expect(errorCode(act(state, 1, { type: 'remove-card', id }))).toBe('NOT_YOUR_TURN');
    state = must(act(state, 0, { type: 'remove-card', id }));
    expect(state.library).toEqual({ favourites: [], cards: [] });
    expect(errorCode(act(state, 0, { type: 'remove-card', id }))).toBe('NOT_FOUND');
  });

  it('starred, its memory is titled by what it is, never by its words; the recap reads them in the browser', async () => {
    const s = await writer();
    const move = await s.write(0, { text: 'Secret words of a card' });
    const id = (move as { id: string }).id;
    let state = agreed(undefined, 3, must(act(start({ rounds: 3 }), 0, move)));
    expect(state.round!.cardId).toBe(id);
    for (const seat of [0, 1] as const) state = must(act(state, seat, answerFor(state, `a${seat}`)));
    const starred = questionSwap.move(state, 1, { type: 'star', cardId: id, starred: true }, { now: 0, rng: { next: () => 0.5, seed: () => 1 } });
    if (!starred.ok) throw new Error(starred.error.code);
    expect(starred.value.memories![0]!.title).toBe(OWN_MEMORY_TITLE);
    state = starred.value.state;
    while (state.phase === 'play') {
      if (!questionSwap.view(state, 0).round!.revealed) for (const seat of [0, 1] as const) state = must(act(state, seat, answerFor(state, `b${seat}`)));
      for (const seat of [0, 1] as const) state = must(act(state, seat, { type: 'next', cardId: state.round!.cardId }));
    }
    const recap = (await openView(questionSwap.view(state, 1), s.opener)).recap!;
    expect(recap.starred).toEqual(['Secret words of a card']);
    expect(JSON.stringify(questionSwap.view(state, 1))).not.toContain('Secret words');
  });

  it('whatever is written and played, no view ever holds a card’s words in the clear, nor the other’s sealed card before it is dealt', async () => {
    const s = await writer();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ seat: fc.constantFrom<SeatIndex>(0, 1), depth: fc.constantFrom<Depth>(1, 2, 3), kind: fc.constantFrom(...INTIMACY_KINDS) }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom('pass', 'answer', 'next'), { maxLength: 30 }),
        async (written, steps) => {
          let state = start({ rounds: 5 });
          const canaries: string[] = [];
          const sealedBy = new Map<string, SeatIndex>();
          for (const w of written) {
            const canary = `OwnCanary${canaries.length}x${Math.random().toString(36).slice(2, 8)}`;
            canaries.push(canary);
            const move = (await s.write(w.seat, { text: canary }, w.kind, w.depth)) as Move & { sealed: string };
            sealedBy.set(move.sealed, w.seat);
            state = must(act(state, w.seat, move));
          }
          state = agreed(undefined, 3, state);
          const check = () => {
            for (const seat of [0, 1] as const) {
              const seen = JSON.stringify(questionSwap.view(state, seat));
              for (const canary of canaries) expect(seen).not.toContain(canary);
              for (const [sealed, by] of sealedBy) {
                const dealt = state.round?.own?.sealed === sealed || (state.played ?? []).some((p) => p.own?.sealed === sealed);
                if (by !== seat && !dealt) expect(seen).not.toContain(sealed);
              }
            }
          };
          for (const [i, step] of steps.entries()) {
            check();
            if (!state.round) break;
            const move: Move = step === 'answer' ? answerFor(state, `w${i}`) : { type: step, cardId: state.round.cardId };
            const result = act(state, (i % 2) as SeatIndex, move, 50 + i);
            if (result.ok) state = result.value.state;
          }
          check();
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('what the browser checks before sealing a card', () => {
  it('words, the options its type takes, the lengths; and it reads back only what fits', () => {
    expect(ownCardProblem('question', { text: '  ' })).toBe('Write the card first.');
    expect(ownCardProblem('question', { text: 'x'.repeat(OWN_TEXT_MAX + 1) })).toContain(`${OWN_TEXT_MAX}`);
    expect(ownCardProblem('would-you-rather', { text: 'Pick', options: ['a', ''] })).toBe('Write both options.');
    expect(ownCardProblem('guess', { text: 'Guess', options: ['a', 'b', 'c'] })).toBeNull();
    expect(ownCardProblem('question', { text: 'Why?', options: ['a'] })).toBe('This kind of card has no options.');
    expect(readOwnWords('{"text":"Hi"}', 'question')).toEqual({ text: 'Hi' });
    expect(readOwnWords('{"text":"Pick"}', 'would-you-rather')).toBeNull();
    expect(readOwnWords('not json', 'question')).toBeNull();
    expect(readOwnWords('{"text":3}', 'question')).toBeNull();
  });

  it('a card whose words do not open reads as unreadable, and the game goes on', async () => {
    const s = await writer();
    const id = freshId();
    const move: Move = { type: 'write-card', id, kind: 'emotional', depth: 1, cardType: 'question', sealed: fakeSealed('not a card') };
    expect(v.safeParse(questionSwap.moveSchema, move).success).toBe(true);
    const state = agreed(undefined, 3, must(act(start(), 0, move)));
    const round = (await openView(questionSwap.view(state, 1), s.opener)).round!;
    expect(round.card.text).toBe(UNREADABLE);
    expect(round.own).toEqual({ by: 0, unreadable: true });
    expect(must(act(state, 1, { type: 'pass', cardId: id })).round!.cardId).not.toBe(id);
  });

  it('the server takes only a browser-made id and a sealed value of the right size', () => {
    const bad = (m: Record<string, unknown>) => v.safeParse(questionSwap.moveSchema, { type: 'write-card', id: freshId(), kind: 'emotional', depth: 1, cardType: 'question', sealed: fakeSealed('x'), ...m }).success;
    expect(bad({})).toBe(true);
    expect(bad({ id: 'emo-1-01' })).toBe(false);
    expect(bad({ cardType: 'poem' })).toBe(false);
    expect(bad({ sealed: 'plain words' })).toBe(false);
  });
});
