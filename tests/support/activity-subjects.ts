// What the activity properties (tests/unit/awaiting.test.ts) know about each activity: how to start it,
// which moves give what it waits for, and what stays hidden when. One entry per activity, by id.
import fc from 'fast-check';
import { INTIMACY_KINDS } from '../../shared/intimacy.js';
import { other, withSeat, type SeatIndex } from '../../shared/core.js';
import { current, shownCount, type State as AppreciationsState } from '../../shared/activities/appreciations/index.js';
import { ANSWER_BUCKET, ITEM_BUCKET } from '../../shared/activities/appreciations/model.js';
import { MOOD_BUCKET, WORDS_BUCKET } from '../../shared/activities/check-in/model.js';
import { bothDone, turnOf, type State as FastFriendsState } from '../../shared/activities/fast-friends/index.js';
import { WORDS_BUCKET as FF_WORDS_BUCKET } from '../../shared/activities/fast-friends/model.js';
import { cardOf, isOpen, isRevealed } from '../../shared/activities/question-swap/index.js';
import { WILDCARD_CHOICE_KEYS } from '../../shared/activities/question-swap/wildcard.js';
import type { ActivityId, MoveFor, StateFor } from '../../shared/activities/registry.js';
import { PART_BUCKET, PARTS } from '../../shared/activities/what-it-means/index.js';
import { MAX_GUESSES, QUESTIONS } from '../../shared/activities/twenty-questions/index.js';
import { pick, type Rng } from '../../shared/random.js';
import { below, chance, type Canary, type Subject } from './activity-walk.js';
import { sealedAround } from './sealed.js';

const ALL_KINDS = [...INTIMACY_KINDS];
/** NOW (activity-walk.ts) is 2025-06-01 12:00 UTC: the 1st and 2nd are today somewhere, the 31st and the 3rd nowhere. */
const CHECK_IN_DAYS = ['2025-05-31', '2025-06-01', '2025-06-02', '2025-06-03'] as const;
/** Every id a plan state holds (ideas, steps, things needed): a browser makes them, fresh. */
const planIds = (state: StateFor<'plan-together'>): string[] => [
  ...state.drafts.flat().map((d) => d.id),
  ...state.pool.map((p) => p.id),
  ...(state.plan ? [...state.plan.steps.map((s) => s.id), ...state.plan.needs.map((n) => n.id)] : []),
];
const freshId = (prefix: string, taken: readonly string[]) => {
  let n = 1;
  while (taken.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
};
const somePick = <T>(items: readonly T[], rng: Rng): T[] => items.filter(() => chance(rng, 0.5));
const sameItems = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x) => b.includes(x));

// Input moves are the ones that give what the activity waits for. Moves allowed at any time that wait
// for nobody are left out on purpose: Question Swap's pass, redraw, react, star, wildcard, favourite,
// written cards and more (after the last card); Plan together's
// remove-idea, and add-idea once the ideas are revealed (anyone may add one while choosing); What it
// means' star and leave. They still run in every walk, through anyMove.
export const SUBJECTS: { [Id in ActivityId]: Subject<StateFor<Id>, MoveFor<Id>> } = {
  'question-swap': {
    start: fc
      .record({
        answerMode: fc.constantFrom('write' as const, 'talk' as const),
        rounds: fc.integer({ min: 3, max: 4 }),
        audience: fc.constantFrom('partners' as const, 'friends' as const, 'family' as const),
      })
      .map(({ audience, ...options }) => ({ options, context: { audience } })),
    // Consent, an answer to the card on the table, Done in talk mode, Next after a reveal, after
    // the other passed on a card you answered: share it anyway or let it go; and the closing note.
    inputMoves: (state, _seat, canary) => {
      const cardId = state.round?.cardId ?? 'no-card';
      return [
        { type: 'consent', kinds: ALL_KINDS, maxDepth: 3 },
        { type: 'note', round: state.closing?.round ?? 0, sealed: sealedAround(canary('note')) },
        { type: 'answer', cardId, sealed: sealedAround(canary('answer')) },
        { type: 'done', cardId },
        { type: 'next', cardId },
        { type: 'share-anyway', cardId },
        { type: 'let-go', cardId },
      ];
    },
    anyMove: (state, _seat, rng, canary) => {
      const card = state.round ? cardOf(state.round) : undefined;
      const cardId = chance(rng, 0.9) ? (card?.id ?? 'no-card') : 'emo-1-01';
      // Now and then a wildcard, a favourite or a written card (rarely, so walks still reach the end).
      if (chance(rng, 0.1)) return extraMove(state, cardId, rng, canary);
      switch (pick(['consent', 'answer', 'answer', 'done', 'next', 'pass', 'redraw', 'react', 'star', 'after-pass', 'more', 'note', 'note'] as const, rng)) {
        case 'note':
          return { type: 'note', round: state.closing?.round ?? 0, sealed: chance(rng, 0.8) ? sealedAround(canary('note')) : null };
        case 'consent': {
          const kinds = chance(rng, 0.5) ? ALL_KINDS : somePick(INTIMACY_KINDS, rng);
          return { type: 'consent', kinds: kinds.length > 0 ? kinds : ['emotional'], maxDepth: pick([1, 2, 3] as const, rng) };
        }
        case 'answer':
          return { type: 'answer', cardId, sealed: sealedAround(chance(rng, 0.8) ? canary('answer') : 'blank') };
        case 'react':
          return { type: 'react', cardId, reaction: chance(rng, 0.8) ? sealedAround(canary('reaction')) : null };
        case 'star': {
          const entries = (pick([[], [0], [1], [0, 1]] as const, rng) as readonly SeatIndex[]).map((seat) => ({ seat, sealed: sealedAround(canary('memory')) }));
          return { type: 'star', cardId, starred: chance(rng, 0.5), entries };
        }
        case 'after-pass':
          return { type: pick(['share-anyway', 'let-go'] as const, rng), cardId };
        case 'more':
          return { type: 'more', deeper: chance(rng, 0.5) };
        case 'done':
        case 'next':
        case 'pass':
        case 'redraw':
          return { type: pick(['done', 'next', 'pass', 'redraw'] as const, rng), cardId };
      }
    },
    // Choosing what you are open to is never shown; answers and closing notes stay hidden until both are in.
    hiddenInput: (state) =>
      state.phase === 'consent' ||
      (state.phase === 'finished' && !!state.closing && state.closing.notes.some((n) => n === null)) ||
      (state.phase === 'play' && !!state.round && !isRevealed(state, state.round) && !(state.options.answerMode === 'talk' && isOpen(cardOf(state.round)))),
    showsReveal: (state) => !!state.round && isRevealed(state, state.round),
    sealed: (state) => {
      if (state.phase === 'finished') return state.closing?.notes.some((n) => n === null) ? ['note'] : [];
      return state.round && !isRevealed(state, state.round) ? ['answer'] : [];
    },
    stage: (state) => {
      if (state.phase === 'finished' && state.closing?.notes.some((n) => n === null)) return 'closing';
      if (state.phase !== 'play' || !state.round) return state.phase;
      if (isRevealed(state, state.round)) return state.round.sharedAlone ? 'shared-alone' : 'revealed';
      if (state.round.passedBy != null) return 'passed';
      return state.options.answerMode === 'talk' && isOpen(cardOf(state.round)) ? 'talking' : 'answering';
    },
    stages: ['consent', 'answering', 'talking', 'passed', 'shared-alone', 'revealed', 'closing', 'finished'],
    // What you are open to, while the other has not chosen; your sealed answer until the reveal.
    hiddenVariants: (state, seat, rng) => {
      const chosen = state.consent[seat];
      if (state.phase === 'consent' && chosen) {
        const picked = somePick(INTIMACY_KINDS, rng);
        const unchosen = INTIMACY_KINDS.filter((k) => !chosen.kinds.includes(k));
        const kinds = picked.length > 0 && !sameItems(picked, chosen.kinds) ? picked : unchosen.length > 0 ? unchosen : [INTIMACY_KINDS[0]];
        const consenting = (changes: Partial<typeof chosen>) => ({ what: 'consent', state: { ...state, consent: withSeat(state.consent, seat, { ...chosen, ...changes }) } });
        return [consenting({ kinds }), ...([1, 2, 3] as const).filter((d) => d !== chosen.maxDepth).map((maxDepth) => consenting({ maxDepth }))];
      }
      const closing = state.closing;
      const note = closing?.notes[seat];
      if (state.phase === 'finished' && closing && note && closing.notes.some((n) => n === null)) {
        const others = [{ written: sealedAround('anotherNote') }, { skipped: true as const }].filter((n) => JSON.stringify(n) !== JSON.stringify(note));
        return others.map((n) => ({ what: 'note', state: { ...state, closing: { ...closing, notes: withSeat(closing.notes, seat, n) } } }));
      }
      const round = state.round;
      const answer = round?.answers[seat];
      if (state.phase !== 'play' || !round || !answer || isRevealed(state, round)) return [];
      // Another choice, guess or words seal to another value of the same size.
      const others = ['anotherAnswer', 'yetAnotherAnswer'].map((m) => sealedAround(m)).filter((s) => s !== answer);
      return others.map((sealed) => ({ what: 'answer', state: { ...state, round: { ...round, answers: withSeat(round.answers, seat, sealed) } } }));
    },
    hidden: ['consent', 'answer', 'note'],
  },

  'plan-together': {
    start: fc.constant({ options: { resume: false }, context: { audience: 'partners' as const } }),
    // Ideas until done, votes until done, any edit while planning, then the closing thanks. Every value is
    // a sealed stand-in that shows its canary, so the properties find a seat's sealed value in a view.
    inputMoves: (state, seat, canary) => {
      switch (state.phase) {
        case 'ideas':
          return [{ type: 'add-idea', ideaId: freshId(`idea${seat}x`, planIds(state)), idea: sealedAround(canary('idea')) }, { type: 'ideas-done' }];
        case 'choose':
          return [...state.pool.flatMap((idea) => [true, false].map((on) => ({ type: 'vote' as const, ideaId: idea.id, on }))), { type: 'votes-done' }];
        case 'plan':
          return [
            { type: 'add-step', stepId: freshId(`step${seat}x`, planIds(state)), text: sealedAround(canary('step')), owner: sealedAround('both'), date: sealedAround('nodate') },
            { type: 'set-title', text: sealedAround(canary('step')) },
            { type: 'add-need', needId: freshId(`need${seat}x`, planIds(state)), text: sealedAround(canary('step')) },
            { type: 'finish', ready: true },
          ];
        case 'finished':
          return [{ type: 'appreciate', text: sealedAround(canary('thanks')) }];
      }
    },
    anyMove: (state, seat, rng, canary) => {
      const text = (tag: string) => sealedAround(canary(tag));
      const steps = state.plan?.steps ?? [];
      const needs = state.plan?.needs ?? [];
      const ids = planIds(state);
      // Mostly a new id, now and then one that is taken.
      const newId = (prefix: string) => (chance(rng, 0.85) || ids.length === 0 ? freshId(`${prefix}${seat}x`, ids) : pick(ids, rng));
      const stepId = () => (steps.length > 0 && chance(rng, 0.85) ? pick(steps, rng).id : 's99');
      const needId = () => (needs.length > 0 && chance(rng, 0.85) ? pick(needs, rng).id : 'n99');
      const date = () => sealedAround(pick(['date0701', 'nodate'], rng));
      switch (below(rng, 18)) {
        case 0:
          return { type: 'add-idea', ideaId: newId('idea'), idea: text('idea') };
        case 1: {
          const mine = state.drafts[seat];
          return { type: 'remove-idea', ideaId: mine.length > 0 && chance(rng, 0.8) ? pick(mine, rng).id : 'nope99' };
        }
        case 2:
          return { type: 'ideas-done' };
        case 3: {
          const ideaId = state.pool.length > 0 && chance(rng, 0.9) ? pick(state.pool, rng).id : 'i99';
          return { type: 'vote', ideaId, on: chance(rng, 0.6) };
        }
        case 4:
          return { type: 'votes-done' };
        case 5:
          return { type: 'set-title', text: text('step') };
        case 6:
          return { type: 'set-why', text: text('step') };
        case 7:
          return { type: 'add-step', stepId: newId('step'), text: text('step'), owner: sealedAround(pick(['me', 'you', 'both'], rng)), date: date() };
        case 8: {
          const id = stepId();
          const rev = (steps.find((s) => s.id === id)?.rev ?? 1) + (chance(rng, 0.8) ? 0 : 1);
          return { type: 'edit-step', stepId: id, rev, text: text('step'), owner: sealedAround('both'), date: date() };
        }
        case 9:
          return { type: 'move-step', stepId: stepId(), before: chance(rng, 0.5) ? null : stepId() };
        case 10:
          return { type: 'check-step', stepId: stepId(), done: chance(rng, 0.5) };
        case 11:
          return { type: 'delete-step', stepId: stepId() };
        case 12:
          return { type: 'set-target', date: date() };
        case 13:
          return { type: 'add-need', needId: newId('need'), text: text('step') };
        case 14:
          return { type: 'check-need', needId: needId(), got: chance(rng, 0.5) };
        case 15:
          return { type: 'delete-need', needId: needId() };
        case 16:
          return { type: 'finish', ready: chance(rng, 0.85) };
        default:
          return { type: 'appreciate', text: text('thanks') };
      }
    },
    // The ideas until both are done, the votes until both are done, and the closing thanks until both wrote.
    hiddenInput: (state) =>
      state.phase === 'ideas' || state.phase === 'choose' || (state.phase === 'finished' && state.appreciations.some((a) => a === null)),
    showsReveal: (state) => state.appreciations.every((a) => a !== null),
    sealed: (state) => [
      ...(state.phase === 'ideas' ? ['idea'] : []),
      ...(state.appreciations.some((a) => a === null) ? ['thanks'] : []),
    ],
    stage: (state) => (state.phase === 'finished' && state.appreciations.every((a) => a !== null) ? 'thanked' : state.phase),
    stages: ['ideas', 'choose', 'plan', 'finished', 'thanked'],
    // Your sealed ideas until both are done, your votes while choosing, your thanks until the other wrote theirs.
    hiddenVariants: (state, seat, rng) => {
      const mine = state.drafts[seat];
      if (state.phase === 'ideas' && mine.length > 0) {
        const others = mine.map((d, i) => ({ ...d, sealed: sealedAround(`another${i}${below(rng, 1000)}`) }));
        const drafting = (drafts: typeof mine) => ({ what: 'ideas', state: { ...state, drafts: withSeat(state.drafts, seat, drafts) } });
        const reversed = [...mine].reverse();
        return [drafting(others), ...(JSON.stringify(reversed) !== JSON.stringify(mine) ? [drafting(reversed)] : [])];
      }
      const votes = state.votes[seat];
      if (state.phase === 'choose' && votes.length > 0) {
        const voting = (ids: string[]) => ({ what: 'votes', state: { ...state, votes: withSeat(state.votes, seat, ids) } });
        const unvoted = state.pool.filter((idea) => !votes.includes(idea.id));
        const swapped = unvoted.length > 0 ? [voting(votes.map((id, i) => (i === 0 ? pick(unvoted, rng).id : id)))] : [];
        return [...swapped, ...(votes.length > 1 ? [voting([...votes].reverse())] : [])];
      }
      const thanks = state.appreciations[seat];
      if (state.phase === 'finished' && thanks !== null && state.appreciations[other(seat)] === null) {
        return [{ what: 'thanks', state: { ...state, appreciations: withSeat(state.appreciations, seat, sealedAround(`truly${seat}`)) } }];
      }
      return [];
    },
    hidden: ['ideas', 'votes', 'thanks'],
  },

  appreciations: {
    start: fc.constantFrom('partners' as const, 'friends' as const, 'family' as const).map((audience) => ({ options: {}, context: { audience } })),
    // Sharing one to three (each a sealed value holding the seat's canary for its place), and the
    // answer to the one being read now.
    inputMoves: (state, seat, canary) => [
      { type: 'share', items: [0, 1, 2].slice(0, seat + 1 + (state.game.charCodeAt(0) % 2)).map((i) => sealedAround(canary(`item${i}`), ITEM_BUCKET)) },
      { type: 'answer', at: current(state) ?? 0, answer: sealedAround(canary('answer'), ANSWER_BUCKET) },
    ],
    anyMove: (state, seat, rng, canary) => {
      const at = chance(rng, 0.8) ? (current(state) ?? below(rng, 6)) : below(rng, 6);
      switch (pick(['share', 'share', 'answer', 'answer', 'aloud', 'star', 'leave'] as const, rng)) {
        case 'share':
          return { type: 'share', items: [0, 1, 2].slice(0, 1 + below(rng, 3)).map((i) => sealedAround(canary(`item${i}`), chance(rng, 0.8) ? ITEM_BUCKET : 1024)) };
        case 'answer':
          return { type: 'answer', at, answer: sealedAround(canary('answer'), ANSWER_BUCKET) };
        case 'aloud':
          return { type: 'aloud', at, on: chance(rng, 0.7) };
        case 'star': {
          const starred = chance(rng, 0.7);
          const seats = pick([[], [0], [1], [0, 1]] as const, rng) as readonly SeatIndex[];
          return { type: 'star', at, starred, entries: starred ? seats.map((s) => ({ seat: s, sealed: sealedAround(canary('memory')) })) : [] };
        }
        case 'leave':
          return { type: 'leave', ready: chance(rng, 0.8) };
      }
    },
    // What each wrote stays hidden until both are done; reading them is done together.
    hiddenInput: (state) => state.order.length === 0,
    showsReveal: (state) => state.order.length > 0,
    // Before the reveal, everything; then each place in a list until its first card is shown.
    sealed: (state) => {
      const shown = shownCount(state);
      return [0, 1, 2].filter((i) => state.order.every((t, at) => t.index !== i || at >= shown)).map((i) => `item${i}`);
    },
    stage: (state) => {
      if (state.order.length === 0) return state.writers.some((w) => w.done) ? 'one-shared' : 'writing';
      const now = current(state);
      return now === null ? 'all-read' : state.aloud === now ? 'aloud' : 'reading';
    },
    stages: ['writing', 'one-shared', 'reading', 'aloud', 'all-read'],
    // Your appreciations (other sealed values, or another order) until both are done; then the ones of
    // yours not shown yet.
    hiddenVariants: (state, seat, rng) => {
      const mine = state.writers[seat];
      const writing = (items: string[], what: string) => ({ what, state: { ...state, writers: withSeat(state.writers, seat, { ...mine, items }) } as AppreciationsState });
      if (state.order.length === 0) {
        if (!mine.done) return [];
        const others = writing(mine.items.map((_, i) => sealedAround(`other${i}x${below(rng, 1000)}`, ITEM_BUCKET)), 'appreciations');
        return mine.items.length > 1 ? [others, writing([...mine.items].reverse(), 'appreciations')] : [others];
      }
      const shown = shownCount(state);
      const unread = state.order.filter((t, at) => t.from === seat && at >= shown).map((t) => t.index);
      if (unread.length === 0) return [];
      return [writing(mine.items.map((s, i) => (unread.includes(i) ? sealedAround(`unread${i}x${below(rng, 1000)}`, ITEM_BUCKET) : s)), 'unread')];
    },
    hidden: ['appreciations', 'unread'],
  },

  'what-it-means': {
    start: fc.constant({ options: {}, context: { audience: 'friends' as const } }),
    // A ranking, ratings and sentences (each a sealed value holding the seat's canary), and Done.
    inputMoves: (_state, _seat, canary) => [
      { type: 'rank', ranking: sealedAround(canary('ranking'), PART_BUCKET.ranking) },
      { type: 'rate', ratings: sealedAround(canary('ratings'), PART_BUCKET.ratings) },
      { type: 'sentences', sentences: sealedAround(canary('sentences'), PART_BUCKET.sentences) },
      { type: 'done' },
    ],
    anyMove: (_state, seat, rng, canary) => {
      switch (pick(['rank', 'rate', 'sentences', 'sentences', 'done', 'star', 'leave'] as const, rng)) {
        case 'rank':
          return { type: 'rank', ranking: sealedAround(canary('ranking'), PART_BUCKET.ranking) };
        case 'rate':
          return { type: 'rate', ratings: sealedAround(canary('ratings'), PART_BUCKET.ratings) };
        case 'sentences':
          // Now and then a smaller bucket: the size of the sealed value is all the server sees of it.
          return { type: 'sentences', sentences: sealedAround(canary('sentences'), chance(rng, 0.5) ? 1024 : PART_BUCKET.sentences) };
        case 'done':
          return { type: 'done' };
        case 'leave':
          return { type: 'leave', ready: chance(rng, 0.8) };
        case 'star': {
          const part = pick(['ranking', 'ratings', 'sentence', 'gap'] as const, rng);
          const target = part === 'ranking' || part === 'ratings' ? { part } : { part, index: below(rng, 4) };
          const starred = chance(rng, 0.7);
          return { type: 'star', target, starred, entries: starred && chance(rng, 0.9) ? [{ seat, sealed: sealedAround(canary('memory'), 64) }] : [] };
        }
      }
    },
    // Everything each gives stays hidden until both are done.
    hiddenInput: (state) => !state.revealed,
    showsReveal: (state) => state.revealed,
    sealed: (state) => (state.revealed ? [] : ['ranking', 'ratings', 'sentences']),
    stage: (state) => (state.revealed ? 'revealed' : 'answering'),
    stages: ['answering', 'revealed'],
    // Your ranking, ratings and sentences (other sealed values of the same size) until both are done.
    hiddenVariants: (state, seat, rng) => {
      if (state.revealed) return [];
      const entry = state.entries[seat];
      return PARTS.flatMap((part) =>
        entry[part] === null
          ? []
          : [{ what: part, state: { ...state, entries: withSeat(state.entries, seat, { ...entry, [part]: sealedAround(`other${below(rng, 1000)}`, PART_BUCKET[part]) }) } }],
      );
    },
    hidden: ['ranking', 'ratings', 'sentences'],
  },

  'twenty-questions': {
    start: fc.constantFrom('partners' as const, 'friends' as const, 'family' as const).map((audience) => ({ options: {}, context: { audience } })),
    // Choosing the thing; asking (typed or aloud) and guessing; answering, judging (wrong more often than
    // right, so walks go on) and the hint; after the reveal, being ready to swap roles. Each seat is
    // offered its own role's moves: the other role's are refused to it anyway.
    inputMoves: (state, seat, canary) => {
      const thinker = seat === state.thinker;
      const pendingGuess = state.guesses.findIndex((g) => g.right === null) + 1;
      if (state.phase === 'choosing') return [{ type: 'choose', thing: sealedAround(canary('thing'), 1024) }];
      if (state.phase === 'revealed') return [{ type: 'swap', ready: true }];
      if (thinker) {
        const n = Math.max(1, state.questions.length);
        const open = state.questions[n - 1]?.answer === null;
        const judging = pendingGuess > 0;
        const hinting = state.hint.asked && state.hint.given === null;
        // What is due, or (when nothing is) one of each, which is refused.
        const moves: MoveFor<'twenty-questions'>[] = [
          ...(open || !(judging || hinting) ? [{ type: 'answer' as const, n, answer: sealedAround(canary('answer')) }] : []),
          ...(judging || !(open || hinting) ? ([false, false, true] as const).map((right) => ({ type: 'judge' as const, n: Math.max(1, pendingGuess), right })) : []),
          ...(hinting || !(open || judging) ? [{ type: 'hint' as const, words: sealedAround(canary('hint')) }] : []),
        ];
        return moves;
      }
      const n = Math.min(QUESTIONS, state.questions.length + 1);
      return [
        { type: 'ask', n, words: sealedAround(canary('question')) },
        { type: 'ask', n, words: null },
        { type: 'ask', n, words: sealedAround(canary('question')) },
        { type: 'ask', n, words: sealedAround(canary('question')) },
        { type: 'guess', n: Math.min(MAX_GUESSES, state.guesses.length + 1), words: sealedAround(canary('guess')) },
      ];
    },
    anyMove: (state, _seat, rng, canary) => {
      const near = (n: number, max: number) => Math.min(max, Math.max(1, chance(rng, 0.8) ? n : n + below(rng, 3) - 1));
      switch (pick(['prompts', 'choose', 'ask', 'answer', 'guess', 'judge', 'ask-hint', 'ask-hint', 'hint', 'give-up', 'story', 'star', 'swap'] as const, rng)) {
        case 'prompts':
          return { type: 'prompts' };
        case 'choose':
          return { type: 'choose', thing: sealedAround(canary('thing'), 1024) };
        case 'ask':
          return { type: 'ask', n: near(state.questions.length + 1, QUESTIONS), words: chance(rng, 0.7) ? sealedAround(canary('question')) : null };
        case 'answer':
          return { type: 'answer', n: near(state.questions.length, QUESTIONS), answer: sealedAround(canary('answer')) };
        case 'guess':
          return { type: 'guess', n: near(state.guesses.length + 1, MAX_GUESSES), words: sealedAround(canary('guess')) };
        case 'judge':
          return { type: 'judge', n: near(state.guesses.length, MAX_GUESSES), right: chance(rng, 0.3) };
        case 'ask-hint':
          return { type: 'ask-hint' };
        case 'hint':
          return { type: 'hint', words: sealedAround(canary('hint')) };
        case 'give-up':
          return chance(rng, 0.3) ? { type: 'give-up' } : { type: 'ask-hint' };
        case 'story':
          return { type: 'story', words: chance(rng, 0.8) ? sealedAround(canary('story')) : null };
        case 'star': {
          const entries = (pick([[], [0], [1]] as const, rng) as readonly SeatIndex[]).map((s) => ({ seat: s, sealed: sealedAround(canary('memory')) }));
          return { type: 'star', starred: chance(rng, 0.7), entries };
        }
        case 'swap':
          return { type: 'swap', ready: chance(rng, 0.85) };
      }
    },
    // The thing is private while it is chosen; the questions and answers are seen by both.
    hiddenInput: (state) => state.phase === 'choosing',
    showsReveal: (state) => state.phase === 'revealed',
    // The thing stays the thinker's alone until the reveal.
    sealed: (state) => (state.phase === 'revealed' ? [] : ['thing']),
    stage: (state) => {
      if (state.phase !== 'asking') return state.phase === 'revealed' ? `revealed:${state.ending}` : state.phase;
      if (state.guesses.some((g) => g.right === null)) return 'judging';
      if (state.hint.asked && state.hint.given === null) return 'hinting';
      const last = state.questions[state.questions.length - 1];
      return last && last.answer === null ? 'answering' : 'asking';
    },
    stages: ['choosing', 'asking', 'answering', 'judging', 'hinting', 'revealed:guessed', 'revealed:gave-up'],
    // All twenty questions answered with no right guess: 40 accepted moves in a walk of at most 150 steps,
    // with a right guess or a give-up likely first (tests/unit/twenty-questions.test.ts plays it out).
    rareStages: ['revealed:out-of-questions'],
    // The thinker's thing (another sealed value of the same size) until the reveal.
    hiddenVariants: (state, seat, rng) =>
      state.thing !== null && seat === state.thinker && state.phase !== 'revealed'
        ? [{ what: 'thing', state: { ...state, thing: sealedAround(`another${below(rng, 1000)}`, 1024) } }]
        : [],
    hidden: ['thing'],
  },

  'check-in': {
    start: fc.constant({ options: { resume: false }, context: { audience: 'partners' as const } }),
    // The check-in for the current day (the first day today somewhere, when none is open yet): its mood and
    // words sealed stand-ins tagged with the day. Opening a new day is the screen's move and waits for nobody.
    inputMoves: (state, _seat, canary) => {
      const day = state.days.at(-1)?.day ?? CHECK_IN_DAYS[1];
      return [{ type: 'answer', day, mood: sealedAround(canary(`mood-${day}`), MOOD_BUCKET), words: sealedAround(canary(`words-${day}`), WORDS_BUCKET) }];
    },
    anyMove: (state, seat, rng, canary) => {
      const day = pick(CHECK_IN_DAYS, rng);
      switch (pick(['zone', 'room-zone', 'day', 'answer', 'answer', 'read', 'star'] as const, rng)) {
        case 'zone':
          return { type: 'zone', zone: sealedAround(canary('zone')) };
        case 'room-zone':
          return { type: 'room-zone', zone: sealedAround(canary('zone')) };
        case 'day':
          return { type: 'day', day };
        case 'answer':
          // Now and then a smaller bucket: the size is all the server sees of the words.
          return { type: 'answer', day, mood: sealedAround(canary(`mood-${day}`)), words: sealedAround(canary(`words-${day}`), chance(rng, 0.5) ? 1024 : WORDS_BUCKET) };
        case 'read':
          return { type: 'read', day: chance(rng, 0.2) ? null : day };
        case 'star': {
          const starred = chance(rng, 0.7);
          return { type: 'star', day, starred, entries: starred && chance(rng, 0.9) ? [{ seat, sealed: sealedAround(canary('memory'), 64) }] : [] };
        }
      }
    },
    // Each check-in stays hidden until both are in for that day.
    hiddenInput: (state) => { const d = state.days.at(-1); return !d || d.entries.some((e) => e === null); },
    showsReveal: (state) => { const d = state.days.at(-1); return !!d && d.entries.every((e) => e !== null); },
    sealed: (state) => state.days.filter((d) => d.entries.some((e) => e === null)).flatMap((d) => [`mood-${d.day}`, `words-${d.day}`]),
    stage: (state) => {
      const d = state.days.at(-1);
      if (!d) return 'none';
      const n = d.entries.filter((e) => e !== null).length;
      return n === 0 ? 'open' : n === 1 ? 'one-in' : 'both-in';
    },
    stages: ['none', 'open', 'one-in', 'both-in'],
    // My mood or my words for a day the other is not in yet (other sealed values of the same size).
    hiddenVariants: (state, seat, rng) =>
      state.days.flatMap((d, i) => {
        const mine = d.entries[seat];
        if (!mine || d.entries[other(seat)] !== null) return [];
        const changed = (entry: typeof mine) => {
          const days = [...state.days];
          days[i] = { ...d, entries: withSeat(d.entries, seat, entry) };
          return { ...state, days };
        };
        return [
          { what: 'mood', state: changed({ ...mine, mood: sealedAround(`other${below(rng, 1000)}`, MOOD_BUCKET) }) },
          { what: 'words', state: changed({ ...mine, words: sealedAround(`other${below(rng, 1000)}`, WORDS_BUCKET) }) },
        ];
      }),
    hidden: ['mood', 'words'],
  },
  'fast-friends': {
    start: fc.constantFrom('partners' as const, 'friends' as const).map((audience) => ({ options: {}, context: { audience } })),
    // My turn on the question on the table (words sealed with my canary for its place, or a pass), going
    // on (to the next question or the next set: the latter often, so walks reach the end), and the
    // closing minute. Stars and leaving wait for nobody.
    inputMoves: (state, _seat, canary) => {
      const at = state.current?.at ?? 0;
      return [
        { type: 'answer', at, words: sealedAround(canary(`words${at}`), FF_WORDS_BUCKET) },
        { type: 'pass', at },
        { type: 'next', to: 'question', ready: true },
        { type: 'next', to: 'set', ready: true },
        { type: 'next', to: 'set', ready: true },
        { type: 'closed', ready: true },
      ];
    },
    anyMove: (state, seat, rng, canary) => {
      const at = chance(rng, 0.85) ? (state.current?.at ?? 0) : below(rng, 4);
      switch (pick(['answer', 'answer', 'pass', 'next', 'next', 'star', 'closed', 'leave'] as const, rng)) {
        case 'answer':
          return { type: 'answer', at, words: sealedAround(canary(`words${at}`), chance(rng, 0.8) ? FF_WORDS_BUCKET : 1024) };
        case 'pass':
          return { type: 'pass', at };
        case 'next':
          return { type: 'next', to: chance(rng, 0.5) ? 'question' : 'set', ready: chance(rng, 0.8) };
        case 'star': {
          const starred = chance(rng, 0.7);
          const seats = pick([[], [0], [1], [0, 1]] as const, rng) as readonly SeatIndex[];
          return { type: 'star', at, starred, entries: starred ? seats.map((s) => ({ seat: s, sealed: sealedAround(canary('memory')) })) : [] };
        }
        case 'closed':
          return { type: 'closed', ready: chance(rng, 0.8) };
        case 'leave':
          return { type: 'leave', ready: chance(rng, 0.8) || seat === 0 };
      }
    },
    // Each turn's words (and whether it was a pass) stay hidden until both are done with the question.
    hiddenInput: (state) => state.phase === 'questions' && !!state.current && !bothDone(state.current),
    showsReveal: (state) => state.phase === 'questions' && !!state.current && bothDone(state.current),
    sealed: (state) => (state.current && !bothDone(state.current) ? [`words${state.current.at}`] : []),
    stage: (state) => {
      const q = state.current;
      if (state.phase !== 'questions' || !q) return state.phase;
      const turn = turnOf(q);
      return turn === null ? 'both-done' : turn === q.first ? 'first-turn' : 'second-turn';
    },
    stages: ['intro', 'first-turn', 'second-turn', 'both-done', 'closing', 'done'],
    // My words (another sealed value of the same size) or whether I passed, while the other's turn is still to come.
    hiddenVariants: (state, seat, rng) => {
      const q = state.current;
      const mine = q?.turns[seat];
      if (!q || !mine || bothDone(q)) return [];
      const withTurn = (turn: NonNullable<typeof mine>, what: string) => ({ what, state: { ...state, current: { ...q, turns: withSeat(q.turns, seat, turn) } } as FastFriendsState });
      const words = sealedAround(`other${below(rng, 1000)}`, FF_WORDS_BUCKET);
      return mine.passed
        ? [withTurn({ passed: false, words }, 'pass')]
        : [withTurn({ passed: false, words }, 'words'), withTurn({ passed: true, words: null }, 'pass')];
    },
    hidden: ['words', 'pass'],
  },
};

/** Now and then in a Question Swap walk: a wildcard, a favourite, or a card written or taken back. */
function extraMove(state: StateFor<'question-swap'>, cardId: string, rng: Rng, canary: Canary): MoveFor<'question-swap'> {
  const own = state.library?.cards ?? [];
  switch (pick(['wildcard', 'favourite', 'write'] as const, rng)) {
    case 'wildcard': {
      const move: MoveFor<'question-swap'> = { type: 'wildcard', cardId, to: pick(WILDCARD_CHOICE_KEYS, rng) };
      return chance(rng, 0.7) ? { ...move, kind: pick(INTIMACY_KINDS, rng) } : move;
    }
    case 'favourite':
      return { type: 'favourite', cardId, on: chance(rng, 0.7) };
    case 'write':
      if (own.length > 0 && chance(rng, 0.5)) return { type: 'remove-card', id: pick(own, rng).id };
      return { type: 'write-card', id: `own-walk${Math.floor(rng.next() * 1e6)}`.padEnd(12, 'x'), kind: pick(INTIMACY_KINDS, rng), depth: pick([1, 2, 3] as const, rng), cardType: 'question', sealed: sealedAround(canary('card')) };
  }
}
