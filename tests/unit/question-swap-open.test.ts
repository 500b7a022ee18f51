// Question Swap opened in the browser (open.ts) with a real room key: every card type's answers open to
// their words after the reveal, your own answer opens for you before it, who guessed right and the recap's
// count are computed from what opened, and a value that does not open reads "Couldn't read this" while
// everything else still opens. Also what the browser checks before sealing (answerProblem).
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { answerProblem, answerToSeal, ANSWER_MAX, questionSwap, type Answer, type State } from '../../shared/activities/question-swap/index.js';
import { openView, readAnswer } from '../../shared/activities/question-swap/open.js';
import type { CardType } from '../../shared/content/card.js';
import { CARDS } from '../../shared/content/cards.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { UNREADABLE } from '../../shared/sealed/opener.js';
import { makeRoomKey } from '../../shared/sealed/seal.js';
import { fakeSealed } from '../support/sealed.js';
import { act, cardOn, must, passUntil, plainAnswer, playing, sealer } from '../support/question-swap-state.js';

const TYPES: CardType[] = ['question', 'task', 'finish', 'would-you-rather', 'guess'];

async function withKey() {
  return sealer(await makeRoomKey());
}

describe('each card type opens after the reveal', () => {
  it.each(TYPES)('%s: both read both answers’ words; before the reveal each reads only their own', async (type) => {
    const s = await withKey();
    let state = passUntil(playing(), type, 900);
    const card = cardOn(state);
    const answers: [Answer, Answer] = [plainAnswer(card, 'Ada canary words', 1, 0), plainAnswer(card, 'Grace canary words', 0, 0)];
    state = must(act(state, 0, await s.answer(0, card.id, answers[0])));

    const adaBefore = await openView(questionSwap.view(state, 0), s.opener);
    expect(adaBefore.round!.mine).toMatchObject({ ...answers[0], unreadable: false });
    expect(adaBefore.round!.answers).toBeNull();
    const graceBefore = await openView(questionSwap.view(state, 1), s.opener);
    expect(graceBefore.round!.mine).toBeNull();
    expect(JSON.stringify(graceBefore)).not.toContain('Ada canary');

    state = must(act(state, 1, await s.answer(1, card.id, answers[1])));
    const words = answers.map((a) => [a.choice !== undefined ? card.options![a.choice] : undefined, a.text].filter(Boolean).join(' — '));
    for (const seat of [0, 1] as const) {
      const round = (await openView(questionSwap.view(state, seat), s.opener)).round!;
      expect(round.answers!.map((a) => a?.words)).toEqual(words);
      expect(round.answers!.every((a) => a && !a.unreadable)).toBe(true);
      // Ada guessed Grace's 0 (right), Grace guessed Ada's 1 with 0 (not this time).
      expect(round.guessedRight).toEqual(type === 'guess' ? [true, false] : null);
    }
    if (type === 'guess') expect(words.every((w) => card.options!.includes(w))).toBe(true);
    if (type === 'would-you-rather') expect(words[0]).toBe(`${card.options![1]} — Ada canary words`);
  });
});

describe('a value that does not open', () => {
  async function revealedWith(theirs: (s: Awaited<ReturnType<typeof withKey>>, cardId: string) => Promise<string>) {
    const s = await withKey();
    let state = passUntil(playing(), 'guess', 900);
    const card = cardOn(state);
    state = must(act(state, 0, await s.answer(0, card.id, { choice: 0, guess: 1 })));
    state = must(act(state, 1, { type: 'answer', cardId: card.id, sealed: await theirs(s, card.id) }));
    return { s, state, card };
  }

  it.each([
    ['garbage from a broken device', async () => fakeSealed('garbage')],
    ['a blob sealed for another card', async (s: Awaited<ReturnType<typeof withKey>>) => (await s.answer(1, 'emo-1-01', { choice: 0, guess: 0 }) as { sealed: string }).sealed],
    ['a blob sealed by the other seat', async (s: Awaited<ReturnType<typeof withKey>>, cardId: string) => (await s.answer(0, cardId, { choice: 0, guess: 0 }) as { sealed: string }).sealed],
    ['a sealed text that is not an answer', async (s: Awaited<ReturnType<typeof withKey>>, cardId: string) => s.sealFor(1, `answer:${cardId}`, 'not json')],
    ['a choice outside the card’s options', async (s: Awaited<ReturnType<typeof withKey>>, cardId: string) => s.sealFor(1, `answer:${cardId}`, JSON.stringify({ choice: 9, guess: 0 }))],
  ])('%s reads as “Couldn’t read this”, and the other answer still opens', async (_what, theirs) => {
    const { s, state, card } = await revealedWith(theirs);
    const round = (await openView(questionSwap.view(state, 0), s.opener)).round!;
    expect(round.answers![0]).toMatchObject({ words: card.options![0], unreadable: false });
    expect(round.answers![1]).toEqual({ words: UNREADABLE, unreadable: true });
    expect(round.guessedRight).toBeNull();
  });

  it('a reaction that does not open reads as unreadable; a real one opens to its words', async () => {
    const s = await withKey();
    let state = passUntil(playing(), 'question', 900);
    const cardId = state.round!.cardId;
    state = must(act(state, 0, await s.answer(0, cardId, { text: 'a' })));
    state = must(act(state, 1, await s.answer(1, cardId, { text: 'b' })));
    state = must(act(state, 1, await s.react(1, cardId, 'tell-me-more')));
    state = must(act(state, 0, await s.react(0, cardId, 'not a reaction')));
    const round = (await openView(questionSwap.view(state, 0), s.opener)).round!;
    expect(round.reactions).toEqual([
      { key: null, label: UNREADABLE },
      { key: 'tell-me-more', label: 'Tell me more' },
    ]);
  });

  it('a game stored before answers were sealed reads as unreadable and breaks nothing', async () => {
    const s = await withKey();
    let state = passUntil(playing(), 'question', 900);
    const cardId = state.round!.cardId;
    const old = { ...state, round: { ...state.round!, answers: [{ text: 'old plain words' }, { text: 'more' }], reactions: [null, 'thanks'] } } as unknown as State;
    const view = questionSwap.view(old, 0);
    expect(JSON.stringify(view)).not.toContain('old plain words');
    const round = (await openView(view, s.opener)).round!;
    expect(round.answers).toEqual([
      { words: UNREADABLE, unreadable: true },
      { words: UNREADABLE, unreadable: true },
    ]);
    expect(round.reactions[1]).toEqual({ key: null, label: UNREADABLE });
    state = must(act(old, 0, { type: 'next', cardId }));
    expect(state.round!.ready).toEqual([true, false]);
  });
});

describe('the recap counts the guesses that landed', () => {
  it('over the guess cards both answered, from what opened', async () => {
    const s = await withKey();
    let state = playing({ rounds: 3 });
    let guessCards = 0;
    for (let i = 0; state.phase === 'play' && i < 50; i++) {
      const card = cardOn(state);
      if (card.type !== 'guess' && guessCards < 2) {
        state = must(act(state, 0, { type: 'pass', cardId: card.id }, 900 + i));
        continue;
      }
      const [ada, grace] =
        card.type !== 'guess'
          ? [await s.answer(0, card.id, plainAnswer(card, 'x')), await s.answer(1, card.id, plainAnswer(card, 'y'))]
          : guessCards === 0
            ? // Both right.
              [await s.answer(0, card.id, { choice: 0, guess: 1 }), await s.answer(1, card.id, { choice: 1, guess: 0 })]
            : // Garbage: counts none.
              [await s.answer(0, card.id, { choice: 0, guess: 0 }), { type: 'answer' as const, cardId: card.id, sealed: fakeSealed('garbage') }];
      if (card.type === 'guess') guessCards++;
      state = must(act(state, 0, ada));
      state = must(act(state, 1, grace));
      state = must(act(state, 0, { type: 'next', cardId: card.id }));
      state = must(act(state, 1, { type: 'next', cardId: card.id }));
    }
    expect(state.phase).toBe('finished');
    const recap = (await openView(questionSwap.view(state, 1), s.opener)).recap!;
    expect(recap.rightGuesses).toBe(2);
    expect(recap).not.toHaveProperty('guessed');
  });
});

describe('what the browser checks before sealing', () => {
  const of = (type: CardType) => CARDS.find((c) => c.type === type)!;

  it('a pick for would-you-rather, a pick and a guess for guess cards, words for open cards when writing, and the length', () => {
    expect(answerProblem(of('would-you-rather'), 'write', { text: 'why' })).toBe('Pick one of the two.');
    expect(answerProblem(of('would-you-rather'), 'write', { choice: 2 })).toBe('Pick one of the two.');
    expect(answerProblem(of('would-you-rather'), 'write', { choice: 1 })).toBeNull();
    expect(answerProblem(of('guess'), 'write', { choice: 0 })).toBe('Pick your own answer and your guess.');
    expect(answerProblem(of('guess'), 'talk', { choice: 0, guess: 1 })).toBeNull();
    for (const type of ['question', 'task', 'finish'] as const) {
      expect(answerProblem(of(type), 'write', { text: '   ' })).toBe('Write an answer, or pass this card.');
      expect(answerProblem(of(type), 'write', { text: 'x'.repeat(ANSWER_MAX + 1) })).toBe(`Answers can be up to ${ANSWER_MAX} characters.`);
      expect(answerProblem(of(type), 'write', { text: ` ${'x'.repeat(ANSWER_MAX)} ` })).toBeNull();
      expect(answerProblem(of(type), 'talk', { text: 'hi' })).toBe('In talk mode, talk it through and tap Done.');
    }
  });

  it('seals only what the card takes, trimmed; 2,000 characters of any script fit the answer’s bucket', async () => {
    expect(answerToSeal(of('question'), { text: '  hi  ', choice: 1, guess: 0 })).toEqual({ text: 'hi' });
    expect(answerToSeal(of('would-you-rather'), { text: '', choice: 1, guess: 0 })).toEqual({ choice: 1 });
    expect(answerToSeal(of('guess'), { text: 'x', choice: 1, guess: 0 })).toEqual({ text: 'x', choice: 1, guess: 0 });
    const s = await withKey();
    // A lone surrogate and a control character are what JSON escapes longest (6 bytes each).
    for (const char of ['é', '愛', '😀', '\ud83d', '\u0001', '"']) {
      const text = char.repeat(ANSWER_MAX / char.length);
      const sealed = await s.sealFor(0 as SeatIndex, 'answer:x', JSON.stringify({ text, choice: 1 }));
      expect(v.is(questionSwap.moveSchema, { type: 'answer', cardId: 'x', sealed }), char).toBe(true);
    }
  });

  it('reads only a well-formed answer from a partner’s device', () => {
    expect(readAnswer('{"text":"hi","choice":1}', 2)).toEqual({ text: 'hi', choice: 1 });
    for (const bad of ['[]', 'null', '"hi"', '{"text":5}', '{"choice":2}', '{"guess":-1}', '{"choice":0.5}', '{']) expect(readAnswer(bad, 2), bad).toBeNull();
  });
});
