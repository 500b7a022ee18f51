// How the plan's screens send a move: a maker from shared/activities/plan-together/sealed-moves.ts checks
// what the person wrote (the server cannot read it, so the sentences it used to answer are shown here)
// and seals it for its slot as this seat, with the room key; then the one move sender sends it (busy,
// refusals, drafts, outbox). A problem is shown and nothing is sent.
import type { AppError, SeatIndex } from '../../../shared/core.js';
import type { Maker, Seal } from '../../../shared/activities/plan-together/sealed-moves.js';
import type { MoveFor } from '../../../shared/activities/registry.js';
import { type Field, Moves } from '../../lib/moves.svelte.js';
import { sealText } from '../../lib/sealing.js';

type PlanMove = MoveFor<'plan-together'>;

class SealFailed extends Error {
  constructor(readonly failure: AppError) {
    super(failure.message);
  }
}

export class PlanMoves extends Moves<'plan-together'> {
  constructor(private readonly seatOf: () => SeatIndex) {
    super(seatOf);
  }

  /**
   * Makes a move with `make` (which checks what was written and seals it with `seal`), then sends it;
   * a problem `make` answers is shown as the refusal, and nothing is sent. True when it was accepted.
   */
  sendSealed = async (make: Maker, fields: Field[] = []): Promise<boolean> => {
    const seat = this.seatOf();
    const seal: Seal = async (slot, text) => {
      const sealed = await sealText('plan-together', slot, text, seat);
      if (!sealed.ok) throw new SealFailed(sealed.error);
      return sealed.value;
    };
    this.busy = true;
    let move: PlanMove | AppError;
    try {
      move = await make(seal);
    } catch (error) {
      if (!(error instanceof SealFailed)) throw error;
      move = error.failure;
    } finally {
      this.busy = false;
    }
    if (!('type' in move)) {
      this.failure = move;
      return false;
    }
    return this.send(move, fields);
  };

  /** As sendSealed; once accepted, each field still holding what was sent is emptied. */
  sendSealedFrom = async (fields: Field[], make: (seal: Seal) => Promise<PlanMove | AppError>): Promise<boolean> => {
    const sent = fields.map((field) => field.value);
    const accepted = await this.sendSealed(make, fields);
    if (accepted) fields.forEach((field, i) => field.value === sent[i] && (field.value = ''));
    return accepted;
  };
}
