// Question Swap, called as pure functions: consent, turns, hidden answers, passing, depth and memories.
// Answers and reactions arrive sealed (stand-ins here that carry a marker): the core keeps and withholds
// them without reading them; what they say is opened in the browser (question-swap-open.test.ts).
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { REDRAWS_PER_ROUND, questionSwap, targetDepth, type Move, type State } from '../../shared/activities/question-swap/index.js';
import { cardFits } from '../../shared/content/card.js';
import { CARDS } from '../../shared/content/cards.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { ALL_IN, act, answerFor, errorCode, must, passUntil, playing, start } from '../support/question-swap-state.js';
import { sealedAround } from '../support/sealed.js';

describe('consent before starting', () => {
  it('keeps each choice private until both have chosen', () => {
    const state = must(act(start(), 0, { type: 'consent', kinds: ['emotional', 'physical'], maxDepth: 2 }));
    const theirs = questionSwap.view(state, 1);
    expect(theirs.consent).toEqual({ mine: null, otherChose: true, noOverlap: false });
    expect(JSON.stringify(theirs)).not.toContain('physical');
  });

  it('uses the kinds both chose and the lower ceiling, without saying whose', () => {
    let state = must(act(start(), 0, { type: 'consent', kinds: ['emotional', 'physical', 'spiritual'], maxDepth: 3 }));
    state = must(act(state, 1, { type: 'consent', kinds: ['emotional', 'spiritual'], maxDepth: 2 }));
    for (const seat of [0, 1] as const) {
      const view = questionSwap.view(state, seat);
      expect(view.agreed).toEqual({ kinds: ['emotional', 'spiritual'], ceiling: 2 });
      expect(view.phase).toBe('play');
      expect(Object.keys(view.consent).sort()).toEqual(['mine', 'noOverlap', 'otherChose']);
    }
    expect(JSON.stringify(questionSwap.view(state, 1))).not.toContain('"maxDepth":3');
    expect(JSON.stringify(questionSwap.view(state, 0))).not.toContain('"maxDepth":2');
    expect(['emotional', 'spiritual']).toContain(CARDS.find((c) => c.id === state.round!.cardId)!.kind);
  });

  it('with no kind in common, both choose again', () => {
    let state = must(act(start(), 0, { type: 'consent', kinds: ['physical'], maxDepth: 3 }));
    state = must(act(state, 1, { type: 'consent', kinds: ['spiritual'], maxDepth: 3 }));
    expect(state.phase).toBe('consent');
    expect(questionSwap.view(state, 0).consent).toEqual({ mine: null, otherChose: false, noOverlap: true });
  });

  it('a second choice from the same person is refused', () => {
    const state = must(act(start(), 0, ALL_IN));
    expect(errorCode(act(state, 0, ALL_IN))).toBe('ALREADY_ANSWERED');
  });
});

describe('a round in write mode', () => {
  it('hides my answer from the other until both are in, then reveals both together', () => {
    let state = playing();
    const reader = state.round!.reader;
    state = must(act(state, reader, answerFor(state, 'mySecretWords')));
    const listener = reader === 0 ? 1 : 0;
    const before = questionSwap.view(state, listener);
    expect(before.round!.answered[reader]).toBe(true);
    expect(before.round!.answers).toBeNull();
    expect(before.round!.mine).toBeNull();
    expect(JSON.stringify(before)).not.toContain('mySecretWords');
    // The writer's own device gets it back (to show "your answer is in"), sealed as it was sent.
    expect(questionSwap.view(state, reader).round!.mine).toBe(sealedAround('mySecretWords'));
    state = must(act(state, listener, answerFor(state, 'theirWords')));
    const after = questionSwap.view(state, listener);
    expect(after.round!.revealed).toBe(true);
    expect(after.round!.answers![reader]).toBe(sealedAround('mySecretWords'));
    expect(after.round!.answers![listener]).toBe(sealedAround('theirWords'));
  });

  it('refuses a second answer, an answer to another card, and a value that is not sealed or too large', () => {
    let state = playing();
    const cardId = state.round!.cardId;
    expect(errorCode(act(state, 0, { type: 'answer', cardId: 'emo-1-99', sealed: sealedAround('hi') }))).toBe('UNKNOWN_CARD');
    for (const sealed of ['my words in the clear', 'A'.repeat(30_000), '']) {
      expect(v.is(questionSwap.moveSchema, { type: 'answer', cardId, sealed })).toBe(false);
    }
    expect(v.is(questionSwap.moveSchema, { type: 'answer', cardId, text: 'hi', choice: 0 })).toBe(false);
    state = must(act(state, 0, answerFor(state, 'hi')));
    expect(errorCode(act(state, 0, answerFor(state, 'again')))).toBe('ALREADY_ANSWERED');
  });

  it('only the reader redraws, at most twice, and only before anyone answers', () => {
    let state = playing();
    const reader = state.round!.reader;
    const listener: SeatIndex = reader === 0 ? 1 : 0;
    expect(errorCode(act(state, listener, { type: 'redraw', cardId: state.round!.cardId }))).toBe('NOT_YOUR_TURN');
    for (let i = 0; i < REDRAWS_PER_ROUND; i++) {
      const before = state.round!.cardId;
      state = must(act(state, reader, { type: 'redraw', cardId: before }, 10 + i));
      expect(state.round!.cardId).not.toBe(before);
    }
    expect(errorCode(act(state, reader, { type: 'redraw', cardId: state.round!.cardId }))).toBe('NOT_POSSIBLE');
  });

  it('either can pass a card nobody has answered: a new card, the same round, no mark left', () => {
    const state = playing();
    const passed = must(act(state, 1, { type: 'pass', cardId: state.round!.cardId }));
    expect(passed.round!.number).toBe(state.round!.number);
    expect(passed.round!.cardId).not.toBe(state.round!.cardId);
    expect(questionSwap.view(passed, 0).round!.passedBy).toBeNull();
    expect(questionSwap.awaiting(passed)).toEqual(questionSwap.awaiting(state));
  });

  it('reactions and stars open only after the reveal; a star keeps both answers, sealed by the starring browser, in Memories', () => {
    let state = playing();
    const cardId = state.round!.cardId;
    const round = state.round!.number;
    expect(errorCode(act(state, 0, { type: 'star', cardId, starred: true }))).toBe('WRONG_PHASE');
    expect(errorCode(act(state, 1, { type: 'react', cardId, reaction: sealedAround('thanks') }))).toBe('WRONG_PHASE');
    state = must(act(state, 0, answerFor(state, 'firstWords')));
    state = must(act(state, 1, answerFor(state, 'secondWords')));
    state = must(act(state, 1, { type: 'react', cardId, reaction: sealedAround('thanks') }));
    expect(questionSwap.view(state, 0).round!.reactions).toEqual([null, sealedAround('thanks')]);
    // Null takes it back.
    expect(must(act(state, 1, { type: 'react', cardId, reaction: null })).round!.reactions).toEqual([null, null]);
    const entries = [
      { seat: 0 as const, sealed: sealedAround('memoryOfFirst') },
      { seat: 1 as const, sealed: sealedAround('memoryOfSecond') },
    ];
    const starred = act(state, 0, { type: 'star', cardId, starred: true, entries });
    expect(starred.ok && starred.value.memories).toEqual([
      {
        key: `question-swap:${round}:${cardId}`,
        title: CARDS.find((c) => c.id === cardId)!.text,
        entries: entries.map((e) => ({ ...e, slot: `memory:question-swap:${round}:${cardId}` })),
      },
    ]);
    // The memory holds what the starring browser sealed for it, not the answers as they were sealed for the card.
    expect(JSON.stringify(starred.ok && starred.value.memories)).not.toContain('Words');
  });

  it('alternates the reader and ends after the agreed number of rounds', () => {
    let state = playing({ rounds: 4 });
    const readers: SeatIndex[] = [];
    while (state.phase === 'play') {
      readers.push(state.round!.reader);
      state = must(act(state, 0, answerFor(state, 'a')));
      state = must(act(state, 1, answerFor(state, 'b')));
      state = must(act(state, 0, { type: 'next', cardId: state.round!.cardId }));
      state = must(act(state, 1, { type: 'next', cardId: state.round!.cardId }));
    }
    expect(readers).toHaveLength(4);
    expect(readers[1]).toBe(readers[0] === 0 ? 1 : 0);
    expect(readers[2]).toBe(readers[0]);
    expect(questionSwap.finished(state)).toBe(true);
  });
});

describe('talk mode and guess cards', () => {
  it('in talk mode an open card is revealed when either taps Done; no text is taken', () => {
    let state = playing({ answerMode: 'talk' });
    for (let i = 0; i < 20 && state.round; i++) {
      const card = CARDS.find((c) => c.id === state.round!.cardId)!;
      if (card.type === 'question' || card.type === 'task' || card.type === 'finish') break;
      state = must(act(state, 0, { type: 'pass', cardId: card.id }, 100 + i));
    }
    const cardId = state.round!.cardId;
    expect(errorCode(act(state, 0, { type: 'answer', cardId, sealed: sealedAround('hello') }))).toBe('WRONG_PHASE');
    state = must(act(state, 1, { type: 'done', cardId }));
    expect(questionSwap.view(state, 0).round!.revealed).toBe(true);
  });

  it('a guess card both answered keeps both sealed answers for the recap', () => {
    let state = passUntil(playing({ rounds: 3 }), 'guess');
    const cardId = state.round!.cardId;
    state = must(act(state, 0, answerFor(state, 'guessOfAda')));
    state = must(act(state, 1, answerFor(state, 'guessOfGrace')));
    state = must(act(state, 0, { type: 'next', cardId }));
    state = must(act(state, 1, { type: 'next', cardId }));
    expect(state.played).toEqual([{ cardId, guesses: [sealedAround('guessOfAda'), sealedAround('guessOfGrace')], starred: false }]);
  });
});

describe('what the view tells the screen', () => {
  it('how a card is answered (written, talked through, or chosen)', () => {
    const state = passUntil(playing(), 'would-you-rather', 500);
    expect(CARDS.find((c) => c.id === state.round!.cardId)!.type).toBe('would-you-rather');
    expect(questionSwap.view(state, 0).round).toMatchObject({ open: false, talk: false, seat: 0 });
    expect(questionSwap.view(state, 1).round).toMatchObject({ seat: 1 });

    let talking = playing({ answerMode: 'talk' });
    for (let i = 0; i < 40; i++) {
      const open = questionSwap.view(talking, 0).round!;
      const type = CARDS.find((c) => c.id === open.card.id)!.type;
      expect(open.open).toBe(type === 'question' || type === 'task' || type === 'finish');
      expect(open.talk).toBe(open.open);
      talking = must(act(talking, 0, { type: 'pass', cardId: open.card.id }, 700 + i));
    }
  });
});

describe('depth and audience', () => {
  it('starts light and reaches the ceiling only in the last rounds', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => targetDepth(n, 8, 3))).toEqual([1, 1, 1, 2, 2, 2, 3, 3]);
    expect([1, 4, 8].map((n) => targetDepth(n, 8, 2))).toEqual([1, 2, 2]);
  });

  it('friends and family only ever see cards for any audience', () => {
    let state = playing({ rounds: 15 }, 'friends');
    for (let i = 0; i < 60 && state.round; i++) {
      expect(CARDS.find((c) => c.id === state.round!.cardId)!.audience).toBe('any');
      state = must(act(state, i % 2 === 0 ? 0 : 1, { type: 'pass', cardId: state.round!.cardId }, i));
    }
  });
});

describe('properties over any sequence of moves', () => {
  const seat = fc.constantFrom<SeatIndex>(0, 1);
  const step = fc.record({
    seat,
    kind: fc.constantFrom('answer', 'pass', 'redraw', 'done', 'next', 'react', 'star', 'stale'),
    text: fc.string({ maxLength: 12 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
  });

  function moveFor(state: State, s: { kind: string; text: string; seat: SeatIndex }): Move {
    const cardId = state.round?.cardId ?? 'none';
    switch (s.kind) {
      case 'answer':
        return state.round ? answerFor(state, `SECRET${s.seat}${s.text.replace(/[^A-Za-z0-9]/g, '')}`) : { type: 'answer', cardId, sealed: sealedAround('x') };
      case 'stale':
        return { type: 'answer', cardId: 'emo-1-01-old', sealed: sealedAround('late') };
      case 'react':
        return { type: 'react', cardId, reaction: sealedAround(`reaction${s.seat}`) };
      case 'star':
        return { type: 'star', cardId, starred: true };
      default:
        return { type: s.kind as 'pass' | 'redraw' | 'done' | 'next', cardId };
    }
  }

  it('no view holds the other seat’s sealed answer before the reveal; turns and rounds stay valid; passing never breaks a round', () => {
    fc.assert(
      fc.property(fc.constantFrom<'write' | 'talk'>('write', 'talk'), fc.array(step, { maxLength: 60 }), (answerMode, steps) => {
        let state = playing({ answerMode, rounds: 6 });
        let lastRound = state.round!.number;
        for (const s of steps) {
          const before = JSON.stringify(state);
          const result = act(state, s.seat, moveFor(state, s), s.seed);
          if (!result.ok) {
            expect(JSON.stringify(state)).toBe(before);
            continue;
          }
          state = result.value.state;
          if (state.phase === 'finished') break;
          const round = state.round!;
          expect(round.number === lastRound || round.number === lastRound + 1).toBe(true);
          lastRound = round.number;
          expect(round.redrawsLeft).toBeGreaterThanOrEqual(0);
          expect(round.reader).toBe(((state.firstReader + round.number - 1) % 2) as SeatIndex);
          expect(state.completed).toBe(round.number - 1);
          for (const viewer of [0, 1] as const) {
            const view = questionSwap.view(state, viewer);
            const otherAnswer = round.answers[viewer === 0 ? 1 : 0];
            if (!view.round!.revealed && otherAnswer) {
              // Not even the ciphertext: the other's sealed text is nowhere in the view.
              expect(JSON.stringify(view)).not.toContain(otherAnswer);
              expect(JSON.stringify(view)).not.toContain(`SECRET${viewer === 0 ? 1 : 0}`);
            }
            if (!view.round!.revealed) expect(view.round!.answers).toBeNull();
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('running out of cards', () => {
  it('when the gentle cards are used up, deeper ones follow (never past the ceiling), then the game ends', () => {
    let state = must(act(must(act(start(), 0, { type: 'consent', kinds: ['spiritual'], maxDepth: 2 })), 1, { type: 'consent', kinds: ['spiritual'], maxDepth: 2 }));
    const depths: number[] = [];
    for (let i = 0; i < 100 && state.round; i++) {
      depths.push(CARDS.find((c) => c.id === state.round!.cardId)!.depth);
      state = must(act(state, 0, { type: 'pass', cardId: state.round!.cardId }, i));
    }
    const spiritualUpTo2 = CARDS.filter((c) => c.kind === 'spiritual' && c.depth <= 2 && cardFits(c, { audience: 'partners' })).length;
    expect(depths).toHaveLength(spiritualUpTo2);
    expect(depths.indexOf(2)).toBeGreaterThan(depths.lastIndexOf(1));
    expect(Math.max(...depths)).toBe(2);
    expect(state.phase).toBe('finished');
  });
});
