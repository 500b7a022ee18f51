// The plan steps whose details are open, kept by the board rather than the row: the words being edited,
// and the version they were opened from. The edit carries that version, so the server refuses it if the
// other person saved first (STALE_EDIT), and the words outlive the row if the step is removed. The
// words are the opened ones; they are sealed again, as this person's, when they are sent.
// All of one seat's open details are one draft on this device (moves.field, lib/drafts.svelte.ts): a
// reload opens them again as they were, never on the other's screen, and they go when saved, closed,
// let go after the step was removed, at the end of the plan, on erase and with the room.
import { isCalendarDate } from '../../../shared/activities/plan-together/checks.js';
import type { OpenStep, RelativeOwner } from '../../../shared/activities/plan-together/open.js';
import type { SeatIndex } from '../../../shared/protocol.js';
import { addStep, editStep, type StepWords } from '../../../shared/activities/plan-together/sealed-moves.js';
import type { Field } from '../../lib/moves.svelte.js';

export function relativeOwner(step: OpenStep, seat: SeatIndex): RelativeOwner {
  return step.owner === null || step.owner === 'both' ? 'both' : step.owner === seat ? 'me' : 'you';
}

/** One step's open details as the draft keeps them. */
interface StepDraft extends StepWords {
  /** The step's version these words were opened from (or, after "Keep mine", last seen). */
  rev: number;
}

const OWNERS: readonly RelativeOwner[] = ['me', 'you', 'both'];

/** The draft as it was written; anything else in it (an older shape, a hand edit) is dropped. */
function readDrafts(text: string): Record<string, StepDraft> {
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const drafts: Record<string, StepDraft> = {};
  for (const [id, d] of Object.entries(parsed as Record<string, Partial<StepDraft>>)) {
    if (typeof d?.rev === 'number' && typeof d.text === 'string' && typeof d.date === 'string' && OWNERS.includes(d.owner as RelativeOwner))
      drafts[id] = { rev: d.rev, text: d.text, owner: d.owner as RelativeOwner, date: d.date };
  }
  return drafts;
}

/** One seat's open step details, all kept in one draft field. */
export class StepEditors {
  /** Shown on this page only: after a reload the save is refused again, and shows both versions again. */
  private conflicts = $state<Record<string, boolean>>({});
  private editors = new Map<string, StepEditor>();

  constructor(
    private readonly field: Field,
    readonly seat: () => SeatIndex,
  ) {}

  /** The ids of the steps whose details are open, in the order they were opened. */
  ids(): string[] {
    return Object.keys(readDrafts(this.field.value));
  }

  get(id: string): StepEditor | null {
    if (!(id in readDrafts(this.field.value))) return null;
    let editor = this.editors.get(id);
    if (!editor) this.editors.set(id, (editor = new StepEditor(id, this)));
    return editor;
  }

  open(step: OpenStep): void {
    const date = step.date && isCalendarDate(step.date) ? step.date : '';
    this.write(step.id, { rev: step.rev, text: step.text, owner: relativeOwner(step, this.seat()), date });
  }

  close(id: string): void {
    const drafts = readDrafts(this.field.value);
    delete drafts[id];
    delete this.conflicts[id];
    this.editors.delete(id);
    this.field.value = Object.keys(drafts).length ? JSON.stringify(drafts) : '';
  }

  read(id: string): StepDraft {
    return readDrafts(this.field.value)[id] ?? { rev: 0, text: '', owner: 'both', date: '' };
  }

  write(id: string, changes: Partial<StepDraft>): void {
    const drafts = readDrafts(this.field.value);
    drafts[id] = { ...this.read(id), ...changes };
    this.field.value = JSON.stringify(drafts);
  }

  conflictOf(id: string): boolean {
    return this.conflicts[id] ?? false;
  }

  setConflict(id: string, conflict: boolean): void {
    this.conflicts[id] = conflict;
  }
}

/** One step's open details: what is being written, read from and written to the seat's draft. */
export class StepEditor {
  constructor(
    readonly stepId: string,
    private readonly book: StepEditors,
  ) {}

  get rev(): number {
    return this.book.read(this.stepId).rev;
  }
  set rev(rev: number) {
    this.book.write(this.stepId, { rev });
  }
  get text(): string {
    return this.book.read(this.stepId).text;
  }
  set text(text: string) {
    this.book.write(this.stepId, { text });
  }
  get owner(): RelativeOwner {
    return this.book.read(this.stepId).owner;
  }
  set owner(owner: RelativeOwner) {
    this.book.write(this.stepId, { owner });
  }
  get date(): string {
    return this.book.read(this.stepId).date;
  }
  set date(date: string) {
    this.book.write(this.stepId, { date });
  }
  /** The other saved this step first: both versions are shown, and this person chooses. */
  get conflict(): boolean {
    return this.book.conflictOf(this.stepId);
  }
  set conflict(conflict: boolean) {
    this.book.setConflict(this.stepId, conflict);
  }

  private words(): StepWords {
    return { text: this.text, owner: this.owner, date: this.date };
  }

  edit() {
    return editStep(this.stepId, this.rev, this.words(), this.book.seat());
  }

  /** The same words as a new step, for when the step was removed while they were being written. */
  asNewStep() {
    return addStep(this.words(), this.book.seat());
  }
}
