// One plan step's open details, kept by the board rather than the row: the words being edited, and
// the version they were opened from. The edit carries that version, so the server refuses it if the
// other person saved first (STALE_EDIT), and the words outlive the row if the step is removed.
import type { RelativeOwner, Step } from '../../../shared/activities/plan-together/editing.js';
import type { MoveFor } from '../../../shared/activities/registry.js';
import type { SeatIndex } from '../../../shared/protocol.js';

export function relativeOwner(step: Step, seat: SeatIndex): RelativeOwner {
  return step.owner === 'both' ? 'both' : step.owner === seat ? 'me' : 'you';
}

export class StepEditor {
  readonly stepId: string;
  /** The step's version these words were opened from (or, after "Keep mine", last seen). */
  rev: number;
  text = $state('');
  owner = $state<RelativeOwner>('both');
  date = $state('');
  /** The other saved this step first: both versions are shown, and this person chooses. */
  conflict = $state(false);

  constructor(step: Step, seat: SeatIndex) {
    this.stepId = step.id;
    this.rev = step.rev;
    this.text = step.text;
    this.owner = relativeOwner(step, seat);
    this.date = step.date ?? '';
  }

  edit(): MoveFor<'plan-together'> {
    return { type: 'edit-step', stepId: this.stepId, rev: this.rev, text: this.text, owner: this.owner, date: this.date || null };
  }

  /** The same words as a new step, for when the step was removed while they were being written. */
  asNewStep(): MoveFor<'plan-together'> {
    return { type: 'add-step', text: this.text, owner: this.owner, date: this.date || null };
  }
}
