// Which pushes a committed command makes, worked out in one place from the command and the room before
// and after it. Each is addressed to the other seat and says only what happened and who did it:
//   checked-in  the actor's check-in for the current day is in (it was not before);
//   suggested   the actor proposed an activity in the lobby;
//   waiting     the actor has done their part and now waits for the other: a move in the running activity
//               that hands what is awaited from the actor to the other alone (an answer in, a turn taken),
//               or a Ready to the other's suggestion the other has not said Ready to. A suggestion on two
//               devices is the suggester's Ready too, and 'suggested' says so; a check-in says 'checked-in'.
//               (Pusher sends a seat's 'waiting' at most once in a while, so a game played alone for a
//               bit is one notification, not one per move.)
// A room on one shared device has nobody elsewhere to tell.
import { other, type SeatIndex } from '../shared/core.js';
import type { State as CheckInState } from '../shared/activities/check-in/index.js';
import { activityById } from '../shared/activities/registry.js';
import type { ActivityInstance } from '../shared/play.js';
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
  if (command.type !== 'move') return [];
  if (checkedIn(before, after, actor)) return [{ kind: 'checked-in', roomId, by: actor }];
  return handedOver(before.play.activity, after.play.activity, actor) ? [{ kind: 'waiting', roomId, by: actor }] : [];
}

/** The actor's input was awaited before the move; after it, only the other's is. */
function handedOver(then: ActivityInstance | null, now: ActivityInstance | null, actor: SeatIndex): boolean {
  if (!then || !now || then.id !== now.id) return false;
  const was = activityById(then.id).awaiting(then.state).seats;
  const is = activityById(now.id).awaiting(now.state).seats;
  return was.includes(actor) && is.length === 1 && is[0] === other(actor);
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
