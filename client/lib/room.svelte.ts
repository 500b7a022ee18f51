// The one reactive room store every screen reads. It holds only what the server sent: the latest
// snapshot per seat, who is online, and what happened (erased, removed…). It has no room logic.
import { connection } from './connection.svelte.js';
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  AppError,
  ClientToServerEvents,
  DeviceOffer,
  HandshakeRefusal,
  PeekAnswer,
  PlayMode,
  PushSubscriptionInput,
  Audience,
  Presence,
  RoomSeal,
  RoomCommand,
  SeatedAnswer,
  SeatIndex,
  ServerToClientEvents,
  Snapshot,
} from '../../shared/protocol.js';
import { sendUntilAnswered } from '../../shared/answered.js';
import type { OpenMemory, OpenRoomView } from '../../shared/opened-room.js';
import { CREATOR_SEAT, ERROR_MESSAGES, other, refuse, type Result } from '../../shared/core.js';
import { readTypedCode, TYPED_CODE_LENGTH, type TypedCode } from '../../shared/invite-code.js';
import { typedCode } from '../../shared/sealed/invite-secret.js';
import type { KeyAsk, KeyGive, RoomKeyPayload } from '../../shared/sealed/key-exchange.js';
import type { ActivityId, MoveFor } from '../../shared/activities/registry.js';
import { parse, Name } from '../../shared/schemas.js';
import { newRoomSeal, sealName } from '../../shared/sealed/room-seal.js';
import { exportRoomKey, makeRoomKey, seal as sealValue, type RoomKey } from '../../shared/sealed/seal.js';
import { ACTIVITY as CHECK_IN } from '../../shared/activities/check-in/model.js';
import { ROOM_ZONE_SLOT } from '../../shared/activities/check-in/open.js';
import { forgetRoom as forgetCredentials, saveCredentials, saveNames, savedRoom } from './credentials.js';
import { draftScope, drafts } from './drafts.svelte.js';
import { commandId } from './ids.js';
import { outbox, type Pending, type Written } from './outbox.svelte.js';
import { forgetNotifiedRoom, moveNotifiedRoom } from './push-names.js';
import { nextSeatState, type SeatState } from './presence.js';
import { RoomKeyring, takeKeyText, type KeyProblem } from './room-key.js';
import { route } from './route.svelte.js';
import { deviceZone } from './zone.js';

type CloserSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The key exchange for a typed code (CPace on @noble/curves: about 14 KB gzip), loaded only when a code
 * is typed or the creator's device is asked, so the first load of every other page stays lighter.
 */
const keyExchange = () => import('../../shared/sealed/key-exchange.js');

/** A snapshot as the screens read it: its sealed values opened. */
export type OpenSnapshot = Omit<Snapshot, 'view'> & { view: OpenRoomView };

/** What happened to this device's place in the room, when it is not simply "seated". */
export type Outcome =
  | { kind: 'join'; hostName: string }
  | { kind: 'full' }
  | { kind: 'gone' }
  | { kind: 'erased'; byMe: boolean }
  | { kind: 'removed' }
  /** Signed out from another device of the same person. */
  | { kind: 'signed-out' }
  /** This device has no key for the room, the wrong one, or the room was made before rooms were sealed. */
  | { kind: KeyProblem };

export type Screen = 'home' | 'connecting' | 'invite' | 'lobby' | 'activity' | Outcome['kind'];

const ACK_TIMEOUT_MS = 8_000;
const RETRY_AFTER_REFUSAL_MS = 2_000;
/** How long a joiner by code waits for the creator's device to answer the key exchange. */
const KEY_WAIT_MS = 15_000;
/** How many key exchanges the creator's device answers for one code (the server allows one). */
const KEY_ASKS_PER_CODE = 3;

/** How long a change is sent again, across reconnects, before the person is asked to try again. */
const GIVE_UP_MS = 20_000;

type Send<T> = (socket: CloserSocket) => Promise<T>;

const NOBODY: Presence = { online: [false, false], away: [false, false] };

const NO_ANSWER: AppError = { code: 'TRY_AGAIN', message: 'No answer from Closer. Check your connection and try again.' };

/** A move waits for the connection as long as this page stays in its room (the timer's largest safe wait). */
const KEEP_TRYING_MS = 2 ** 31 - 1;

/**
 * Everything of a room on this device: its tokens, what was being written, what waits to be sent, the names
 * kept for notifications (which follow the room when it `movedTo` a new id, the removed partner's left out).
 */
function forgetRoom(roomId: string, movedTo?: string): void {
  forgetCredentials(roomId);
  drafts.forgetRoom(roomId);
  outbox.forgetRoom(roomId);
  void (movedTo ? moveNotifiedRoom(roomId, movedTo, other(CREATOR_SEAT)) : forgetNotifiedRoom(roomId));
}

/** The draft scope a seat is writing for now, from its latest view. */
function scopeOf(snapshot: OpenSnapshot | undefined): string | null {
  return draftScope(snapshot?.view.activity ?? null);
}

/** A room as Home asks for it: names in the clear, sealed here before they are sent. */
export interface NewRoomRequest {
  name: string;
  audience: Audience;
  mode: PlayMode;
  partnerName?: string;
  /** "We live apart" (two devices only). */
  apart?: boolean;
}

class RoomClient {
  connected = $state(false);
  /** True once this page has been connected at least once; before that "offline" is just "starting". */
  get everConnected(): boolean {
    return connection.everConnected;
  }
  set everConnected(value: boolean) {
    connection.everConnected = value;
  }
  snapshots = $state<Partial<Record<SeatIndex, OpenSnapshot>>>({});
  presence = $state<Presence>(NOBODY);
  /** Each seat as last seen from here; kept while this device is offline, so "dropped" can be told apart. */
  private seen = $state<[SeatState, SeatState]>(['away', 'away']);
  outcome = $state<Outcome | null>(null);
  /** Moves sent and not answered yet: while offline they wait, and go as soon as the connection is back. */
  sending = $state(0);
  private delivering = new Set<string>();

  /** The seats this device holds in the current room: one, or both on one shared device. */
  seats = $derived(([0, 1] as const).filter((s) => this.snapshots[s] !== undefined));
  view = $derived<OpenRoomView | null>(this.snapshots[this.seats[0] ?? 0]?.view ?? null);

  /** Every seat's view this device holds: one, or both on a shared device. */
  views = $derived(this.seats.map((s) => this.snapshots[s]!.view));

  /** A seat's state as this device sees it: its own seats are here; null while this device is offline. */
  seatState(seat: SeatIndex): SeatState | null {
    if (!this.connected || !connection.online) return null;
    return this.seats.includes(seat) ? 'here' : this.seen[seat];
  }

  screen = $derived.by<Screen>(() => {
    if (!route.roomId) return 'home';
    if (this.outcome) return this.outcome.kind;
    const view = this.view;
    if (!view || view.roomId !== route.roomId) return 'connecting';
    if (view.mode === 'two-devices' && !view.seats[1]) return 'invite';
    return view.activity ? 'activity' : 'lobby';
  });

  /** The room key this page uses (views arrive sealed and are opened with it). */
  keyring = $state.raw(new RoomKeyring(null));
  /** Key exchanges this page answered, per code (see giveKey). */
  private keyAsksAnswered = new Map<string, number>();
  private socket: CloserSocket | null = null;
  private erasing = false;
  /** Counts rooms entered and left, so a view opened after the page moved on is dropped. */
  private epoch = 0;
  /** The room this socket was just seated in by a create, join or device claim. */
  private claimed: string | null = null;
  /** The room seal a peek returned, to seal the joiner's name for this room. */
  private peeked: RoomSeal | null = null;

  /** Opens the room at the current address: resumes its seats, or asks whether it can be joined. */
  enter(roomId: string | null): void {
    // Off a room's address (home, a device link being claimed) the key in hand stays.
    const keyText = roomId ? takeKeyText(roomId) : this.keyring.text;
    if (keyText !== this.keyring.text) this.keyring = new RoomKeyring(keyText);
    const socket = this.connection();
    // Just created or joined here: the server seated this very socket already (its view may still be opening).
    if (roomId && (roomId === this.view?.roomId || roomId === this.claimed) && socket.connected) return;
    this.claimed = null;
    this.snapshots = {};
    this.epoch += 1;
    this.peeked = null;
    // A guest with no key cannot join: say so before anything else.
    this.outcome = roomId && !keyText && !savedRoom(roomId) ? { kind: 'no-key' } : null;
    this.presence = NOBODY;
    this.seen = ['away', 'away'];
    // A reconnect we chose is not "lost connection": no banner for it.
    this.everConnected = false;
    if (socket.connected) socket.disconnect();
    socket.connect();
  }

  /** Makes the room key here, seals the names and the key check with it, and sends only what is sealed. */
  async create(input: NewRoomRequest): Promise<AppError | null> {
    const names = [parse(Name, input.name), ...(input.mode === 'one-device' ? [parse(Name, input.partnerName ?? '')] : [])];
    for (const name of names) if (!name.ok) return name.error;
    const key = await makeRoomKey();
    const seal = await newRoomSeal(key);
    const sealed: string[] = [];
    for (const [seat, name] of names.entries()) {
      const done = name.ok && (await sealName(key, seal.id, seat as SeatIndex, name.value));
      if (!done || !done.ok) return done ? done.error : NO_ANSWER;
      sealed.push(done.value);
    }
    // The room's days (Check-in) follow the creator's device's time zone from the start; either may change it.
    const zone = await sealValue(key, { room: seal.id, seat: CREATOR_SEAT, activity: CHECK_IN, slot: ROOM_ZONE_SLOT }, deviceZone());
    this.keyring = new RoomKeyring(await exportRoomKey(key));
    const { audience, mode } = input;
    const payload = {
      commandId: commandId(),
      audience,
      mode,
      seal,
      name: sealed[0]!,
      ...(sealed[1] ? { partnerName: sealed[1] } : {}),
      ...(zone.ok ? { zone: zone.value } : {}),
      ...(input.apart && mode === 'two-devices' ? { apart: true } : {}),
    };
    return this.claim((socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('room:create', payload));
  }

  /** Takes the free seat (always the second) with the name sealed under the link's key. */
  async join(roomId: string, name: string): Promise<AppError | null> {
    const sealed = await this.sealedName(name, this.peeked);
    if (!sealed.ok) return sealed.error;
    const payload = { roomId, name: sealed.value, commandId: commandId() };
    return this.claim((socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('room:join', payload));
  }

  /** Gets the room key from the creator's device by the code's key exchange, then takes the seat by code. */
  async joinByCode(typed: string, name: string): Promise<AppError | null> {
    const checked = parse(Name, name);
    if (!checked.ok) return checked.error;
    const code = readTypedCode(typed);
    if (!code) {
      const length = typed.replace(/[\s-]/g, '').length;
      const message = length > 0 && length !== TYPED_CODE_LENGTH ? `A code has ${TYPED_CODE_LENGTH} letters and digits; this one has ${length}. Check it with the person who sent it.` : ERROR_MESSAGES.CODE_INVALID;
      return { code: 'CODE_INVALID', message };
    }
    const got = await this.keyByCode(code);
    if (!got.ok) return got.error;
    this.keyring = new RoomKeyring(got.value.key);
    const sealed = await this.sealedName(checked.value, got.value.seal);
    if (!sealed.ok) return sealed.error;
    // The server is told only its own part of the code.
    const payload = { code: code.lookup, name: sealed.value, commandId: commandId() };
    return this.claim((socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('room:join-by-code', payload));
  }

  /** The code's one key exchange with the creator's device, through the server (which cannot open it). */
  private async keyByCode(code: TypedCode): Promise<Result<RoomKeyPayload>> {
    const socket = this.connection();
    const { startKeyAsk, finishKeyAsk } = await keyExchange();
    const { secret, ask } = startKeyAsk(code.full);
    let stop = () => {};
    const given = new Promise<KeyGive | null>((resolve) => {
      const heard = (give: KeyGive) => give.sid === ask.sid && finish(give);
      const timer = setTimeout(() => finish(null), KEY_WAIT_MS);
      const finish = (give: KeyGive | null) => {
        clearTimeout(timer);
        socket.off('key:given', heard);
        resolve(give);
      };
      socket.on('key:given', heard);
      stop = () => finish(null);
    });
    try {
      const asked = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('key:ask', { code: code.lookup, ...ask });
      if (!asked.ok) {
        stop();
        return asked;
      }
    } catch {
      stop();
      return { ok: false, error: NO_ANSWER };
    }
    const give = await given;
    if (!give) return refuse('NOT_POSSIBLE', 'No answer from the device that made the room. It needs Closer open while you join: ask them to open it, and ask for a new code.');
    const payload = await finishKeyAsk(secret, give);
    const opens = payload && (await new RoomKeyring(payload.key).problemWith(payload.seal)) === null;
    // A code whose last four characters are wrong fails here, and its one exchange is used up.
    return payload && opens ? { ok: true, value: payload } : refuse('CODE_INVALID', "That code didn't work. Check its last four characters with the person who sent it: they can make a new code, as each works once.");
  }

  /** On the creator's device: someone typed this room's code; answer the exchange with the room key. */
  private async giveKey(ask: KeyAsk): Promise<void> {
    const view = this.snapshots[CREATOR_SEAT]?.view;
    const key = this.keyring.text;
    if (!view?.invite || !view.seal || !key) return;
    // The server allows one exchange a code; a malicious one could ask again and again to guess the key's
    // part of the code, so this device answers only a few.
    const asked = this.keyAsksAnswered.get(view.invite.code) ?? 0;
    if (asked >= KEY_ASKS_PER_CODE) return;
    this.keyAsksAnswered.set(view.invite.code, asked + 1);
    const full = await typedCode(key, view.invite.code);
    if (!full) return;
    const { answerKeyAsk } = await keyExchange();
    const give = await answerKeyAsk(full, ask, { key, seal: view.seal });
    if (give) await this.connection().timeout(ACK_TIMEOUT_MS).emitWithAck('key:give', give).catch(() => undefined);
  }

  /** Brings this device into a seat with the one-time code (and the room key) from another device of the same person. */
  async claimDevice(roomId: string, code: string, key: string | null): Promise<AppError | null> {
    if (key !== this.keyring.text) this.keyring = new RoomKeyring(key);
    const payload = { roomId, code, commandId: commandId() };
    return this.claim((socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('device:claim', payload), true);
  }

  /** A one-time code for another device of this seat (a fresh one each time). */
  async offerDevice(seat: SeatIndex): Promise<Ack<DeviceOffer>> {
    try {
      return await this.answered((socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('device:offer', { seat }));
    } catch {
      return { ok: false, error: NO_ANSWER };
    }
  }

  /**
   * A page of the room's Memories, opened: newest first, older than `before` (null: the newest page),
   * and the cursor for the next page (null: that was the oldest).
   */
  async memoriesPage(before: string | null): Promise<Result<{ memories: OpenMemory[]; next: string | null }>> {
    const seat = this.seats[0];
    const snapshot = seat === undefined ? undefined : this.snapshots[seat];
    if (!snapshot?.view.seal) return refuse('NOT_SEATED');
    const { version, view } = snapshot;
    const seal = view.seal!;
    try {
      const answer = await this.answered((socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('memories:page', { version, before }));
      if (!answer.ok) return answer;
      return { ok: true, value: { memories: await this.keyring.openMemories(seal, answer.memories), next: answer.next } };
    } catch {
      return { ok: false, error: NO_ANSWER };
    }
  }

  /** A change by one of this device's seats (the first, unless a shared device says whose turn it is). */
  async command(command: RoomCommand, seat: SeatIndex | undefined = this.seats[0]): Promise<AppError | null> {
    if (seat === undefined) return { code: 'NOT_SEATED', message: 'Join the room first.' };
    const payload = { seat, command, commandId: commandId() };
    return this.request((socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('room:command', payload));
  }

  /**
   * A move of the running activity, made from what the person wrote (`words`). It is kept on this device
   * until answered, and sent again with the same id after every reconnect (and after a reload), however
   * long the connection is gone.
   */
  async move(move: MoveFor<ActivityId>, seat: SeatIndex, words: Written[] = []): Promise<AppError | null> {
    const roomId = route.roomId;
    if (!roomId) return { code: 'NOT_SEATED', message: 'Join the room first.' };
    const entry: Pending = { roomId, seat, commandId: commandId(), command: { type: 'move', move }, words, scope: scopeOf(this.snapshots[seat]) };
    outbox.add(entry);
    return this.deliver(entry, true);
  }

  /** Sends a kept move until answered. A refusal nobody is waiting for, or whose words left their field, is kept to show. */
  private async deliver(entry: Pending, awaited: boolean): Promise<AppError | null> {
    const payload = { seat: entry.seat, command: entry.command, commandId: entry.commandId };
    this.delivering.add(entry.commandId);
    this.sending += 1;
    try {
      const answer = await sendUntilAnswered(this.connection(), (socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('room:command', payload), {
        giveUpMs: KEEP_TRYING_MS,
        stillWanted: () => route.roomId === entry.roomId,
      });
      const stillTyped = entry.words.every((w) => entry.scope !== null && drafts.get(entry.roomId, entry.seat, entry.scope, w.name) === w.value);
      if (answer.ok) {
        if (entry.scope !== null) for (const w of entry.words) if (drafts.get(entry.roomId, entry.seat, entry.scope, w.name) === w.value) drafts.set(entry.roomId, entry.seat, entry.scope, w.name, '');
        outbox.answered(entry.commandId);
        return null;
      }
      if (awaited && stillTyped) outbox.answered(entry.commandId);
      else outbox.answered(entry.commandId, answer.error.message);
      return answer.error;
    } catch {
      // This page left the room: the move stays kept, and goes when the room is opened here again.
      return NO_ANSWER;
    } finally {
      this.delivering.delete(entry.commandId);
      this.sending -= 1;
    }
  }

  /** The server's public key for this device's push subscription (lib/Notifications.svelte). */
  async pushKey(): Promise<Result<string>> {
    try {
      const answer = await this.answered((socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('push:key', {}));
      return answer.ok ? { ok: true, value: answer.publicKey } : answer;
    } catch {
      return { ok: false, error: NO_ANSWER };
    }
  }

  /** Notify this device, for this seat, when the other checks in, suggests something or waits. */
  pushSubscribe(subscription: PushSubscriptionInput): Promise<AppError | null> {
    return this.request((socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('push:subscribe', subscription));
  }

  pushUnsubscribe(): Promise<AppError | null> {
    return this.request((socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('push:unsubscribe', {}));
  }

  async erase(): Promise<AppError | null> {
    this.erasing = true;
    const payload = { commandId: commandId() };
    const error = await this.request((socket) => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('room:erase', payload));
    if (error) this.erasing = false;
    return error;
  }

  private async claim(send: Send<Ack<SeatedAnswer>>, replace = false): Promise<AppError | null> {
    let answer: Ack<SeatedAnswer>;
    this.snapshots = {};
    try {
      answer = await this.answered(send);
    } catch {
      return NO_ANSWER;
    }
    if (!answer.ok) return answer.error;
    saveCredentials(answer.roomId, answer.credentials, this.keyring.text);
    // The snapshot came before this answer, when there was nowhere yet to note the names.
    if (this.view?.roomId === answer.roomId) saveNames(answer.roomId, this.view.seats.flatMap((s) => (s ? [s.name] : [])));
    this.outcome = null;
    this.claimed = answer.roomId;
    route.go(`/r/${answer.roomId}`, replace);
    return null;
  }

  /** A name checked as the server once did (trimmed, 1–40 characters), then sealed for the free seat. */
  private async sealedName(name: string, roomSeal: RoomSeal | null): Promise<{ ok: true; value: string } | { ok: false; error: AppError }> {
    const checked = parse(Name, name);
    if (!checked.ok) return checked;
    const key: RoomKey | null = await this.keyring.key;
    if (!key || !roomSeal) return { ok: false, error: { code: 'NOT_POSSIBLE', message: 'This link is missing its key — ask for the link again.' } };
    return sealName(key, roomSeal.id, 1, checked.value);
  }

  private async request(send: Send<Ack>): Promise<AppError | null> {
    try {
      const answer = await this.answered(send);
      return answer.ok ? null : answer.error;
    } catch {
      return NO_ANSWER;
    }
  }

  /** Sends until answered, across reconnects, unless this page has moved to another room meanwhile. */
  private answered<T>(send: Send<T>): Promise<T> {
    const roomId = route.roomId;
    return sendUntilAnswered(this.connection(), send, { giveUpMs: GIVE_UP_MS, stillWanted: () => route.roomId === roomId });
  }

  /** The handshake sends this room's saved tokens, if any; otherwise the socket is a guest. */
  private auth(): Record<string, unknown> {
    const roomId = route.roomId;
    const saved = roomId ? savedRoom(roomId) : null;
    return roomId && saved ? { roomId, tokens: saved.credentials.map((c) => c.token) } : {};
  }

  private connection(): CloserSocket {
    if (this.socket) return this.socket;
    const socket: CloserSocket = io({
      transports: ['websocket'],
      autoConnect: false,
      auth: (cb) => cb(this.auth()),
    });

    // Whether this page is seen: the other is shown "away" while it is hidden (another app, a locked phone).
    const tellVisibility = () => {
      if (socket.connected) socket.timeout(ACK_TIMEOUT_MS).emit('room:visibility', { hidden: document.hidden }, () => undefined);
    };
    document.addEventListener('visibilitychange', tellVisibility);
    // The device says its network is gone: a socket would take a ping timeout to notice. Close it now, so
    // nothing shows the other as here, try nothing while there is no network, and connect again (with a
    // full snapshot, and the outbox sent) as soon as it is back.
    let pausedOffline = false;
    addEventListener('offline', () => {
      if (!socket.active) return;
      pausedOffline = true;
      socket.disconnect();
    });
    addEventListener('online', () => {
      if (!pausedOffline) return;
      pausedOffline = false;
      socket.connect();
    });

    socket.on('connect', () => {
      this.connected = true;
      this.everConnected = true;
      // A new connection starts out seen; a hidden page says so at once.
      if (document.hidden) tellVisibility();
      // Moves kept from before a reload go now, each with its own id; those this page is sending resend by themselves.
      const here = route.roomId;
      if (here) for (const entry of outbox.waiting(here)) if (!this.delivering.has(entry.commandId)) void this.deliver(entry, false);
      const roomId = route.roomId;
      if (roomId && !savedRoom(roomId)) void this.peek(roomId);
    });

    socket.on('disconnect', (reason) => {
      this.connected = false;
      // While this device is away it cannot know who else is online.
      this.presence = NOBODY;
      // The server closed us on purpose only after erasing or removing, which set an outcome; otherwise come back.
      if (reason === 'io server disconnect' && !this.outcome) setTimeout(() => socket.connect(), RETRY_AFTER_REFUSAL_MS);
    });

    socket.on('connect_error', (error) => {
      const refusal = (error as Error & { data?: HandshakeRefusal }).data;
      if (!refusal) return; // a network problem: socket.io keeps retrying by itself
      const roomId = route.roomId;
      if (refusal.code === 'ROOM_NOT_FOUND' && roomId) {
        forgetRoom(roomId);
        this.outcome = { kind: 'gone' };
      } else if (refusal.code === 'SEAT_REFUSED' && roomId) {
        // The seat was given back while this device was away: start again as a guest.
        forgetRoom(roomId);
        socket.connect();
      } else {
        setTimeout(() => socket.connect(), refusal.retryAfterMs ?? RETRY_AFTER_REFUSAL_MS);
      }
    });

    socket.on('room:snapshot', (sealed) => void this.receive(sealed));

    socket.on('key:asked', (ask) => void this.giveKey(ask));

    socket.on('room:presence', (presence) => {
      this.presence = presence;
      this.seen = [nextSeatState(this.seen[0], presence, 0), nextSeatState(this.seen[1], presence, 1)];
    });


    socket.on('room:erased', () => {
      this.epoch += 1;
      if (route.roomId) forgetRoom(route.roomId);
      this.snapshots = {};
      this.outcome = { kind: 'erased', byMe: this.erasing };
      this.erasing = false;
    });

    socket.on('room:moved', ({ roomId }) => {
      const from = route.roomId;
      const saved = from ? savedRoom(from) : null;
      if (!from || !saved) return;
      saveCredentials(roomId, saved.credentials, saved.key ?? null);
      forgetRoom(from, roomId);
      // The server closes this socket next; entering the new address reconnects with the same token.
      route.go(`/r/${roomId}`, true);
    });

    socket.on('device:signed-out', () => {
      this.epoch += 1;
      if (route.roomId) forgetRoom(route.roomId);
      this.snapshots = {};
      this.outcome = { kind: 'signed-out' };
    });

    socket.on('seat:removed', () => {
      this.epoch += 1;
      if (route.roomId) forgetRoom(route.roomId);
      this.snapshots = {};
      this.outcome = { kind: 'removed' };
    });

    this.socket = socket;
    return socket;
  }

  /** A view arrives sealed: its names are opened with the room key before any screen sees it. */
  private async receive(sealed: Snapshot): Promise<void> {
    const epoch = this.epoch;
    const opened = await this.keyring.open(sealed.view);
    if (epoch !== this.epoch) return;
    if ('problem' in opened) {
      this.outcome = { kind: opened.problem };
      return;
    }
    const snapshot = { ...sealed, view: opened.view };
    // A socket is seated in one room at a time: a snapshot of another room replaces everything.
    if (this.view && this.view.roomId !== snapshot.view.roomId) this.snapshots = {};
    const current = this.snapshots[snapshot.seat];
    if (current && current.version > snapshot.version) return;
    this.snapshots[snapshot.seat] = snapshot;
    // Back in the lobby the drafts of a kept game wait: it can be picked up where it was left.
    const running = snapshot.view.activity;
    if (running) drafts.settle(snapshot.view.roomId, snapshot.seat, running.id, scopeOf(snapshot));
    this.outcome = null;
    saveNames(snapshot.view.roomId, snapshot.view.seats.flatMap((s) => (s ? [s.name] : [])));
  }

  private async peek(roomId: string): Promise<void> {
    try {
      const answer = await this.connection().timeout(ACK_TIMEOUT_MS).emitWithAck('room:peek', { roomId });
      if (route.roomId !== roomId || this.view) return;
      if (answer.ok) await this.offerJoin(roomId, answer);
      else this.outcome = { kind: answer.error.code === 'ROOM_FULL' ? 'full' : 'gone' };
    } catch {
      // No answer: the next connect asks again.
    }
  }

  /** The join page, with the creator's name opened by the link's key, or why this link cannot open the room. */
  private async offerJoin(roomId: string, answer: PeekAnswer): Promise<void> {
    const keyring = this.keyring;
    const problem = await keyring.problemWith(answer.seal);
    const hostName = answer.seal && !problem ? await keyring.name(answer.seal.id, 0, answer.hostName) : '';
    if (route.roomId !== roomId || this.view || keyring !== this.keyring) return;
    this.peeked = answer.seal;
    this.outcome = problem ? { kind: problem } : { kind: 'join', hostName };
  }
}

export const room = new RoomClient();
