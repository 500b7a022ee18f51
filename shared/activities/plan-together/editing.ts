// The live plan of "Plan something together": steps, things needed, a target date and why it matters.
// Every edit names what it changes by id, so two people editing at once never overwrite each other
// silently: a step the other just deleted, or just changed, answers a clear error instead.
import { ok, other, refuse, type AppError, type Result, type SeatIndex } from '../../core.js';

export const STEP_TEXT_MAX = 200;
export const STEPS_MAX = 100;
export const NEEDS_MAX = 100;

/** Who does a step, stored as a seat or both; moves say it relative to the actor (me / you / both). */
export type Owner = SeatIndex | 'both';
export type RelativeOwner = 'me' | 'you' | 'both';

export interface Step {
  id: string;
  text: string;
  owner: Owner;
  /** A calendar date, YYYY-MM-DD, or null. */
  date: string | null;
  done: boolean;
  /** Rises with every change to the step's text, owner or date, so an edit made on an older copy is caught. */
  rev: number;
  by: SeatIndex;
}

export interface Need {
  id: string;
  text: string;
  got: boolean;
  by: SeatIndex;
}

export interface Plan {
  title: string;
  why: [string, string];
  steps: Step[];
  needs: Need[];
  targetDate: string | null;
  /** Ids are handed out in order; never reused. */
  nextId: number;
  /** The last few changes, newest last, for a soft "Grace added a step". */
  changes: { by: SeatIndex; what: string }[];
}

export type PlanEdit =
  | { type: 'set-title'; text: string }
  | { type: 'set-why'; text: string }
  | { type: 'add-step'; text: string; owner: RelativeOwner; date?: string | null }
  | { type: 'edit-step'; stepId: string; rev: number; text?: string; owner?: RelativeOwner; date?: string | null }
  | { type: 'move-step'; stepId: string; before: string | null }
  | { type: 'check-step'; stepId: string; done: boolean }
  | { type: 'delete-step'; stepId: string }
  | { type: 'set-target'; date: string | null; confirmPast?: boolean }
  | { type: 'add-need'; text: string }
  | { type: 'check-need'; needId: string; got: boolean }
  | { type: 'delete-need'; needId: string };

type Edited = Result<Plan>;

const CHANGES_KEPT = 8;

export function emptyPlan(title: string): Plan {
  return { title, why: ['', ''], steps: [], needs: [], targetDate: null, nextId: 1, changes: [] };
}

/** True for a real calendar date written YYYY-MM-DD (no 31 February). */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** A day of slack, so someone a timezone behind the server can still pick "today". */
function isPast(date: string, now: number): boolean {
  return date < new Date(now - 86_400_000).toISOString().slice(0, 10);
}

function cleanText(text: string, what: string): string | AppError {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { code: 'BAD_REQUEST', message: `${what} cannot be empty.` };
  if (trimmed.length > STEP_TEXT_MAX) return { code: 'TOO_LONG', message: `${what} can be up to ${STEP_TEXT_MAX} characters.` };
  return trimmed;
}

function absoluteOwner(owner: RelativeOwner, actor: SeatIndex): Owner {
  if (owner === 'both') return 'both';
  return owner === 'me' ? actor : other(actor);
}

function noted(plan: Plan, by: SeatIndex, what: string): Plan {
  return { ...plan, changes: [...plan.changes, { by, what }].slice(-CHANGES_KEPT) };
}

function checkDate(date: string | null | undefined, now: number, confirmPast = true): AppError | null {
  if (date === null || date === undefined) return null;
  if (!isCalendarDate(date)) return { code: 'BAD_REQUEST', message: 'That is not a real date.' };
  if (!confirmPast && isPast(date, now)) return { code: 'PAST_DATE', message: 'That date has passed. Use it anyway?' };
  return null;
}

const GONE = 'That step was just removed.';

export function editPlan(plan: Plan, actor: SeatIndex, edit: PlanEdit, now: number): Edited {
  const stepAt = (id: string) => plan.steps.findIndex((s) => s.id === id);
  switch (edit.type) {
    case 'set-title': {
      const text = cleanText(edit.text, 'The title');
      if (typeof text !== 'string') return { ok: false, error: text };
      return ok(noted({ ...plan, title: text }, actor, 'renamed the plan'));
    }
    case 'set-why': {
      const text = edit.text.trim();
      if (text.length > STEP_TEXT_MAX) return refuse('TOO_LONG', `Keep it under ${STEP_TEXT_MAX} characters.`);
      const why: Plan['why'] = [...plan.why];
      why[actor] = text;
      return ok(noted({ ...plan, why }, actor, 'wrote why it matters'));
    }
    case 'add-step': {
      if (plan.steps.length >= STEPS_MAX) return refuse('NOT_POSSIBLE', `A plan can have up to ${STEPS_MAX} steps.`);
      const text = cleanText(edit.text, 'A step');
      if (typeof text !== 'string') return { ok: false, error: text };
      const problem = checkDate(edit.date, now);
      if (problem) return { ok: false, error: problem };
      const step: Step = {
        id: `s${plan.nextId}`,
        text,
        owner: absoluteOwner(edit.owner, actor),
        date: edit.date ?? null,
        done: false,
        rev: 1,
        by: actor,
      };
      return ok(noted({ ...plan, steps: [...plan.steps, step], nextId: plan.nextId + 1 }, actor, 'added a step'));
    }
    case 'edit-step': {
      const index = stepAt(edit.stepId);
      const step = plan.steps[index];
      if (!step) return refuse('NOT_FOUND', GONE);
      if (step.rev !== edit.rev) return refuse('STALE_EDIT', 'This step was just changed by the other person. Have a look and try again.');
      const changed: Step = { ...step, rev: step.rev + 1, by: actor };
      if (edit.text !== undefined) {
        const text = cleanText(edit.text, 'A step');
        if (typeof text !== 'string') return { ok: false, error: text };
        changed.text = text;
      }
      if (edit.owner !== undefined) changed.owner = absoluteOwner(edit.owner, actor);
      if (edit.date !== undefined) {
        const problem = checkDate(edit.date, now);
        if (problem) return { ok: false, error: problem };
        changed.date = edit.date;
      }
      const steps = plan.steps.map((s, i) => (i === index ? changed : s));
      return ok(noted({ ...plan, steps }, actor, 'edited a step'));
    }
    case 'move-step': {
      const step = plan.steps[stepAt(edit.stepId)];
      if (!step) return refuse('NOT_FOUND', GONE);
      const rest = plan.steps.filter((s) => s.id !== edit.stepId);
      // A step moved before one that was just deleted goes to the end rather than failing.
      const before = edit.before === null ? -1 : rest.findIndex((s) => s.id === edit.before);
      const steps = before === -1 ? [...rest, step] : [...rest.slice(0, before), step, ...rest.slice(before)];
      return ok(noted({ ...plan, steps }, actor, 'moved a step'));
    }
    case 'check-step': {
      const step = plan.steps[stepAt(edit.stepId)];
      if (!step) return refuse('NOT_FOUND', GONE);
      // Ticking a step off is independent of its text, so it leaves `rev` alone: an edit in flight still lands.
      const steps = plan.steps.map((s) => (s.id === step.id ? { ...s, done: edit.done, by: actor } : s));
      return ok(noted({ ...plan, steps }, actor, edit.done ? 'checked off a step' : 'reopened a step'));
    }
    case 'delete-step': {
      if (stepAt(edit.stepId) === -1) return refuse('NOT_FOUND', GONE);
      return ok(noted({ ...plan, steps: plan.steps.filter((s) => s.id !== edit.stepId) }, actor, 'removed a step'));
    }
    case 'set-target': {
      const problem = checkDate(edit.date, now, edit.confirmPast ?? false);
      if (problem) return { ok: false, error: problem };
      return ok(noted({ ...plan, targetDate: edit.date }, actor, 'set the target date'));
    }
    case 'add-need': {
      if (plan.needs.length >= NEEDS_MAX) return refuse('NOT_POSSIBLE', `The list can have up to ${NEEDS_MAX} things.`);
      const text = cleanText(edit.text, 'A thing needed');
      if (typeof text !== 'string') return { ok: false, error: text };
      const need: Need = { id: `n${plan.nextId}`, text, got: false, by: actor };
      return ok(noted({ ...plan, needs: [...plan.needs, need], nextId: plan.nextId + 1 }, actor, 'added a thing needed'));
    }
    case 'check-need': {
      if (!plan.needs.some((n) => n.id === edit.needId)) return refuse('NOT_FOUND', 'That item was just removed.');
      const needs = plan.needs.map((n) => (n.id === edit.needId ? { ...n, got: edit.got, by: actor } : n));
      return ok(noted({ ...plan, needs }, actor, 'ticked a thing needed'));
    }
    case 'delete-need': {
      if (!plan.needs.some((n) => n.id === edit.needId)) return refuse('NOT_FOUND', 'That item was just removed.');
      return ok(noted({ ...plan, needs: plan.needs.filter((n) => n.id !== edit.needId) }, actor, 'removed a thing needed'));
    }
  }
}
