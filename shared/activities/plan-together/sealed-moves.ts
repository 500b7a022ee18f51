// The plan's moves as a browser makes them from what a person wrote: each checks the words first (the
// same sentences the server used to answer) and seals every value for its slot, as the seat sending it.
// Pure but for fresh ids: the screens run them (client/activities/plan-together/plan-moves.svelte.ts),
// and so do tests in Node, with a real key.
import type { AppError, SeatIndex } from '../../core.js';
import { toBase64Url } from '../../sealed/seal.js';
import type { Sealed } from '../../sealed/shape.js';
import { checkDate, cleanIdea, cleanLine, cleanText } from './checks.js';
import { SLOTS } from './editing.js';
import type { Move } from './index.js';
import { ideaText, ownerText, type IdeaWords, type RelativeOwner } from './open.js';

/** Seals a text for a slot of this activity, as the seat sending the move. */
export type Seal = (slot: string, text: string) => Promise<Sealed>;

/** Makes a move with a Seal: the move, or what is wrong with what was written (then nothing is sent). */
export type Maker = (seal: Seal) => Promise<Move | AppError>;

/** An id for something a person adds (an idea, a step, a thing needed): its values are sealed for slots named by it. */
export function newId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(9)));
}

const problem = (value: string | AppError): value is AppError => typeof value !== 'string';

/** An idea written or picked from the deck; a deck idea picked twice is refused here. */
export function addIdea(idea: IdeaWords, mine: readonly IdeaWords[]): Maker {
  return async (seal) => {
    if (idea.deck && mine.some((d) => d.deck === idea.deck)) return { code: 'NOT_POSSIBLE', message: 'You picked that one already.' };
    const text = idea.deck ? idea.text : cleanIdea(idea.text);
    if (problem(text)) return text;
    const ideaId = newId();
    return { type: 'add-idea', ideaId, idea: await seal(SLOTS.idea(ideaId), ideaText({ ...idea, text })) };
  };
}

/** What a step's details hold, as this person says who does it. */
export interface StepWords {
  text: string;
  owner: RelativeOwner;
  /** YYYY-MM-DD, or '' for none. */
  date: string;
}

async function sealStep(seal: Seal, stepId: string, words: StepWords, seat: SeatIndex) {
  const [text, owner, date] = await Promise.all([
    seal(SLOTS.stepText(stepId), words.text.trim()),
    seal(SLOTS.stepOwner(stepId), ownerText(words.owner, seat)),
    seal(SLOTS.stepDate(stepId), words.date),
  ]);
  return { text, owner, date };
}

function stepProblem(words: StepWords, now: number): AppError | null {
  const text = cleanText(words.text, 'A step');
  return problem(text) ? text : checkDate(words.date, now);
}

export function addStep(words: StepWords, seat: SeatIndex, now = Date.now()): Maker {
  return async (seal) => {
    const wrong = stepProblem(words, now);
    if (wrong) return wrong;
    const stepId = newId();
    return { type: 'add-step', stepId, ...(await sealStep(seal, stepId, words, seat)) };
  };
}

/** An edit of a step's words, owner and date, made over the version `rev` they were opened from. */
export function editStep(stepId: string, rev: number, words: StepWords, seat: SeatIndex, now = Date.now()): Maker {
  return async (seal) => {
    const wrong = stepProblem(words, now);
    if (wrong) return wrong;
    return { type: 'edit-step', stepId, rev, ...(await sealStep(seal, stepId, words, seat)) };
  };
}

/** The target date (or none); one in the past is asked about first (PAST_DATE) unless confirmed. */
export function setTarget(date: string | null, confirmPast: boolean, now = Date.now()): Maker {
  return async (seal) => checkDate(date, now, confirmPast) ?? { type: 'set-target', date: await seal(SLOTS.target, date ?? '') };
}

export function addNeed(text: string): Maker {
  return async (seal) => {
    const clean = cleanText(text, 'A thing needed');
    if (problem(clean)) return clean;
    const needId = newId();
    return { type: 'add-need', needId, text: await seal(SLOTS.need(needId), clean) };
  };
}

export function setWhy(text: string): Maker {
  return async (seal) => {
    const clean = cleanLine(text, null);
    return problem(clean) ? clean : { type: 'set-why', text: await seal(SLOTS.why, clean) };
  };
}

export function appreciate(text: string): Maker {
  return async (seal) => {
    const clean = cleanLine(text, 'Write a line for the other person.');
    return problem(clean) ? clean : { type: 'appreciate', text: await seal(SLOTS.thanks, clean) };
  };
}
