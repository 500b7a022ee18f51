// Web Push between the server and a device's service worker (issue 15). A push carries no words and no
// names: only what happened, who did it (a seat) and the room's id; the device fills in the name it keeps.
import type { ActivityId } from './activities/catalog.js';
import type { SeatIndex } from './core.js';

export type PushKind = 'checked-in' | 'suggested' | 'waiting';

export interface PushMessage {
  kind: PushKind;
  roomId: string;
  /** The seat whose doing it is (the partner of the device that receives it). */
  by: SeatIndex;
  /** For 'suggested': which activity. */
  activity?: ActivityId;
}

/** A device's push subscription as the browser gives it (PushSubscription.toJSON()). */
export interface PushSubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** What a notification says, from a push and the partner's name as this device opened it. */
export function notificationText(message: PushMessage, name: string, activityTitle: string | null): { title: string; body: string } {
  const who = name || 'Your partner';
  if (message.kind === 'checked-in') return { title: `${who} checked in`, body: 'Your check-in is there whenever you are.' };
  if (message.kind === 'suggested') return { title: `${who} suggested ${activityTitle ?? 'something'}`, body: 'Open the room to say yes, or choose something else.' };
  return { title: `${who} is waiting`, body: 'Whenever you are ready.' };
}
