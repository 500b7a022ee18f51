// Which pushes a committed command makes, worked out in one place from the command and the room before
// and after it. Each is addressed to the other seat and says only what happened and who did it:
//   checked-in  the actor's check-in for the current day is in (it was not before);
//   suggested   the actor proposed an activity in the lobby;
//   waiting     the actor said Ready to the other's suggestion, which the other has not said Ready to yet
//               (the actor is there and waiting; their own suggestion already told the other with 'suggested').
// A room on one shared device has nobody elsewhere to tell.
import { other, type SeatIndex } from '../shared/core.js';
import type { State as CheckInState } from '../shared/activities/check-in/index.js';
import type { PushMessage } from '../shared/push.js';
import type { Room, RoomCommand } from '../shared/room.js';

export function pushesAfter(command: RoomCommand, before: Room, after: Room, actor: SeatIndex): PushMessage[] {
  if (after.mode !== 'two-devices' || !after.seats[other(actor)]) return [];
  const roomId = after.id;
  if (command.type === 'propose') {
    const proposal = after.play.proposal;
    return proposal && proposal.by === actor ? [{ kind: 'suggested', roomId, by: actor, activity: proposal.activity }] : [];
  }
  if (command.type === 'ready') {
    const proposal = after.play.proposal;
    if (!proposal || proposal.by === actor || !proposal.ready[actor] || proposal.ready[other(actor)]) return [];
    return [{ kind: 'waiting', roomId, by: actor }];
  }
  if (command.type === 'move' && checkedIn(before, after, actor)) return [{ kind: 'checked-in', roomId, by: actor }];
  return [];
}

/** The actor's entry for the current check-in day is there after the command and was not before. */
function checkedIn(before: Room, after: Room, actor: SeatIndex): boolean {
  const now = after.play.activity;
  if (now?.id !== 'check-in') return false;
  const today = (now.state as CheckInState).days.at(-1);
  if (!today?.entries[actor]) return false;
  const then = before.play.activity;
  if (then?.id !== 'check-in') return true;
  const earlier = (then.state as CheckInState).days.find((d) => d.day === today.day);
  return !earlier?.entries[actor];
}
