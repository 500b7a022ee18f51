// The leaf every other module builds on: seats, error codes with their messages, and the one result
// shape. It imports nothing, so activities, the room model and the protocol can all depend on it.

export type SeatIndex = 0 | 1;

/** The creator sits in seat 0; the person who joins takes seat 1. */
export const CREATOR_SEAT: SeatIndex = 0;
export const SEATS: readonly SeatIndex[] = [0, 1];

export function other(seat: SeatIndex): SeatIndex {
  return seat === 0 ? 1 : 0;
}

/** A pair with one seat's value replaced. */
export function withSeat<T>(pair: readonly [T, T], seat: SeatIndex, value: T): [T, T] {
  return seat === 0 ? [value, pair[1]] : [pair[0], value];
}

export type Audience = 'partners' | 'friends' | 'family';
export type PlayMode = 'two-devices' | 'one-device';

export const ERROR_MESSAGES = {
  BAD_REQUEST: 'That request was not understood.',
  ROOM_NOT_FOUND: 'This room is not here any more. It may have expired or been erased.',
  ROOM_FULL: 'This room already has two people.',
  CODE_INVALID: "That code didn't work. Check it, or ask for a new code.",
  SEAT_REFUSED: 'This device is not seated in that room.',
  NOT_SEATED: 'Join the room first.',
  NOT_ALLOWED: 'Only the person who made the room can do that.',
  NOT_POSSIBLE: 'That cannot be done right now.',
  NOT_YOUR_TURN: "It's the other person's turn for that.",
  WRONG_PHASE: "That can't be done at this point of the game.",
  TOO_LONG: 'That is longer than this answer allows.',
  UNKNOWN_CARD: 'That card is no longer on the table.',
  ALREADY_READY: 'You are already ready.',
  ALREADY_ANSWERED: 'You have already answered this card.',
  NO_ACTIVITY: 'No activity is running right now.',
  NOT_FOUND: 'That was just removed.',
  STALE_EDIT: 'That was just changed by the other person. Have a look and try again.',
  PAST_DATE: 'That date has passed. Use it anyway?',
  TRANSFER_INVALID:
    'This link for another device has been used or has expired. On a device that is already in the room, choose “Use Closer on another device” for a fresh one.',
  DEVICES_FULL: 'You are in this room on 4 devices, the most one person can have. Sign one out, then add this one.',
  LAST_DEVICE: 'This is your only device in the room, so it stays signed in.',
  ROOM_TOO_BIG: 'This room has no space left for more. Save your Memories (Download on the Memories screen), then start a new room to keep playing.',
  TRY_AGAIN: 'Something was busy. Please try again.',
  RATE_LIMITED: 'That was a lot of tries in a short time. Please wait a moment and try again.',
  UNAVAILABLE: 'Closer cannot reach its storage right now. Please try again in a moment.',
  INTERNAL: 'Something went wrong on our side. Please try again.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface AppError {
  code: ErrorCode;
  message: string;
  /** With RATE_LIMITED: how long to wait before trying again. */
  retryAfterMs?: number;
}

export type Refused = { ok: false; error: AppError };
/** What every pure change answers: its value, or a typed error whose message the UI can show. */
export type Result<T> = { ok: true; value: T } | Refused;

/** The one way to say no: a typed error, with the code's own message unless a more exact one is given. */
export function refuse(code: ErrorCode, message: string = ERROR_MESSAGES[code]): Refused {
  return { ok: false, error: { code, message } };
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * The room's Memories keep the newest this many (shared/play.ts). Here in the leaf, so the Memories screen
 * can read it without pulling the activities and the card deck into the browser (tests/e2e/bundle.test.ts).
 */
export const MEMORIES_MAX = 200;
