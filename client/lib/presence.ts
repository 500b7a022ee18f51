// What this device knows of each person: here (their page is open and shown), away (their page is
// hidden, or it closed while hidden) or dropped (it was shown, then its connection went without a word).
import type { Presence } from '../../shared/protocol.js';

export type SeatState = 'here' | 'away' | 'dropped';

export const SEAT_STATE_LABELS: Record<SeatState, string> = {
  here: 'here',
  away: 'away',
  dropped: 'connection dropped',
};

/**
 * The next state of one seat from the server's presence. Going offline from "here" is a drop; going
 * offline from "away" stays away (a phone put down, a tab closed after it was hidden).
 */
export function nextSeatState(previous: SeatState, presence: Presence, seat: 0 | 1): SeatState {
  if (presence.online[seat]) return presence.away[seat] ? 'away' : 'here';
  return previous === 'away' ? 'away' : 'dropped';
}
