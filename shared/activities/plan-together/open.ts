// How this activity's view opens in the browser (shared/activities/opened.ts): each sealed value opened
// with the Opener as the seat that last wrote it, for its slot (editing.ts's SLOTS), and what follows from
// the words computed here, after the reveal: the ideas both brought, the plan's title. A value that does
// not open reads as UNREADABLE and breaks nothing else. Imports the activity's types only (and its slots),
// so the browser bundle takes nothing else of the core.
import { other, type SeatIndex } from '../../core.js';
import { openOr, UNREADABLE, type Opener } from '../../sealed/opener.js';
import { SLOTS, type Plan, type Written } from './editing.js';
import type { PoolIdea, View } from './index.js';

const ACTIVITY = 'plan-together';

/** Who does a step: a seat or both. Null when it did not open. */
export type Owner = SeatIndex | 'both';
/** Who does a step as one person says it. */
export type RelativeOwner = 'me' | 'you' | 'both';

/** How an owner is sealed: the seat's number, or "both". */
export function ownerText(owner: RelativeOwner, actor: SeatIndex): string {
  if (owner === 'both') return 'both';
  return String(owner === 'me' ? actor : other(actor));
}

export function readOwner(text: string): Owner | null {
  return text === 'both' ? 'both' : text === '0' ? 0 : text === '1' ? 1 : null;
}

/** What an idea's sealed value holds: its words, and the deck idea it was picked from (if it was). */
export interface IdeaWords {
  text: string;
  deck?: string;
}

export function ideaText(idea: IdeaWords): string {
  return JSON.stringify(idea.deck ? { text: idea.text, deck: idea.deck } : { text: idea.text });
}

/** An idea's opened words; one that does not open (or is not an idea) reads as UNREADABLE. */
export function readIdea(text: string | null): IdeaWords {
  if (text === null) return { text: UNREADABLE };
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as IdeaWords).text === 'string') {
      const { text: words, deck } = parsed as IdeaWords;
      return typeof deck === 'string' ? { text: words, deck } : { text: words };
    }
  } catch {
    // Not an idea: read as unreadable below.
  }
  return { text: UNREADABLE };
}

export interface OpenIdea extends IdeaWords {
  id: string;
  /** Who brought it; both when they brought the same idea. */
  from: SeatIndex[];
}

export interface OpenStep {
  id: string;
  text: string;
  owner: Owner | null;
  /** YYYY-MM-DD, null for none, or UNREADABLE. */
  date: string | null;
  done: boolean;
  rev: number;
  by: SeatIndex;
}

export interface OpenNeed {
  id: string;
  text: string;
  got: boolean;
  by: SeatIndex;
}

export interface OpenPlan {
  title: string;
  why: [string, string];
  steps: OpenStep[];
  needs: OpenNeed[];
  targetDate: string | null;
  changes: Plan['changes'];
}

/** The view as the screen reads it: every value opened, ideas both brought listed once. */
export type OpenView = Omit<View, 'mine' | 'pool' | 'plan' | 'appreciations' | 'shortlist'> & {
  mine: (IdeaWords & { id: string })[];
  /** While choosing: the ideas to vote on (after a tie, only the tied ones). */
  pool: OpenIdea[];
  plan: OpenPlan | null;
  appreciations: [string | null, string | null];
};

const STOPWORDS = new Set(['a', 'an', 'the', 'to', 'of', 'and', 'or', 'for', 'in', 'on', 'at', 'our', 'my', 'your', 'with', 'together', 'some', 'new']);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 1 && !STOPWORDS.has(w)),
  );
}

/** The same deck idea, or two ideas that share most of their words. */
export function sameIdea(a: IdeaWords, b: IdeaWords): boolean {
  if (a.text === UNREADABLE || b.text === UNREADABLE) return false;
  if (a.deck && a.deck === b.deck) return true;
  const [wa, wb] = [words(a.text), words(b.text)];
  const shared = [...wa].filter((w) => wb.has(w)).length;
  const smaller = Math.min(wa.size, wb.size);
  return smaller > 0 && (shared === smaller || shared >= 2) && shared / Math.max(wa.size, wb.size) >= 0.5;
}

/**
 * The ideas on the table, an idea both brought listed once with both names under the first one's id (both
 * browsers compute the same from the same ideas, so a vote for it is a vote for that id). Ideas added
 * while choosing are not matched.
 */
export function bothBrought(pool: readonly (IdeaWords & { id: string; by: SeatIndex; late?: true })[]): OpenIdea[] {
  const listed: (OpenIdea & { late: boolean })[] = [];
  for (const idea of pool) {
    const late = idea.late === true;
    const match = late ? undefined : listed.find((p) => !p.late && !p.from.includes(idea.by) && sameIdea(p, idea));
    if (match) match.from.push(idea.by);
    else listed.push({ id: idea.id, text: idea.text, ...(idea.deck ? { deck: idea.deck } : {}), from: [idea.by], late });
  }
  return listed.map(({ late: _late, ...idea }) => idea);
}

function openWritten(open: Opener, slot: string, written: Written): Promise<string> {
  return openOr(open, { activity: ACTIVITY, slot, seat: written.seat }, written.sealed);
}

function dateOf(text: string): string | null {
  return text === '' ? null : text;
}

async function openIdea(open: Opener, seat: SeatIndex, idea: { id: string; sealed: string }): Promise<IdeaWords> {
  return readIdea(await open({ activity: ACTIVITY, slot: SLOTS.idea(idea.id), seat }, idea.sealed));
}

export async function openPlan(plan: Plan, open: Opener): Promise<OpenPlan> {
  const why = (seat: SeatIndex) => {
    const sealed = plan.why[seat];
    return sealed === null ? Promise.resolve('') : openOr(open, { activity: ACTIVITY, slot: SLOTS.why, seat }, sealed);
  };
  const [title, why0, why1, target, steps, needs] = await Promise.all([
    plan.title ? openWritten(open, SLOTS.title, plan.title) : openIdea(open, plan.idea.seat, plan.idea).then((i) => i.text),
    why(0),
    why(1),
    plan.target ? openWritten(open, SLOTS.target, plan.target) : Promise.resolve(''),
    Promise.all(
      plan.steps.map(async (step): Promise<OpenStep> => {
        const [text, owner, date] = await Promise.all([
          openWritten(open, SLOTS.stepText(step.id), step.text),
          openWritten(open, SLOTS.stepOwner(step.id), step.owner),
          openWritten(open, SLOTS.stepDate(step.id), step.date),
        ]);
        return { id: step.id, text, owner: readOwner(owner), date: dateOf(date), done: step.done, rev: step.rev, by: step.by };
      }),
    ),
    Promise.all(plan.needs.map(async (need): Promise<OpenNeed> => ({ id: need.id, text: await openWritten(open, SLOTS.need(need.id), need.text), got: need.got, by: need.by }))),
  ]);
  return { title, why: [why0, why1], steps, needs, targetDate: dateOf(target), changes: plan.changes };
}

async function openPool(pool: readonly PoolIdea[], shortlist: string[] | null, open: Opener): Promise<OpenIdea[]> {
  const opened = await Promise.all(pool.map(async (idea) => ({ ...(await openIdea(open, idea.by, idea)), id: idea.id, by: idea.by, ...(idea.late ? { late: true as const } : {}) })));
  const listed = bothBrought(opened);
  return shortlist === null ? listed : listed.filter((idea) => shortlist.includes(idea.id));
}

export async function openView(view: View, open: Opener): Promise<OpenView> {
  const thanks = (seat: SeatIndex) => {
    const sealed = view.appreciations[seat];
    return sealed === null ? Promise.resolve(null) : openOr(open, { activity: ACTIVITY, slot: SLOTS.thanks, seat }, sealed);
  };
  const { shortlist, ...rest } = view;
  const [mine, pool, plan, thanks0, thanks1] = await Promise.all([
    Promise.all(view.mine.map(async (d) => ({ ...(await openIdea(open, view.seat, d)), id: d.id }))),
    openPool(view.pool, shortlist, open),
    view.plan ? openPlan(view.plan, open) : null,
    thanks(0),
    thanks(1),
  ]);
  return { ...rest, mine, pool, plan, appreciations: [thanks0, thanks1] };
}
