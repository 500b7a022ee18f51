// One plan step's open details, kept by the board rather than the row: the words being edited, and
// the version they were opened from. The edit carries that version, so the server refuses it if the
// other person saved first (STALE_EDIT), and the words outlive the row if the step is removed. The
// words are the opened ones; they are sealed again, as this person's, when they are sent.
import { isCalendarDate } from '../../../shared/activities/plan-together/checks.js';
import type { OpenStep, RelativeOwner } from '../../../shared/activities/plan-together/open.js';
import type { SeatIndex } from '../../../shared/protocol.js';
import { addStep, editStep, type StepWords } from '../../../shared/activities/plan-together/sealed-moves.js';

export function relativeOwner(step: OpenStep, seat: SeatIndex): RelativeOwner {
  return step.owner === null || step.owner === 'both' ? 'both' : step.owner === seat ? 'me' : 'you';
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

  constructor(
    step: OpenStep,
    private readonly seat: SeatIndex,
  ) {
    this.stepId = step.id;
    this.rev = step.rev;
    this.text = step.text;
    this.owner = relativeOwner(step, seat);
    this.date = step.date && isCalendarDate(step.date) ? step.date : '';
  }

  private words(): StepWords {
    return { text: this.text, owner: this.owner, date: this.date };
  }

  edit() {
    return editStep(this.stepId, this.rev, this.words(), this.seat);
  }

  /** The same words as a new step, for when the step was removed while they were being written. */
  asNewStep() {
    return addStep(this.words(), this.seat);
  }
}
