// The live plan of "Plan something together" as the server keeps it: its structure (step ids, order,
// versions, done flags, who last wrote what) around values sealed in the browsers (words, owners, dates).
// Every edit names what it changes by id, so two people editing at once never overwrite each other
// silently: a step the other just deleted, or just changed, answers a clear error instead.
import { ok, refuse, type Result, type SeatIndex } from '../../core.js';
import type { Sealed } from '../../sealed/shape.js';

export const STEPS_MAX = 100;
export const NEEDS_MAX = 100;

/** A value sealed in a browser, and the seat that sealed it (who last wrote it): it opens as that seat's. */
export interface Written {
  seat: SeatIndex;
  sealed: Sealed;
}

/** Where each sealed value of the activity belongs: its slot in the associated data. */
export const SLOTS = {
  idea: (id: string) => `idea:${id}`,
  title: 'title',
  why: 'why',
  stepText: (id: string) => `step:${id}:text`,
  stepOwner: (id: string) => `step:${id}:owner`,
  stepDate: (id: string) => `step:${id}:date`,
  target: 'target',
  need: (id: string) => `need:${id}`,
  thanks: 'thanks',
} as const;

export interface Step {
  id: string;
  /** Sealed for SLOTS.stepText(id); each field keeps the seat that last wrote it. */
  text: Written;
  /** Who does it, sealed for SLOTS.stepOwner(id): "0", "1" or "both". */
  owner: Written;
  /** Sealed for SLOTS.stepDate(id): a calendar date, YYYY-MM-DD, or '' for none. */
  date: Written;
  done: boolean;
  /** Rises with every change to the step's text, owner or date, so an edit made on an older copy is caught. */
  rev: number;
  by: SeatIndex;
}

export interface Need {
  id: string;
  /** Sealed for SLOTS.need(id). */
  text: Written;
  got: boolean;
  by: SeatIndex;
}

export interface Plan {
  /** The idea both chose, as its author sealed it (SLOTS.idea(id)): the plan's title until one is set. */
  idea: Written & { id: string };
  /** Sealed for SLOTS.title; null while the chosen idea is the title. */
  title: Written | null;
  /** Each person's own line, sealed for SLOTS.why. */
  why: [Sealed | null, Sealed | null];
  steps: Step[];
  needs: Need[];
  /** Sealed for SLOTS.target: a calendar date, or '' for none. */
  target: Written | null;
  /** The last few changes, newest last, for a soft "Grace added a step". */
  changes: { by: SeatIndex; what: string }[];
}

export type PlanEdit =
  | { type: 'set-title'; text: Sealed }
  | { type: 'set-why'; text: Sealed }
  | { type: 'add-step'; stepId: string; text: Sealed; owner: Sealed; date: Sealed }
  | { type: 'edit-step'; stepId: string; rev: number; text?: Sealed; owner?: Sealed; date?: Sealed }
  | { type: 'move-step'; stepId: string; before: string | null }
  | { type: 'check-step'; stepId: string; done: boolean }
  | { type: 'delete-step'; stepId: string }
  | { type: 'set-target'; date: Sealed }
  | { type: 'add-need'; needId: string; text: Sealed }
  | { type: 'check-need'; needId: string; got: boolean }
  | { type: 'delete-need'; needId: string };

type Edited = Result<Plan>;

const CHANGES_KEPT = 8;

export function emptyPlan(idea: Plan['idea']): Plan {
  return { idea, title: null, why: [null, null], steps: [], needs: [], target: null, changes: [] };
}

function noted(plan: Plan, by: SeatIndex, what: string): Plan {
  return { ...plan, changes: [...plan.changes, { by, what }].slice(-CHANGES_KEPT) };
}

const GONE = 'That step was just removed.';
const TAKEN = 'That id is taken already.';

export function editPlan(plan: Plan, actor: SeatIndex, edit: PlanEdit): Edited {
  const stepAt = (id: string) => plan.steps.findIndex((s) => s.id === id);
  const mine = (sealed: Sealed): Written => ({ seat: actor, sealed });
  // Ids come from the browser that added the thing (its values are sealed for slots named by them).
  const taken = (id: string) => plan.steps.some((s) => s.id === id) || plan.needs.some((n) => n.id === id);
  switch (edit.type) {
    case 'set-title':
      return ok(noted({ ...plan, title: mine(edit.text) }, actor, 'renamed the plan'));
    case 'set-why': {
      const why: Plan['why'] = [...plan.why];
      why[actor] = edit.text;
      return ok(noted({ ...plan, why }, actor, 'wrote why it matters'));
    }
    case 'add-step': {
      if (plan.steps.length >= STEPS_MAX) return refuse('NOT_POSSIBLE', `A plan can have up to ${STEPS_MAX} steps.`);
      if (taken(edit.stepId)) return refuse('NOT_POSSIBLE', TAKEN);
      const step: Step = { id: edit.stepId, text: mine(edit.text), owner: mine(edit.owner), date: mine(edit.date), done: false, rev: 1, by: actor };
      return ok(noted({ ...plan, steps: [...plan.steps, step] }, actor, 'added a step'));
    }
    case 'edit-step': {
      const index = stepAt(edit.stepId);
      const step = plan.steps[index];
      if (!step) return refuse('NOT_FOUND', GONE);
      if (step.rev !== edit.rev) return refuse('STALE_EDIT', 'This step was just changed by the other person. Have a look and try again.');
      const changed: Step = { ...step, rev: step.rev + 1, by: actor };
      if (edit.text !== undefined) changed.text = mine(edit.text);
      if (edit.owner !== undefined) changed.owner = mine(edit.owner);
      if (edit.date !== undefined) changed.date = mine(edit.date);
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
    case 'set-target':
      return ok(noted({ ...plan, target: mine(edit.date) }, actor, 'set the target date'));
    case 'add-need': {
      if (plan.needs.length >= NEEDS_MAX) return refuse('NOT_POSSIBLE', `The list can have up to ${NEEDS_MAX} things.`);
      if (taken(edit.needId)) return refuse('NOT_POSSIBLE', TAKEN);
      const need: Need = { id: edit.needId, text: mine(edit.text), got: false, by: actor };
      return ok(noted({ ...plan, needs: [...plan.needs, need] }, actor, 'added a thing needed'));
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
