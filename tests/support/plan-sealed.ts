// "Plan something together" as a browser plays it, in Node: moves made by the activity's own makers
// (shared/activities/plan-together/sealed-moves.ts), every value sealed with a real room key for its slot
// and seat, and an Opener that opens views as the screens read them.
import type { AppError, SeatIndex } from '../../shared/core.js';
import type { Move } from '../../shared/activities/plan-together/index.js';
import type { Maker, Seal } from '../../shared/activities/plan-together/sealed-moves.js';
import type { Opener } from '../../shared/sealed/opener.js';
import { makeRoomKey, open, seal, type RoomKey } from '../../shared/sealed/seal.js';

export interface PlanBrowser {
  key: RoomKey;
  /** The room's seal id, in every value's associated data. */
  room: string;
  sealAs(seat: SeatIndex): Seal;
  opener: Opener;
  /** The move a maker makes for this seat; what the browser would refuse to send throws. */
  make(seat: SeatIndex, maker: Maker): Promise<Move>;
  /** What the browser shows instead of sending, for a maker it refuses. */
  refusal(seat: SeatIndex, maker: Maker): Promise<AppError | null>;
}

export async function planBrowser(room = 'plan-seal-id', key?: RoomKey): Promise<PlanBrowser> {
  const roomKey = key ?? (await makeRoomKey());
  const sealAs = (seat: SeatIndex): Seal => async (slot, text) => {
    const sealed = await seal(roomKey, { room, seat, activity: 'plan-together', slot }, text);
    if (!sealed.ok) throw new Error(sealed.error.message);
    return sealed.value;
  };
  const opener: Opener = async (at, sealed) => {
    const opened = await open(roomKey, { room, ...at }, sealed);
    return opened.ok ? opened.value : null;
  };
  return {
    key: roomKey,
    room,
    sealAs,
    opener,
    async make(seat, maker) {
      const made = await maker(sealAs(seat));
      if (!('type' in made)) throw new Error(`${made.code}: ${made.message}`);
      return made;
    },
    async refusal(seat, maker) {
      const made = await maker(sealAs(seat));
      return 'type' in made ? null : made;
    },
  };
}
