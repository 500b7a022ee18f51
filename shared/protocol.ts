// The contract between the browser and the server: every Socket.IO event, its payload and its ack.
// Payloads are checked at runtime by the valibot schemas in schemas.ts before anything uses them.
import type { AppError, Audience, PlayMode, Refused, SeatIndex } from './core.js';
import type { RoomCommand, RoomSeal, RoomView } from './room.js';
import type { KeyAsk, KeyGive } from './sealed/key-exchange.js';
import type { MemoriesPage } from './memory-pages.js';
import type { PushSubscriptionInput } from './push.js';
import type { Sealed } from './sealed/shape.js';

export {
  CREATOR_SEAT,
  ERROR_MESSAGES,
  SEATS,
  other,
  refuse,
  type AppError,
  type Audience,
  type ErrorCode,
  type PlayMode,
  type Refused,
  type SeatIndex,
} from './core.js';

export type { RoomCommand, RoomSeal, RoomView, SeatView } from './room.js';
export type { KeyAsk, KeyGive } from './sealed/key-exchange.js';
export type { ActivityView } from './activities/registry.js';
export type { OpenActivityView, OpenViewFor } from './activities/opened.js';
export type { OpenMemory, OpenRoomView } from './opened-room.js';
export type { MemoriesPage } from './memory-pages.js';
export type { PushMessage, PushSubscriptionInput } from './push.js';

export type Ok<T extends object = object> = { ok: true } & T;
/** Every ack answers either ok with its data, or a typed error whose message the UI can show. */
export type Ack<T extends object = object> = Ok<T> | Refused;

export function rateLimited(retryAfterMs: number): Refused {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return { ok: false, error: { code: 'RATE_LIMITED', message: `That was a lot of tries in a short time. Please try again in ${wait}.`, retryAfterMs } };
}

/** A seat token, given once when a seat is taken; the device keeps it and sends it on every connect. */
export interface Credential {
  seat: SeatIndex;
  token: string;
  /** Which of the seat's devices this token is (each device has its own token). */
  device: string;
}

/** What the handshake `auth` carries to resume seats. A device on one shared device holds two credentials. */
export interface SeatAuth {
  roomId: string;
  tokens: string[];
}

export interface Snapshot {
  version: number;
  seat: SeatIndex;
  view: RoomView;
}

export interface Presence {
  /** A device of this seat is connected. */
  online: [boolean, boolean];
  /** Connected, but every such page is hidden (another app, a locked phone): the Page Visibility API. */
  away: [boolean, boolean];
}

/** Names are sealed in the browser (room, seat, 'room', 'name'); the server checks only their shape. */
export interface CreateRoomInput {
  commandId: string;
  name: string;
  audience: Audience;
  mode: PlayMode;
  /** Required on one shared device: both names are asked there. */
  partnerName?: string;
  /** Made by the creator's browser with the room key, which stays there (and in the link's fragment). */
  seal: RoomSeal;
  /** The creator's device's time zone, sealed as Check-in's room zone: the room's days follow it. */
  zone?: Sealed;
  /** "We live apart" (two devices only): the room hides what needs the same place. */
  apart?: boolean;
}

/** Before joining: the creator's sealed name, and what the link's key must open. */
export interface PeekAnswer {
  hostName: string;
  seal: RoomSeal | null;
}

export interface JoinRoomInput {
  commandId: string;
  roomId: string;
  name: string;
}

/** Joining by code, first: the joiner's CPace message for the code's one key exchange (sealed/key-exchange.ts). */
export interface KeyAskInput extends KeyAsk {
  code: string;
}

export interface JoinByCodeInput {
  commandId: string;
  code: string;
  name: string;
}

export interface CommandInput {
  commandId: string;
  /** Which of this device's seats acts (one shared device holds both). */
  seat: SeatIndex;
  command: RoomCommand;
}

/** Bring this device into a seat with the transfer code from a device that is in (the link's fragment). */
export interface ClaimDeviceInput {
  commandId: string;
  roomId: string;
  code: string;
}

/** A one-time code for another device of the same seat, answered once and stored only as its hash. */
export interface DeviceOffer {
  code: string;
  expiresAt: number;
}

export interface SeatedAnswer {
  roomId: string;
  credentials: Credential[];
}

export interface ClientToServerEvents {
  /** Make a room and take its first seat (both seats on one shared device). Ack: the new credentials. */
  'room:create': (input: CreateRoomInput, ack: (r: Ack<SeatedAnswer>) => void) => void;
  /** Before joining by link: may I join? Ack: the creator's sealed name, or ROOM_FULL / ROOM_NOT_FOUND. */
  'room:peek': (input: { roomId: string }, ack: (r: Ack<PeekAnswer>) => void) => void;
  /** Take the free seat of a room by its link. Ack: the new credential. */
  'room:join': (input: JoinRoomInput, ack: (r: Ack<SeatedAnswer>) => void) => void;
  /**
   * Joining by code, step one: relayed to the creator's device, which answers with `key:give`. Ack: relayed;
   * CODE_INVALID for any wrong or used code; NOT_POSSIBLE while the creator's device is not open.
   */
  'key:ask': (input: KeyAskInput, ack: (r: Ack) => void) => void;
  /** The creator's device answers the open exchange once; relayed to the joiner as `key:given`. Ack: relayed. */
  'key:give': (input: KeyGive, ack: (r: Ack) => void) => void;
  /** Take the free seat by its typed code (after the key exchange). Ack: the new credential, or CODE_INVALID. */
  'room:join-by-code': (input: JoinByCodeInput, ack: (r: Ack<SeatedAnswer>) => void) => void;
  /** A change to the room by one of this device's seats. Ack: the room's new version. */
  'room:command': (input: CommandInput, ack: (r: Ack<{ version: number }>) => void) => void;
  /**
   * A page of the room's Memories, newest first, older than `before` (null: the newest), at least as new
   * as the view at `version`. Ack: the page (sealed, as in views) and the cursor for the next, or null.
   */
  'memories:page': (input: { version: number; before: string | null }, ack: (r: Ack<MemoriesPage>) => void) => void;
  /** Whether this page is hidden (Page Visibility API), so the other sees "away". Ack: done. */
  'room:visibility': (input: { hidden: boolean }, ack: (r: Ack) => void) => void;
  /** Leave and erase the room: everything stored for it is deleted at once. Ack: done. */
  'room:erase': (input: { commandId: string }, ack: (r: Ack) => void) => void;
  /** A one-time code (10 minutes) for another device of this seat; replaces an earlier one. Ack: the code. */
  'device:offer': (input: { seat: SeatIndex }, ack: (r: Ack<DeviceOffer>) => void) => void;
  /** Bring this device into a seat by a transfer code. Ack: its own credential, or TRANSFER_INVALID. */
  'device:claim': (input: ClaimDeviceInput, ack: (r: Ack<SeatedAnswer>) => void) => void;
  /** The server's public VAPID key, to subscribe this device's push manager with. Ack: the key (base64url). */
  'push:key': (input: Record<string, never>, ack: (r: Ack<{ publicKey: string }>) => void) => void;
  /** Notify this device (this seat) when the other checks in, suggests or waits; kept while the room lives. Ack: kept. */
  'push:subscribe': (input: PushSubscriptionInput, ack: (r: Ack) => void) => void;
  /** Stop notifying this device for this room. Ack: done. */
  'push:unsubscribe': (input: Record<string, never>, ack: (r: Ack) => void) => void;
}

export interface ServerToClientEvents {
  /** The whole room as this seat may see it; sent on every connect and after every change. */
  'room:snapshot': (snapshot: Snapshot) => void;
  /** Which seats have a device connected now. */
  'room:presence': (presence: Presence) => void;
  /** The room was erased by one of the two; nothing of it is kept. */
  'room:erased': () => void;
  /** This seat was freed by the room's creator; its token no longer works. */
  'seat:removed': () => void;
  /** After a removal the room lives under a new id (the old link stops working); same seat, same token. */
  'room:moved': (to: { roomId: string }) => void;
  /** To the creator's seat: someone typed the code and asks for the room key (answer with `key:give`). */
  'key:asked': (ask: KeyAsk) => void;
  /** To the joiner's socket: the creator's answer, with the room key under the session key. */
  'key:given': (give: KeyGive) => void;
  /** This device was signed out from another device of the same person; its token no longer works. */
  'device:signed-out': () => void;
}

/** Server-side facts about a socket. Identity comes from here, never from a payload. */
export interface SocketData {
  /** Only the seats: this crosses Redis in presence answers, so the room id is kept on the node. */
  seats: SeatIndex[];
  /** The page is hidden (the client says so): its seats show "away" while no other page of theirs is seen. */
  hidden?: boolean;
}

/** The shape of `connect_error.data` when the server refuses a handshake. */
export type HandshakeRefusal = AppError;
