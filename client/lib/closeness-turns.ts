// Who on this device still owes the open closeness question an answer: each answers in private.
import type { Awaiting } from '../../shared/activities/types.js';
import type { OpenRoomView, SeatIndex } from '../../shared/protocol.js';

export function closenessAwaiting(views: readonly OpenRoomView[], seats: readonly SeatIndex[]): Awaiting {
  return { seats: seats.filter((_, i) => views[i]?.closeness.open?.answered === false), private: true };
}
