// The key exchange behind joining by typed code, as the room records it: one exchange per code, started by
// the joiner's device and answered once by the creator's. The server relays the messages; what it keeps here
// is only which session the code's one exchange is and which socket waits for the answer.
import { CREATOR_SEAT, refuse, type Result, type SeatIndex } from './core.js';
import { withInvite, type Room } from './room.js';

/** Starts the code's one exchange. Any wrong, expired or closed code is CODE_INVALID; a used one too. */
export function startExchange(room: Room, code: string, exchange: { sid: string; joiner: string }, now: number): Result<Room> {
  const invite = room.invite;
  if (room.seats[1] || !invite || invite.code !== code || invite.expiresAt <= now) return refuse('CODE_INVALID');
  if (invite.exchange) return refuse('CODE_INVALID', 'This code has been used. Ask for a new code, or for the link.');
  return { ok: true, value: withInvite(room, { ...invite, exchange: { ...exchange, answered: false } }) };
}

/** The creator's one answer to the open exchange; anything else (another seat, session, a second answer) is refused. */
export function answerExchange(room: Room, seat: SeatIndex, sid: string): Result<{ room: Room; joiner: string }> {
  const exchange = room.invite?.exchange;
  if (seat !== CREATOR_SEAT) return refuse('NOT_ALLOWED');
  if (!room.invite || !exchange || exchange.sid !== sid || exchange.answered) return refuse('NOT_FOUND', 'No one is waiting for that answer.');
  return { ok: true, value: { room: withInvite(room, { ...room.invite, exchange: { ...exchange, answered: true } }), joiner: exchange.joiner } };
}
