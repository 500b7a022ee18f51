// 20 Questions: one, the thinker, picks something for the other to guess (from a prompt or anything
// they like); the asker asks yes-or-no questions, typed or asked aloud, and may guess at any time; the
// thinker answers each and says whether a guess is right. After a right guess or the 20th answer comes
// the reveal, then the story behind it, a star to Memories, and swapping roles, agreed by both.
// Sealed from the start: the thing, every question, answer, guess, hint and story arrive sealed by the
// browser that wrote them. The core keeps only structure — whose role, how many questions, which are
// answered, the hint, the guesses and their verdicts, the phase — and hands the thing to the asker only
// at the reveal. No score is kept about the two of them: a round ends, and they swap.
import * as v from 'valibot';
import { PROMPT_KINDS, PROMPTS, promptsFor, type Prompt } from '../../content/twenty-questions.js';
import { other, refuse, withSeat, type SeatIndex } from '../../core.js';
import { pick, type Rng } from '../../random.js';
import { sealedSchema } from '../../sealed/shape.js';
import { moved, starredEntriesSchema, starredMemory, type Activity, type Awaiting, type MoveResult, type SetupContext } from '../types.js';
import { info } from './info.js';
import {
  BUCKET,
  HINT_AFTER,
  MAX_GUESSES,
  MEMORY_TITLE,
  memoryKeyOf,
  QUESTIONS,
  type Ending,
  type Move,
  type State,
  type View,
} from './model.js';

export * from './model.js';

const Number1to20 = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(QUESTIONS));

export const moveSchema = v.variant('type', [
  v.object({ type: v.literal('prompts') }),
  v.object({ type: v.literal('choose'), thing: sealedSchema(BUCKET.thing, 'The thing to guess is missing.') }),
  v.object({ type: v.literal('ask'), n: Number1to20, words: v.nullable(sealedSchema(BUCKET.question, 'The question is missing.')) }),
  v.object({ type: v.literal('answer'), n: Number1to20, answer: sealedSchema(BUCKET.answer, 'The answer is missing.') }),
  v.object({ type: v.literal('guess'), n: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_GUESSES)), words: sealedSchema(BUCKET.guess, 'The guess is missing.') }),
  v.object({ type: v.literal('judge'), n: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_GUESSES)), right: v.boolean() }),
  v.object({ type: v.literal('ask-hint') }),
  v.object({ type: v.literal('hint'), words: sealedSchema(BUCKET.hint, 'The hint is missing.') }),
  v.object({ type: v.literal('give-up') }),
  v.object({ type: v.literal('story'), words: v.nullable(sealedSchema(BUCKET.story, 'The story is missing.')) }),
  v.object({ type: v.literal('star'), starred: v.boolean(), entries: v.optional(starredEntriesSchema) }),
  v.object({ type: v.literal('swap'), ready: v.boolean() }),
]) satisfies v.GenericSchema<unknown, Move>;

export const optionsSchema = v.object({});

let promptsById: Map<string, Prompt> | undefined;
const promptById = (id: string) => (promptsById ??= new Map(PROMPTS.map((p) => [p.id, p]))).get(id);

/** One prompt of each kind that suits the audience, another than the one shown now where there is one. */
function drawPrompts(audience: State['audience'], shown: readonly string[], rng: Rng): string[] {
  const suitable = promptsFor(audience);
  return PROMPT_KINDS.flatMap((kind) => {
    const ofKind = suitable.filter((p) => p.kind === kind);
    const fresh = ofKind.filter((p) => !shown.includes(p.id));
    const from = fresh.length > 0 ? fresh : ofKind;
    return from.length > 0 ? [pick(from, rng).id] : [];
  });
}

function newRound(audience: State['audience'], round: number, thinker: SeatIndex, rng: Rng): State {
  return {
    audience,
    round,
    thinker,
    phase: 'choosing',
    prompts: drawPrompts(audience, [], rng),
    thing: null,
    questions: [],
    guesses: [],
    hint: { asked: false, given: null },
    ending: null,
    story: null,
    starred: [false, false],
    swap: [false, false],
  };
}

function setup(_options: unknown, context: SetupContext, rng: Rng): State {
  return newRound(context.audience, 1, rng.next() < 0.5 ? 0 : 1, rng);
}

const answered = (state: State) => state.questions.filter((q) => q.answer !== null).length;
const openQuestion = (state: State) => state.questions.length > 0 && state.questions[state.questions.length - 1]!.answer === null;
const openGuess = (state: State) => state.guesses.some((g) => g.right === null);

/** What the asker may do now (the screens read it from the view). */
function asker(state: State) {
  const asking = state.phase === 'asking';
  return {
    ask: asking && state.questions.length < QUESTIONS && !openQuestion(state),
    guess: asking && !openGuess(state) && state.guesses.length < MAX_GUESSES,
    askHint: asking && !state.hint.asked && answered(state) >= HINT_AFTER,
    giveUp: asking,
  };
}

const reveal = (state: State, ending: Ending): State => ({ ...state, phase: 'revealed', ending });

/** All 20 answered and no guess waiting for its verdict: the round is revealed. */
const outOfQuestions = (state: State): State =>
  answered(state) >= QUESTIONS && !openGuess(state) ? reveal(state, 'out-of-questions') : state;

function asking(state: State, seat: SeatIndex, m: Move): MoveResult<State> {
  const isThinker = seat === state.thinker;
  const can = asker(state);
  const askerOnly = () => refuse('NOT_YOUR_TURN', 'You are the one who knows the answer: the other person asks and guesses.');
  const thinkerOnly = () => refuse('NOT_YOUR_TURN', 'Only the one thinking of the thing can do that.');
  switch (m.type) {
    case 'ask':
      if (isThinker) return askerOnly();
      if (state.questions.length >= QUESTIONS) return refuse('NOT_POSSIBLE', `That was question ${QUESTIONS}: there are no more to ask.`);
      if (!can.ask) return refuse('WRONG_PHASE', 'Wait for the answer to your last question first.');
      if (m.n !== state.questions.length + 1) return refuse('NOT_FOUND', 'That question was already asked.');
      return moved({ ...state, questions: [...state.questions, { words: m.words, answer: null }] });
    case 'answer': {
      if (!isThinker) return thinkerOnly();
      const question = state.questions[m.n - 1];
      if (!question) return refuse('NOT_FOUND', 'There is no such question to answer.');
      if (question.answer !== null) return refuse('ALREADY_ANSWERED', 'You have already answered that question.');
      const questions = state.questions.map((q, i) => (i === m.n - 1 ? { ...q, answer: m.answer } : q));
      return moved(outOfQuestions({ ...state, questions }));
    }
    case 'guess':
      if (isThinker) return askerOnly();
      if (openGuess(state)) return refuse('WRONG_PHASE', 'Wait to hear whether your last guess was right.');
      if (state.guesses.length >= MAX_GUESSES) return refuse('NOT_POSSIBLE', `That's ${MAX_GUESSES} guesses, the most a round takes: keep asking, or ask to be told.`);
      if (m.n !== state.guesses.length + 1) return refuse('NOT_FOUND', 'That guess was already made.');
      return moved({ ...state, guesses: [...state.guesses, { words: m.words, right: null, afterQuestions: state.questions.length }] });
    case 'judge': {
      if (!isThinker) return thinkerOnly();
      const guess = state.guesses[m.n - 1];
      if (!guess) return refuse('NOT_FOUND', 'There is no such guess.');
      if (guess.right !== null) return refuse('ALREADY_ANSWERED', 'You have already said whether that guess was right.');
      const judged = { ...state, guesses: state.guesses.map((g, i) => (i === m.n - 1 ? { ...g, right: m.right } : g)) };
      return moved(m.right ? reveal(judged, 'guessed') : outOfQuestions(judged));
    }
    case 'ask-hint':
      if (isThinker) return askerOnly();
      if (state.hint.asked) return refuse('NOT_POSSIBLE', 'One hint a round, and you have asked for it.');
      if (!can.askHint) return refuse('WRONG_PHASE', `A hint can be asked for after question ${HINT_AFTER} is answered.`);
      return moved({ ...state, hint: { asked: true, given: null } });
    case 'hint':
      if (!isThinker) return thinkerOnly();
      if (!state.hint.asked) return refuse('WRONG_PHASE', 'Nobody has asked for a hint.');
      if (state.hint.given !== null) return refuse('ALREADY_ANSWERED', 'You have already given the hint.');
      return moved({ ...state, hint: { asked: true, given: m.words } });
    case 'give-up':
      if (isThinker) return refuse('NOT_YOUR_TURN', 'Only the one guessing can ask to be told.');
      return moved(reveal(state, 'gave-up'));
    case 'prompts':
    case 'choose':
      return refuse('WRONG_PHASE', 'The thing is chosen: it stays as it is for this round.');
    default:
      return refuse('WRONG_PHASE', 'That comes after the reveal.');
  }
}

function revealed(state: State, seat: SeatIndex, m: Move): MoveResult<State> {
  switch (m.type) {
    case 'story':
      if (seat !== state.thinker) return refuse('NOT_YOUR_TURN', 'The story is for the one who chose the thing to tell.');
      return moved({ ...state, story: m.words });
    case 'star': {
      const entries = m.entries ?? [];
      if (entries.some((e) => e.seat !== state.thinker)) return refuse('BAD_REQUEST', 'Only the thing and its story can be kept.');
      if (m.starred && entries.length === 0) return refuse('BAD_REQUEST', 'There is nothing here to keep.');
      const starred = withSeat(state.starred, seat, m.starred);
      return moved({ ...state, starred }, m.starred ? [starredMemory(memoryKeyOf(state.round), MEMORY_TITLE, entries)] : undefined);
    }
    case 'swap':
      if (state.swap[seat] === m.ready) return m.ready ? refuse('ALREADY_READY', 'You are ready to swap roles.') : refuse('NOT_POSSIBLE', 'You had not said you were ready to swap.');
      return moved({ ...state, swap: withSeat(state.swap, seat, m.ready) });
    default:
      return refuse('WRONG_PHASE', 'This round is revealed: swap roles for the next one.');
  }
}

function move(state: State, seat: SeatIndex, m: Move, ctx: { rng: Rng }): MoveResult<State> {
  if (state.phase === 'choosing') {
    if (seat !== state.thinker) return refuse('NOT_YOUR_TURN', 'The other person is still choosing something for you to guess.');
    if (m.type === 'prompts') return moved({ ...state, prompts: drawPrompts(state.audience, state.prompts, ctx.rng) });
    if (m.type === 'choose') return moved({ ...state, phase: 'asking', thing: m.thing });
    return refuse('WRONG_PHASE', 'Choose the thing to guess first.');
  }
  if (state.phase === 'asking') return asking(state, seat, m);
  const result = revealed(state, seat, m);
  // Both ready: the next round, the other way round.
  if (result.ok && result.value.state.swap.every(Boolean)) {
    const next = result.value.state;
    return moved(newRound(next.audience, next.round + 1, other(next.thinker), ctx.rng));
  }
  return result;
}

function view(state: State, seat: SeatIndex): View {
  const isThinker = seat === state.thinker;
  const prompts =
    isThinker && state.phase === 'choosing'
      ? state.prompts.flatMap((id) => {
          const p = promptById(id);
          return p ? [{ id: p.id, kind: p.kind, text: p.text }] : [];
        })
      : [];
  return {
    seat,
    round: state.round,
    thinker: state.thinker,
    phase: state.phase,
    prompts,
    // The thing reaches the asker only at the reveal.
    thing: isThinker || state.phase === 'revealed' ? state.thing : null,
    questions: state.questions,
    guesses: state.guesses,
    hint: state.hint,
    ending: state.ending,
    story: state.story,
    starred: state.starred[seat],
    swap: state.swap,
    can: asker(state),
    questionsLeft: QUESTIONS - state.questions.length,
  };
}

/**
 * Choosing the thing is private: the thinker's alone. Then both look at the questions together: the asker
 * is awaited while they may ask or guess, the thinker while a question, a guess or a hint waits for them.
 * After the reveal, whoever has not said they are ready to swap roles.
 */
function awaiting(state: State): Awaiting {
  if (state.phase === 'choosing') return { seats: [state.thinker], private: true };
  if (state.phase === 'revealed') return { seats: ([0, 1] as const).filter((s) => !state.swap[s]), private: false };
  const can = asker(state);
  const thinkerDue = openQuestion(state) || openGuess(state) || (state.hint.asked && state.hint.given === null);
  return {
    seats: [...(thinkerDue ? [state.thinker] : []), ...(can.ask || can.guess ? [other(state.thinker)] : [])],
    private: false,
  };
}

export const twentyQuestions: Activity<v.InferOutput<typeof optionsSchema>, State, Move, View, typeof info> = {
  info,
  optionsSchema,
  moveSchema,
  setup,
  move,
  view,
  awaiting,
  // It goes on round after round, swapping roles, until they leave it.
  finished: () => false,
};
