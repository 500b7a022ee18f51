// The room model: one document per room, changed only by the pure functions here.
// The server loads a room, applies one of these, and commits the result with compare-and-set.
import type { ActivityId } from './activities/catalog.js';
import type { ActivityView } from './activities/registry.js';
import type { SetupContext } from './activities/types.js';
import { closenessView, type ClosenessView } from './closeness.js';
import { CREATOR_SEAT, refuse, type Audience, type PlayMode, type Result, type SeatIndex } from './core.js';
import { canAddDevice, deviceViews, reissueDeviceToken, signOutDevice, type DeviceView, type SeatDevices } from './devices.js';
import { newestMemories } from './memory-pages.js';
import type { Sealed } from './sealed/shape.js';
import {
  EMPTY_PLAY,
  activityViewFor,
  answerCloseness,
  endActivity,
  forgetMemory,
  keptSummaries,
  libraryCounts,
  playMove,
  propose,
  ready,
  withdraw,
  type Ended,
  type Memory,
  type Play,
  type Proposal,
} from './play.js';

/** A person's place in the room, open on one to MAX_DEVICES devices, each with its own token. */
export interface Seat extends SeatDevices {
  /** Sealed in the person's browser with the room key: the server never reads it. */
  name: Sealed;
  /** The command id that claimed this seat, so a replayed create or join finds it again. */
  claimId: string;
}

/** A seat as it is taken: on the one device that took it, under the same claim id. */
export function newSeat(name: string, claimId: string, device: { id: string; tokenHash: string }, now: number): Seat {
  return { name, claimId, devices: [{ ...device, claimId, addedAt: now }], transfer: null };
}

/**
 * What every device needs to open the room's sealed values: the id their associated data names (made by the
 * creator's browser, kept when the room moves to a new id) and a known value sealed with the room key, which
 * a device opens to tell a wrong key from a damaged value. Null for a room made before rooms were sealed.
 */
export interface RoomSeal {
  id: string;
  check: Sealed;
}

/** Joining by code: the code's one key exchange, relayed by the server (shared/room-exchange.ts). */
export interface KeyExchange {
  sid: string;
  /** The joiner's socket, which the creator's answer is relayed to. */
  joiner: string;
  answered: boolean;
}

export interface Invite {
  code: string;
  expiresAt: number;
  /** The code's one key exchange (shared/room-exchange.ts), once a joiner's device started it. */
  exchange?: KeyExchange;
}

export function withInvite(room: Room, invite: Invite): Room {
  return { ...room, invite };
}

export interface Room {
  id: string;
  createdAt: number;
  audience: Audience;
  mode: PlayMode;
  seal: RoomSeal | null;
  seats: [Seat, Seat | null];
  /** Open while the second seat is free and the code is fresh; null once it is taken. */
  invite: Invite | null;
  /** The lobby's proposal, the running activity and the Memories. */
  play: Play;
  /**
   * Set by the removal that moved this room to a new id, in the same commit: from then on this id
   * takes no join, peek or command, whether or not the copy under the new id has been made yet. It holds
   * the whole move, so whoever finds it unfinished (a replay, the creator coming back) can finish it.
   */
  movedTo?: MoveRoom;
  /**
   * The room's time zone, sealed at creation by the creator's browser as Check-in's room zone (seat 0,
   * 'check-in', 'room-zone'): the days of a first check-in follow it, whoever opens it first.
   */
  zone?: Sealed;
  /** "We live apart": activities hide cards and ideas that need the same place. Absent in older rooms: false. */
  apart?: boolean;
}

export interface Lifetimes {
  /** A room where only one seat is taken. */
  waitingMs: number;
  /** Any room, counted from its last activity. */
  idleMs: number;
  /** How long a typed code works. */
  inviteMs: number;
  /** How long a link for another device of the same person works. */
  transferMs: number;
}

export type { Result };

export interface NewRoom {
  id: string;
  audience: Audience;
  mode: PlayMode;
  seal: RoomSeal;
  creator: Seat;
  /** On one shared device both seats are taken at once. */
  partner: Seat | null;
  code: string;
  now: number;
  zone?: Sealed;
  apart?: boolean;
}

export function createRoom(input: NewRoom, lifetimes: Lifetimes): Room {
  const partner = input.mode === 'one-device' ? input.partner : null;
  return {
    id: input.id,
    createdAt: input.now,
    audience: input.audience,
    mode: input.mode,
    seal: input.seal,
    seats: [input.creator, partner],
    invite: partner ? null : { code: input.code, expiresAt: input.now + lifetimes.inviteMs },
    play: EMPTY_PLAY,
    ...(input.zone ? { zone: input.zone } : {}),
    ...(input.apart ? { apart: true } : {}),
  };
}

export function isFull(room: Room): boolean {
  return room.seats[1] !== null;
}

/** Takes the free seat. With a code, the code must be the room's open, unexpired one. */
export function joinRoom(
  room: Room,
  seat: Seat,
  now: number,
  viaCode: string | null = null,
): Result<{ room: Room; seat: SeatIndex }> {
  if (viaCode !== null) {
    const invite = room.invite;
    if (isFull(room) || !invite || invite.code !== viaCode || invite.expiresAt <= now) return refuse('CODE_INVALID');
  }
  if (isFull(room)) return refuse('ROOM_FULL');
  return { ok: true, value: { room: { ...room, seats: [room.seats[0], seat], invite: null }, seat: 1 } };
}

/** The seat a claim id took, so a replayed claim is answered with the same seat. */
export function seatClaimedBy(room: Room, claimId: string): SeatIndex | null {
  if (room.seats[0].claimId === claimId) return 0;
  if (room.seats[1]?.claimId === claimId) return 1;
  return null;
}

/** Gives a replayed claim a fresh token for the device that claimed the seat: the first answer never reached it. */
export function reissueToken(room: Room, seat: SeatIndex, tokenHash: string): Room {
  const current = room.seats[seat];
  const device = current?.devices.find((d) => d.claimId === current.claimId);
  return current && device ? withSeatChanged(room, seat, reissueDeviceToken(current, device.id, tokenHash)) : room;
}

/** The device a claim id took the seat with (or brought in), for a replayed claim's answer. */
export function deviceIdOf(room: Room, seat: SeatIndex, claimId: string): string | null {
  return room.seats[seat]?.devices.find((d) => d.claimId === claimId)?.id ?? null;
}

/** The seats (and the devices) a handshake's tokens hold; null if any token holds none. */
export function seatsForTokenHashes(room: Room, hashes: readonly string[]): { seats: SeatIndex[]; devices: string[] } | null {
  const seats: SeatIndex[] = [];
  const devices: string[] = [];
  for (const hash of hashes) {
    const seat = room.seats.findIndex((s) => s?.devices.some((d) => d.tokenHash === hash));
    if (seat !== 0 && seat !== 1) return null;
    if (!seats.includes(seat)) seats.push(seat);
    const device = room.seats[seat]!.devices.find((d) => d.tokenHash === hash)!;
    if (!devices.includes(device.id)) devices.push(device.id);
  }
  return { seats, devices };
}

/** The room with one seat replaced. */
export function withSeatChanged(room: Room, index: SeatIndex, seat: Seat): Room {
  return { ...room, seats: index === 0 ? [seat, room.seats[1]] : [room.seats[0], seat] };
}

/** Changes a seated person can ask for. */
export type RoomCommand =
  | { type: 'remove-partner' }
  | { type: 'renew-invite' }
  /** Suggest an activity in the lobby (replaces an earlier suggestion); `ready`: and I'm ready for it. */
  | { type: 'propose'; activity: ActivityId; options: unknown; ready?: boolean }
  /** I'm ready for the proposed activity; it starts when both are. */
  | { type: 'ready' }
  /** Take the proposal back (either person). */
  | { type: 'withdraw' }
  /** Stop the running activity for both (the other is told); both return to the lobby. */
  | { type: 'end-activity' }
  /** A move in the running activity, checked by that activity's own schema. */
  | { type: 'move'; move: unknown }
  /** Remove one item from the room's Memories (either person). */
  | { type: 'forget-memory'; id: string }
  /** My closeness-circles answer (1–7, or 0 to skip), sealed for closenessSlot(id) by my browser. */
  | { type: 'closeness'; id: string; value: Sealed }
  /** Sign one of my own devices out: its token stops working and its screens close. */
  | { type: 'sign-out-device'; device: string }
  /** "We live apart" on or off for the room (either person): activities started from now on follow it. */
  | { type: 'set-apart'; apart: boolean };

export interface CommandContext {
  now: number;
  /** Makes a fresh invite code: called only if the command opens the free seat again (few do). */
  freshCode: () => string;
  /** Makes a fresh room id: called only if the command moves the room (a removal). */
  freshRoomId: () => string;
  /** A fresh random seed, used only if the command starts an activity. */
  seed: number;
  lifetimes: Lifetimes;
}

/**
 * What a committed command leaves for the shell to do outside the room's document. Saved with the
 * command's answer, so a replay of the same command id carries it out again; each is idempotent.
 * (A code the change closes or replaces needs no effect: the commit itself drops its lookup.)
 */
export type Effect =
  /** The typed code `code` leads to this room from now on, if it is still the room's code. */
  | { type: 'open-code'; code: string }
  /**
   * The room moves to `to` (room.movedTo): a copy there unless there is one, then the old id erased with
   * `claims`' lookups; seat `removed`'s sockets are told they were removed, the others that the room moved.
   */
  | MoveRoom
  /** A device was signed out: its sockets are told and closed. */
  | { type: 'sign-out-device'; device: string };

export interface MoveRoom {
  type: 'move-room';
  to: string;
  removed: SeatIndex;
  claims: string[];
}

export type Changed = Result<{ room: Room; effects: Effect[] }>;

export function applyCommand(room: Room, actor: SeatIndex, command: RoomCommand, ctx: CommandContext): Changed {
  if (room.movedTo !== undefined) return refuse('ROOM_NOT_FOUND');
  switch (command.type) {
    case 'remove-partner': {
      if (actor !== CREATOR_SEAT) return refuse('NOT_ALLOWED');
      if (room.mode === 'one-device' || !isFull(room)) return refuse('NOT_POSSIBLE');
      const move: MoveRoom = { type: 'move-room', to: ctx.freshRoomId(), removed: 1, claims: room.seats.flatMap((seat) => (seat ? [seat.claimId] : [])) };
      return {
        ok: true,
        value: {
          room: {
            ...room,
            seats: [room.seats[0], null],
            invite: { code: ctx.freshCode(), expiresAt: ctx.now + ctx.lifetimes.inviteMs },
            // Whatever the wrong person wrote leaves with them.
            play: EMPTY_PLAY,
            movedTo: move,
          },
          effects: [move],
        },
      };
    }
    case 'renew-invite': {
      if (actor !== CREATOR_SEAT) return refuse('NOT_ALLOWED');
      if (isFull(room)) return refuse('NOT_POSSIBLE');
      const code = ctx.freshCode();
      return {
        ok: true,
        value: {
          room: { ...room, invite: { code, expiresAt: ctx.now + ctx.lifetimes.inviteMs } },
          effects: [{ type: 'open-code', code }],
        },
      };
    }
    case 'propose':
      return isFull(room) ? withPlay(room, propose(room.play, actor, command.activity, command.options, command.ready === true)) : refuse('NOT_POSSIBLE');
    case 'ready':
      return withPlay(room, ready(room.play, actor, { now: ctx.now, seed: ctx.seed, room: setupContext(room) }));
    case 'withdraw':
      return withPlay(room, withdraw(room.play));
    case 'end-activity':
      return withPlay(room, endActivity(room.play, actor, ctx.now));
    case 'forget-memory':
      return withPlay(room, forgetMemory(room.play, command.id));
    case 'closeness':
      return isFull(room) ? withPlay(room, answerCloseness(room.play, actor, command.id, command.value)) : refuse('NOT_POSSIBLE');
    case 'move':
      return withPlay(room, playMove(room.play, actor, command.move, ctx.now));
    case 'sign-out-device': {
      const seat = room.seats[actor];
      const signedOut = seat ? signOutDevice(seat, command.device) : refuse('NOT_SEATED');
      if (!signedOut.ok) return signedOut;
      return { ok: true, value: { room: withSeatChanged(room, actor, signedOut.value), effects: [{ type: 'sign-out-device', device: command.device }] } };
    }
    case 'set-apart': {
      // Structure, not words: either person may flip it, and a running activity keeps what it started with.
      const { apart: _, ...rest } = room;
      return { ok: true, value: { room: command.apart ? { ...rest, apart: true } : rest, effects: [] } };
    }
  }
}

/** What an activity's setup learns of the room. */
function setupContext(room: Room): SetupContext {
  return { audience: room.audience, ...(room.zone ? { zone: room.zone } : {}), ...(room.apart ? { apart: true } : {}) };
}

function withPlay(room: Room, result: Result<Play>): Changed {
  return result.ok ? { ok: true, value: { room: { ...room, play: result.value }, effects: [] } } : result;
}

export interface SeatView {
  /** Sealed on the wire; the browser's room store opens it, so screens read the name itself. */
  name: string;
}

/** What one seat sees of a room. Never holds another seat's private data. */
export interface RoomView {
  roomId: string;
  audience: Audience;
  mode: PlayMode;
  /** How this room's sealed values are opened (null: made before rooms were sealed). */
  seal: RoomSeal | null;
  you: SeatIndex;
  seats: [SeatView | null, SeatView | null];
  /** The code to type, shown to the creator while the second seat is free. */
  invite: { code: string; expiresAt: number; used: boolean } | null;
  /** An activity proposed in the lobby, waiting for both to be Ready. */
  proposal: Proposal | null;
  /** The running activity, as this seat may see it. */
  activity: ActivityView | null;
  /**
   * The newest few Memories (MEMORIES_IN_VIEW), oldest first: what the lobby shows. The Memories screen
   * asks for the rest a page at a time (`memories:page`), so a view stays small however many there are.
   */
  memories: Memory[];
  /** How many Memories the room keeps in all. */
  memoryCount: number;
  /** Activities kept to reopen (a plan), with one line each. */
  kept: { activity: ActivityId; summary: string | null }[];
  /** What the room keeps of an activity from game to game, as counts (Question Swap's favourites). */
  libraries: Partial<Record<ActivityId, Record<string, number>>>;
  /** Who ended the last activity, until the next one starts (so the other is told). */
  ended: Ended | null;
  /** Closeness circles: the open question and the revealed history. */
  closeness: ClosenessView;
  /** This seat's own devices (each device knows its own id from its credential). */
  devices: DeviceView[];
  /** When this seat's open link for another device stops working (a newer one replaces it), if one is open. */
  deviceLink: { expiresAt: number } | null;
  /** What this seat may do to the room itself. */
  can: { removePartner: boolean; addDevice: boolean };
  /** "We live apart": cards and plan ideas needing the same place are hidden. */
  apart: boolean;
}

/** How long the store keeps a room from now: short while it waits for its second person. */
export function roomTtlMs(room: Room, lifetimes: Lifetimes): number {
  return isFull(room) ? lifetimes.idleMs : lifetimes.waitingMs;
}

export function viewFor(room: Room, seat: SeatIndex): RoomView {
  const [first, second] = room.seats;
  const mine = room.seats[seat];
  return {
    roomId: room.id,
    audience: room.audience,
    mode: room.mode,
    seal: room.seal,
    you: seat,
    seats: [{ name: first.name }, second ? { name: second.name } : null],
    // `used`: someone typed the code and its one key exchange ran, so a new code is offered (a typo in
    // its last four characters, which only the room's devices know, uses it up too).
    invite: seat === CREATOR_SEAT && room.invite ? { code: room.invite.code, expiresAt: room.invite.expiresAt, used: room.invite.exchange !== undefined } : null,
    proposal: room.play.proposal,
    activity: activityViewFor(room.play, seat),
    memories: newestMemories(room.play.memories),
    memoryCount: room.play.memories.length,
    kept: keptSummaries(room.play),
    libraries: libraryCounts(room.play),
    ended: room.play.ended ?? null,
    closeness: closenessView(room.play.closeness, seat),
    devices: mine ? deviceViews(mine) : [],
    deviceLink: mine?.transfer ? { expiresAt: mine.transfer.expiresAt } : null,
    can: {
      removePartner: seat === CREATOR_SEAT && room.mode === 'two-devices' && isFull(room),
      addDevice: room.mode === 'two-devices' && mine !== null && canAddDevice(mine),
    },
    apart: room.apart === true,
  };
}
