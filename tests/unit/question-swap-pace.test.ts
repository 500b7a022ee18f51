// One pace for two in Question Swap, as pure functions: a pass never destroys the other's answer, the
// next card comes when both are ready, rooms from before these rules still play, and the game ends
// with a recap and a choice made together.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MORE_CARDS, questionSwap, type Move, type Round, type State } from '../../shared/activities/question-swap/index.js';
import { CARDS } from '../../shared/content/cards.js';
import { other, type SeatIndex } from '../../shared/core.js';
import { act, answerFor, errorCode, must, passUntil, playing, start } from '../support/question-swap-state.js';
import { sealedAround } from '../support/sealed.js';

const next = (state: State): Move => ({ type: 'next', cardId: state.round!.cardId });

/** Plays the card on the table to its end: both answer, both tap Next. */
function playCard(state: State): State {
  state = must(act(state, 0, answerFor(state, 'a')));
  state = must(act(state, 1, answerFor(state, 'b')));
  state = must(act(state, 0, next(state)));
  return must(act(state, 1, next(state)));
}

function finishedGame(consent: { maxDepth: 1 | 2 | 3 } = { maxDepth: 3 }, rounds = 3): State {
  const choice: Move = { type: 'consent', kinds: ['emotional', 'intellectual', 'experiential'], maxDepth: consent.maxDepth };
  let state = must(act(must(act(start({ rounds }), 0, choice)), 1, choice));
  while (state.phase === 'play') state = playCard(state);
  // Both skip the closing note (question-swap-structure.test.ts writes it): the recap's choices open.
  for (const seat of [0, 1] as const) state = must(act(state, seat, { type: 'note', round: state.completed, sealed: null }));
  return state;
}

describe('a pass after the other answered', () => {
  it('keeps the answer and leaves the choice to the one who answered', () => {
    let state = playing();
    state = must(act(state, 0, answerFor(state, 'wordsIWrote')));
    const cardId = state.round!.cardId;
    state = must(act(state, 1, { type: 'pass', cardId }));
    expect(state.round!.cardId).toBe(cardId);
    expect(state.round!.answers[0]).toBe(sealedAround('wordsIWrote'));
    expect(questionSwap.view(state, 0).round!.passedBy).toBe(1);
    // The one who answered sees their own answer (to choose); it is still hidden from the one who passed.
    expect(questionSwap.view(state, 0).round!.mine).toBe(sealedAround('wordsIWrote'));
    expect(questionSwap.awaiting(state)).toEqual({ seats: [0], private: true });
    expect(JSON.stringify(questionSwap.view(state, 1))).not.toContain('wordsIWrote');
    expect(errorCode(act(state, 1, { type: 'share-anyway', cardId }))).toBe('NOT_YOUR_TURN');
    expect(errorCode(act(state, 1, answerFor(state, 'late')))).toBe('WRONG_PHASE');
    expect(errorCode(act(state, 0, next(state)))).toBe('WRONG_PHASE');
  });

  it('share anyway: the card is revealed with that one answer, and only the one who passed can react', () => {
    let state = passUntil(playing(), 'question');
    const cardId = state.round!.cardId;
    state = must(act(state, 1, answerFor(state, 'mineToShare')));
    state = must(act(state, 0, { type: 'pass', cardId }));
    state = must(act(state, 1, { type: 'share-anyway', cardId }));
    const seen = questionSwap.view(state, 0).round!;
    expect(seen.revealed).toBe(true);
    expect(seen.answers).toEqual([null, sealedAround('mineToShare')]);
    expect(seen.canReact).toBe(true);
    expect(questionSwap.view(state, 1).round!.canReact).toBe(false);
    const thanks = sealedAround('thanks');
    expect(errorCode(act(state, 1, { type: 'react', cardId, reaction: thanks }))).toBe('NOT_POSSIBLE');
    expect(errorCode(act(state, 0, { type: 'react', cardId, reaction: thanks }))).toBe('ok');
    // A star keeps only what was given: no entry for the one who passed.
    expect(errorCode(act(state, 0, { type: 'star', cardId, starred: true, entries: [{ seat: 0, sealed: sealedAround('nothing') }] }))).toBe('BAD_REQUEST');
    expect(errorCode(act(state, 0, { type: 'star', cardId, starred: true, entries: [{ seat: 1, sealed: sealedAround('shared') }] }))).toBe('ok');
  });

  it('let it go: a new card for the same round, and the answer is gone by its writer’s own choice', () => {
    let state = playing();
    const { cardId, number } = state.round!;
    state = must(act(state, 0, answerFor(state, 'letMeGo')));
    state = must(act(state, 1, { type: 'pass', cardId }));
    state = must(act(state, 0, { type: 'let-go', cardId }));
    expect(state.round!.cardId).not.toBe(cardId);
    expect(state.round!.number).toBe(number);
    expect(JSON.stringify(state.round)).not.toContain('letMeGo');
  });

  it('passing your own answered card, or one nobody answered, works as before', () => {
    let state = playing();
    const cardId = state.round!.cardId;
    expect(must(act(state, 1, { type: 'pass', cardId })).round!.cardId).not.toBe(cardId);
    state = must(act(state, 0, answerFor(state, 'mine')));
    expect(must(act(state, 0, { type: 'pass', cardId })).round!.cardId).not.toBe(cardId);
  });
});

describe('the next card comes when both are ready', () => {
  it('the first Next waits for the other; a second tap from the same person is refused', () => {
    let state = playing();
    const cardId = state.round!.cardId;
    state = must(act(state, 0, answerFor(state, 'a')));
    state = must(act(state, 1, answerFor(state, 'b')));
    state = must(act(state, 1, next(state)));
    expect(state.round!.cardId).toBe(cardId);
    expect(questionSwap.view(state, 0).round!.ready).toEqual([false, true]);
    expect(questionSwap.awaiting(state)).toEqual({ seats: [0], private: false });
    expect(errorCode(act(state, 1, next(state)))).toBe('ALREADY_READY');
    state = must(act(state, 0, next(state)));
    expect(state.round!.number).toBe(2);
  });
});

describe('a game saved before these rules', () => {
  /** A round as rooms stored it before: no passedBy, sharedAlone or ready. */
  const old = (state: State): State => {
    const { passedBy: _p, sharedAlone: _s, ready: _r, ...round } = state.round!;
    const { played: _pl, wishes: _w, extraDepth: _e, ...rest } = state;
    return { ...rest, round: round as Round };
  };

  it('plays on: passes, answers, Next from both, and the end', () => {
    let state = old(playing({ rounds: 3 }));
    state = must(act(state, 1, { type: 'pass', cardId: state.round!.cardId }));
    state = old(state);
    state = must(act(state, 0, answerFor(state, 'a')));
    state = must(act(state, 1, answerFor(state, 'b')));
    expect(questionSwap.awaiting(state).seats).toEqual([0, 1]);
    state = must(act(state, 0, next(state)));
    state = must(act(state, 1, next(state)));
    expect(state.round!.number).toBe(2);
    const { played: _pl, ...finishedOld } = finishedGame();
    expect(questionSwap.view(finishedOld, 0).recap).toMatchObject({ cards: 3, starred: [], deeper: false });
  });
});

describe('the end of the game', () => {
  it('recaps the cards, kinds and depths reached, right guesses and stars; no score about the two of you', () => {
    const state = finishedGame({ maxDepth: 3 }, 3);
    const recap = questionSwap.view(state, 0).recap!;
    expect(recap.cards).toBe(3);
    // Three cards: two light, one personal (the session's arc), so deep is still on offer.
    expect(recap.depths).toEqual([1, 2]);
    expect(recap.kinds.length).toBeGreaterThan(0);
    expect(recap.deeper).toBe(true);
    expect(Object.keys(recap).sort()).toEqual(['cards', 'deeper', 'depths', 'guessed', 'kinds', 'starred', 'starredOwn', 'wishes']);
  });

  it('a few more cards come once both have chosen, at the depth reached', () => {
    let state = finishedGame({ maxDepth: 1 }, 3);
    state = must(act(state, 0, { type: 'more', deeper: false }));
    expect(state.phase).toBe('finished');
    expect(questionSwap.view(state, 1).recap!.wishes).toEqual(['more', null]);
    state = must(act(state, 1, { type: 'more', deeper: false }));
    expect(state.phase).toBe('play');
    expect(state.options.rounds).toBe(3 + MORE_CARDS);
    expect(state.round!.number).toBe(4);
    expect(CARDS.find((c) => c.id === state.round!.cardId)!.depth).toBe(1);
  });

  it('one level deeper is each one’s own consent: deeper cards only when both choose them, whatever they chose at the start', () => {
    for (const maxDepth of [1, 2, 3] as const) {
      let state = finishedGame({ maxDepth }, 3);
      const deepest = Math.min(maxDepth, 2);
      expect(questionSwap.view(state, 0).recap!.deeper).toBe(true);
      state = must(act(state, 0, { type: 'more', deeper: true }));
      state = must(act(state, 1, { type: 'more', deeper: true }));
      expect(CARDS.find((c) => c.id === state.round!.cardId)!.depth).toBe(deepest + 1);
    }
  });

  it('when one would rather not go deeper, a few more come at the same depth, and the wish to go deeper is never shown to the other', () => {
    let state = finishedGame({ maxDepth: 3 }, 3);
    state = must(act(state, 0, { type: 'more', deeper: true }));
    expect(questionSwap.view(state, 0).recap!.wishes).toEqual(['deeper', null]);
    expect(questionSwap.view(state, 1).recap!.wishes).toEqual(['more', null]);
    expect(JSON.stringify(questionSwap.view(state, 1))).not.toMatch(/"wishes":\[[^\]]*"deeper"/);
    expect(JSON.stringify(questionSwap.view(state, 0))).toMatch(/"wishes":\[[^\]]*"deeper"/);
    state = must(act(state, 1, { type: 'more', deeper: false }));
    expect(state.phase).toBe('play');
    expect(CARDS.find((c) => c.id === state.round!.cardId)!.depth).toBe(2);
  });

  it('once the deepest cards were reached, nothing deeper is offered', () => {
    let state = finishedGame({ maxDepth: 3 }, 3);
    state = must(act(state, 0, { type: 'more', deeper: true }));
    state = must(act(state, 1, { type: 'more', deeper: true }));
    while (state.phase === 'play') state = playCard(state);
    expect(questionSwap.view(state, 0).recap!.deeper).toBe(false);
    expect(questionSwap.view(state, 0).recap!.depths).toContain(3);
    expect(errorCode(act(state, 0, { type: 'more', deeper: true }))).toBe('NOT_POSSIBLE');
  });
});

describe('properties over any sequence of moves', () => {
  const kinds = ['answer', 'pass', 'share-anyway', 'let-go', 'next', 'react', 'more'] as const;
  const step = fc.record({ seat: fc.constantFrom<SeatIndex>(0, 1), kind: fc.constantFrom(...kinds), seed: fc.nat() });

  function moveFor(state: State, kind: (typeof kinds)[number], seed: number): Move {
    const cardId = state.round?.cardId ?? 'none';
    if (kind === 'answer') return state.round ? answerFor(state, `words-${seed}`) : { type: 'answer', cardId, sealed: sealedAround('x') };
    if (kind === 'react') return { type: 'react', cardId, reaction: sealedAround('me-too') };
    if (kind === 'more') return { type: 'more', deeper: seed % 2 === 0 };
    return { type: kind, cardId };
  }

  it('an answer leaves the table only by its writer’s own pass or let-go, or once both moved on from the reveal', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        let state = playing({ rounds: 3 });
        for (const s of steps) {
          const move = moveFor(state, s.kind, s.seed);
          const before = JSON.stringify(state);
          const result = act(state, s.seat, move, s.seed);
          if (!result.ok) {
            expect(JSON.stringify(state)).toBe(before);
            continue;
          }
          const after = result.value.state;
          for (const writer of [0, 1] as const) {
            const answer = state.round?.answers[writer];
            if (!answer) continue;
            const kept = after.round?.cardId === state.round!.cardId && JSON.stringify(after.round!.answers[writer]) === JSON.stringify(answer);
            const ownChoice = s.seat === writer && (move.type === 'pass' || move.type === 'let-go');
            const bothMovedOn = move.type === 'next' && (state.round!.ready ?? [false, false])[other(s.seat)];
            expect(kept || ownChoice || bothMovedOn, JSON.stringify({ writer, move, seat: s.seat })).toBe(true);
          }
          state = after;
        }
      }),
      { numRuns: 300 },
    );
  });
});
