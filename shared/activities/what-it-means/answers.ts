// What one person answers in "What intimacy means to me" — a ranking, ratings and up to three sentences — as
// the browser checks it, writes it for sealing and reads it back, and what follows from both answers after
// the reveal (the gaps and their prompts, the lines a star keeps). Pure, and browser-side: the server
// holds these only sealed, so it can no longer check them; the screens do, before sealing.
import { FOUNDATION_BETWEEN, FOUNDATION_WANT, KIND_RANKED_APART } from '../../content/gap-prompts.js';
import { STARTERS } from '../../content/starters.js';
import { FOUNDATIONS, INTIMACY_KINDS, type Foundation, type IntimacyKind } from '../../intimacy.js';

export const SENTENCE_MAX = 500;
export const SENTENCES = 3;
export const GAPS_SHOWN = 3;

/** 1 to 5, or null when this person would rather not say (or left it empty): never a default. */
export type Rating = { today: number | null; want: number | null };
export type Ratings = Record<Foundation, Rating>;
export interface Sentence {
  starterId: string;
  text: string;
}

/** One person's answers as their screens read them: null for a part not given, or one that did not open. */
export interface Answers {
  ranking: IntimacyKind[] | null;
  ratings: Ratings | null;
  sentences: Sentence[] | null;
}

export interface Gap {
  kind: 'between' | 'want' | 'ranked-apart';
  /** The foundation or kind it is about. */
  about: Foundation | IntimacyKind;
  size: number;
  prompt: string;
}

const STARTER_TEXT = new Map(STARTERS.map((s) => [s.id, s.text]));

export function isPermutationOfKinds(order: readonly unknown[]): order is IntimacyKind[] {
  return order.length === INTIMACY_KINDS.length && INTIMACY_KINDS.every((k) => order.includes(k));
}

const isScore = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 5;

// What the server checked before rooms were sealed, now the browser's: null when fine, else what to fix.

export function rankingProblem(order: readonly unknown[]): string | null {
  return isPermutationOfKinds(order) ? null : 'A ranking must hold each of the five kinds once.';
}

export function ratingsProblem(ratings: Ratings): string | null {
  const given = FOUNDATIONS.flatMap((f) => [ratings[f]?.today ?? null, ratings[f]?.want ?? null]).filter((n) => n !== null);
  return given.every(isScore) ? null : 'Ratings go from 1 to 5.';
}

/**
 * The sentences as they will be sealed: those finished, trimmed, in order. Each is optional and one left
 * empty is left out ("Choose any starters you like"), but at least one is needed; or what is wrong.
 */
export function checkSentences(items: readonly Sentence[]): { ok: true; value: Sentence[] } | { ok: false; problem: string } {
  if (items.length > SENTENCES) return { ok: false, problem: `Up to ${SENTENCES} sentences.` };
  if (items.some((i) => !STARTER_TEXT.has(i.starterId))) return { ok: false, problem: 'Unknown sentence starter.' };
  const value = items.map((i) => ({ starterId: i.starterId, text: i.text.trim() })).filter((i) => i.text.length > 0);
  if (value.length === 0) return { ok: false, problem: 'Finish at least one sentence.' };
  if (new Set(value.map((i) => i.starterId)).size !== value.length) return { ok: false, problem: 'Begin each sentence a different way.' };
  if (value.some((i) => i.text.length > SENTENCE_MAX)) return { ok: false, problem: `Each sentence can be up to ${SENTENCE_MAX} characters.` };
  return { ok: true, value };
}

// How each part is written to be sealed, and read back. Reading is strict: anything else (a damaged value,
// a broken or hostile device) reads as null, which the screens show as "Couldn't read this."

export function writeRanking(order: readonly IntimacyKind[]): string {
  return JSON.stringify(order);
}

export function readRanking(text: string): IntimacyKind[] | null {
  const order = parseJson(text);
  return Array.isArray(order) && isPermutationOfKinds(order) ? order : null;
}

/**
 * Ratings as fourteen numbers (today, want for each foundation in order), 0 for "rather not say": always
 * the same length, so how many were left unsaid does not change the sealed size.
 */
export function writeRatings(ratings: Ratings): string {
  return JSON.stringify(FOUNDATIONS.flatMap((f) => [ratings[f].today ?? 0, ratings[f].want ?? 0]));
}

export function readRatings(text: string): Ratings | null {
  const numbers = parseJson(text);
  if (!Array.isArray(numbers) || numbers.length !== FOUNDATIONS.length * 2 || !numbers.every((n) => n === 0 || isScore(n))) return null;
  const said = (n: number) => (n === 0 ? null : n);
  return Object.fromEntries(FOUNDATIONS.map((f, i) => [f, { today: said(numbers[2 * i]), want: said(numbers[2 * i + 1]) }])) as Ratings;
}

export function writeSentences(items: readonly Sentence[]): string {
  return JSON.stringify(items.map((i) => ({ starterId: i.starterId, text: i.text })));
}

export function readSentences(text: string): Sentence[] | null {
  const items = parseJson(text);
  if (!Array.isArray(items)) return null;
  const sentences = items.map((i: unknown) =>
    typeof i === 'object' && i !== null && typeof (i as Sentence).starterId === 'string' && typeof (i as Sentence).text === 'string'
      ? { starterId: (i as Sentence).starterId, text: (i as Sentence).text }
      : null,
  );
  if (sentences.some((s) => s === null)) return null;
  // Strict: what was sealed was already checked, so an empty or untrimmed sentence means it was not.
  const checked = checkSentences(sentences as Sentence[]);
  return checked.ok && checked.value.length === sentences.length && checked.value.every((c, i) => c.text === sentences[i]!.text) ? checked.value : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The biggest differences, largest first: between the two people, between today and want, and in ranking. */
export function biggestGaps(a: Answers, b: Answers, count = GAPS_SHOWN): Gap[] {
  const gaps: Gap[] = [];
  if (a.ratings && b.ratings) {
    for (const f of FOUNDATIONS) {
      const between = apart(a.ratings[f].today, b.ratings[f].today);
      if (between > 0) gaps.push({ kind: 'between', about: f, size: between, prompt: FOUNDATION_BETWEEN[f] });
      const want = Math.max(wish(a.ratings[f]), wish(b.ratings[f]));
      if (want > 0) gaps.push({ kind: 'want', about: f, size: want, prompt: FOUNDATION_WANT[f] });
    }
  }
  if (a.ranking && b.ranking) {
    for (const k of INTIMACY_KINDS) {
      const apart = Math.abs(a.ranking.indexOf(k) - b.ranking.indexOf(k));
      if (apart > 0) gaps.push({ kind: 'ranked-apart', about: k, size: apart, prompt: KIND_RANKED_APART[k] });
    }
  }
  // Largest first; on a tie, the order above (foundations in the brief's order, then kinds) decides.
  const ordered = gaps.map((gap, index) => ({ gap, index })).sort((x, y) => y.gap.size - x.gap.size || x.index - y.index);
  const chosen: Gap[] = [];
  for (const { gap } of ordered) {
    if (chosen.length === count) break;
    if (!chosen.some((c) => c.about === gap.about)) chosen.push(gap);
  }
  return chosen;
}

/** How far apart two ratings are; 0 unless both were given. */
function apart(x: number | null, y: number | null): number {
  return x !== null && y !== null ? Math.abs(x - y) : 0;
}

/** How much more someone wants than they feel today; 0 unless they gave both. */
function wish(r: Rating): number {
  return r.today !== null && r.want !== null ? r.want - r.today : 0;
}

/** The ratings one person gave, for Memories: "trust 2→4, honesty 3→not said"; rows left unsaid are left out. */
export function ratingsLine(ratings: Ratings): string {
  const said = (n: number | null) => (n === null ? 'not said' : String(n));
  const given = FOUNDATIONS.filter((f) => ratings[f].today !== null || ratings[f].want !== null);
  return given.map((f) => `${f} ${said(ratings[f].today)}→${said(ratings[f].want)}`).join(', ') || 'Rather not say';
}

/** A ranking for Memories: "emotional › physical › …". */
export function rankingLine(order: readonly IntimacyKind[]): string {
  return order.join(' › ');
}

/** A finished sentence as one line, its starter's words first. */
export function sentenceLine(sentence: Sentence): string {
  return `${starterText(sentence.starterId)} ${sentence.text}`;
}

/** A starter's words without their closing ellipsis ('' for an unknown one). */
export function starterText(id: string): string {
  return STARTER_TEXT.get(id)?.replace(/…$/, '') ?? '';
}
