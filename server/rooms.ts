// The room service: what a person does to a room — create, peek, join, resume, command, erase.
// Every change is load → apply a pure function from shared/room.ts → commit with compare-and-set
// (retried on conflict) → tell the realtime layer, which sends each seat its own view → carry out the
// change's effects (server/effects.ts), which are saved with its answer so a replay finishes them.
import { randomInt } from 'node:crypto';
import { nanoid } from 'nanoid';
import {
  refuse,
  type Ack,
  type ClaimDeviceInput,
  type CreateRoomInput,
  type Credential,
  type DeviceOffer,
  type JoinByCodeInput,
  type JoinRoomInput,
  type PeekAnswer,
  type RoomCommand,
  type SeatAuth,
  type SeatedAnswer,
  type SeatIndex,
} from '../shared/protocol.js';
import { normalizeCode } from '../shared/invite-code.js';
import { memoriesPage, type MemoriesPage } from '../shared/memory-pages.js';
import {
  applyCommand,
  createRoom,
  deviceIdOf,
  joinRoom,
  newSeat,
  reissueToken,
  roomTtlMs,
  seatClaimedBy,
  seatsForTokenHashes,
  type Effect,
  type Lifetimes,
  type Result,
  type MoveRoom,
  type Room,
} from '../shared/room.js';
import { claimDevice, deviceClaimIn, offerDevice, reissueDevice } from '../shared/room-devices.js';
import { answerExchange, startExchange } from '../shared/room-exchange.js';
import { carryOut, eraseRoom, lookupsOf, type EffectShell, type MoveNotifier } from './effects.js';
import { roomChannel } from './channels.js';
import { RoomCache, type RoomCacheOptions, type RoomCacheStats } from './room-cache.js';
import { readNotice, roomParts, type RoomParts } from './store/documents.js';
import type { Outbox, RoomNotice } from './store/outbox.js';
import type { Lookup, RoomStore, StoredRoom } from './store/types.js';
import { hashToken, newDeviceId, newInviteCode, newRoomId, newToken, newTransferCode } from './tokens.js';

/** Conflicts are retried this many times; two people rarely collide more than once. */
const MAX_ATTEMPTS = 8;

/** What a change will send, made ready before its commit. */
export interface PreparedChange {
  /** Several nodes: the views for the other nodes, written by the commit itself (only if it commits). */
  publication?: Outbox;
  /**
   * Makes the views ahead of `deliver`, nothing sent: called once the commit has gone to the store, so
   * the rendering runs while Redis runs the commit rather than after its answer, on the partner's path.
   */
  render(): void;
  /** Once committed: the views to this node's sockets. */
  deliver(): void;
}

/** What the realtime layer does after a change; the service never touches sockets itself. */
export interface RoomNotifier extends MoveNotifier {
  /**
   * `askedBy`: the socket whose command makes the change; it should have the new view before its answer.
   * `parts`: the room as the commit writes it, for the other nodes' copies (none for a view sent again).
   */
  prepare(next: StoredRoom, askedBy?: string, parts?: RoomParts): PreparedChange;
  erased(roomId: string): void;
  /**
   * A person's command was committed (not a replay) in a room where some device turned notifications on:
   * what follows from it outside the room (pushes). Not told in a room where nobody did.
   */
  committed?(command: RoomCommand, before: Room, after: Room, seat: SeatIndex): void;
}

/** Told with the room before and after, once a change is committed (not when it is a replay). */
type OnCommit = (before: Room, after: Room, subscribed: boolean) => void;

type Change<T> = (room: Room) => Result<{ room: Room; answer: T; effects?: Effect[] }>;

/** What a commit remembers under its command id: the answer, and the effects a replay carries out again. */
interface Saved<T> {
  answer: Ack<T & { version: number }>;
  /** Left out when there are none (most changes), to keep each remembered result small. */
  effects?: Effect[];
}

/**
 * The room byte budget: the most characters of JSON a stored room may grow to (its sealed values are
 * base64url, so characters are bytes). 4 MiB, because the largest room a couple plausibly builds in its
 * lifetime is about 2.3 MB: 200 Memories (MEMORIES_MAX) of two full 2,000-character answers, each
 * padded to 4 KB when sealed (5.5 KB of base64url), measured with bench/full-room.ts at ~2.2 MB, plus a
 * kept plan, 60 days of check-ins and the running game; so nobody playing meets it (answers in scripts
 * that take several bytes a character pad to 16 KB and fill it sooner). And a node can afford it: views
 * no longer carry the Memories, and each Memory is its own field in Redis (store/documents.ts), so
 * what such a room costs per command is its document without them (serialized and written) and the
 * Memories it added, plus its place in the room cache (64 MB holds 27 of them), at most 10 commands a
 * second (the room's rate limit). The budget is the whole room's JSON, Memories included, summed from
 * each Memory's known length rather than serialized. Past it, a change that would make the document longer is refused with
 * ROOM_TOO_BIG; one that keeps it as long or shortens it goes through, so the room goes on working
 * (moves that do not grow it, removing Memories, ending a game).
 */
export const ROOM_BYTES_MAX = 4 * 1024 * 1024;

/**
 * The room cache's defaults: 64 MB of documents holds every room of a node at its open-file cap (9,980
 * rooms, ~33 MB of the bench's ~3.3 KB lobby rooms; 32 MB overflowed there, and each room let go cost a
 * load on its next move: docs/PERFORMANCE.md), or some 6,000 rooms in play at 10 KB (a room in play is
 * 2–10 KB of JSON); a copy idle for 5 minutes is let go (a couple in play moves more often than that).
 */
export const ROOM_CACHE: Omit<RoomCacheOptions, 'now'> = { maxBytes: 64 * 1024 * 1024, idleMs: 5 * 60_000 };

export class RoomService {
  /** Per room, the tail of this process's queue of changes (see inLane). */
  private lanes = new Map<string, Promise<unknown>>();
  /** The documents this node committed or loaded last (see commitChange). */
  private cache: RoomCache;
  private sweeper: NodeJS.Timeout;

  constructor(
    private store: RoomStore,
    private lifetimes: Lifetimes,
    private notify: RoomNotifier,
    private now: () => number = Date.now,
    cache: Omit<RoomCacheOptions, 'now'> = ROOM_CACHE,
    private roomBytesMax: number = ROOM_BYTES_MAX,
  ) {
    this.cache = new RoomCache({ ...cache, now });
    this.sweeper = setInterval(() => this.cache.sweep(), 60_000);
    this.sweeper.unref();
  }

  /** Another node erased the room with this channel: this node's copy of it goes too. */
  forgetErased(channel: string): void {
    this.cache.dropWhere((roomId) => roomChannel(roomId) === channel);
  }

  /**
   * Another node committed a room (its notice, server/store/outbox.ts): a copy held at the version before
   * moves on to it, so this node's next move there commits without a conflict. Any other copy is left as
   * it is; the commit's compare-and-set decides either way. Answers the copy at the notice's version when
   * there is one now, 'later' when the copy is past it already, null when no copy could follow it.
   */
  heardCommit(notice: RoomNotice): StoredRoom | 'later' | null {
    const held = this.cache.peek(notice.roomId);
    if (held && held.version >= notice.version) return held.version === notice.version ? held : 'later';
    const read = held?.version === notice.version - 1 ? readNotice(held.room, notice.doc, notice.added) : null;
    if (!read || read.room.id !== notice.roomId) {
      this.cache.drop(notice.roomId);
      this.cache.count('unfollowed');
      return null;
    }
    const stored = { version: notice.version, room: read.room };
    this.cache.put(notice.roomId, stored, read.bytes);
    this.cache.count('heard');
    return stored;
  }

  /**
   * The room as stored now (null once gone), kept as this node's copy unless the copy is already later:
   * for seating a socket, and for a notice this node's copy could not follow.
   */
  async loadCurrent(roomId: string): Promise<StoredRoom | null> {
    const { stored, bytes } = await this.store.load(roomId);
    if (!stored) {
      this.cache.drop(roomId);
      return null;
    }
    const held = this.cache.peek(roomId);
    if (!held || held.version < stored.version) this.cache.put(roomId, stored, bytes ?? 0);
    return stored;
  }

  /** How the room cache did: for the bench and the tests. */
  cacheStats(): RoomCacheStats {
    return this.cache.stats();
  }

  async create(input: CreateRoomInput): Promise<Ack<SeatedAnswer>> {
    const earlier = await this.store.getLookup('claim', input.commandId);
    if (earlier) return this.reclaim(earlier, input.commandId);

    const creator = { ...newToken(), device: newDeviceId() };
    const partner = input.mode === 'one-device' ? { ...newToken(), device: newDeviceId() } : null;
    const now = this.now();
    const room = createRoom(
      {
        id: newRoomId(),
        audience: input.audience,
        mode: input.mode,
        seal: input.seal,
        creator: newSeat(input.name, input.commandId, { id: creator.device, tokenHash: creator.hash }, now),
        partner: partner && newSeat(input.partnerName ?? '', input.commandId, { id: partner.device, tokenHash: partner.hash }, now),
        code: newInviteCode(),
        now,
        ...(input.zone ? { zone: input.zone } : {}),
        ...(input.apart && input.mode === 'two-devices' ? { apart: true } : {}),
      },
      this.lifetimes,
    );
    if (!(await this.store.create(room, roomTtlMs(room, this.lifetimes)))) return refuse('TRY_AGAIN');
    await this.store.putLookup('claim', input.commandId, room.id, this.lifetimes.inviteMs);
    if (room.invite) await this.store.putLookup('code', room.invite.code, room.id, this.lifetimes.inviteMs);

    const credentials: Credential[] = [{ seat: 0, token: creator.token, device: creator.device }];
    if (partner) credentials.push({ seat: 1, token: partner.token, device: partner.device });
    return { ok: true, roomId: room.id, credentials };
  }

  /** Answers the creator's sealed name while the second seat is free; a full room shows nothing of itself. */
  async peek(roomId: string): Promise<Ack<PeekAnswer>> {
    const { stored } = await this.store.load(roomId);
    if (!stored || stored.room.movedTo !== undefined) return refuse('ROOM_NOT_FOUND');
    if (stored.room.seats[1]) return refuse('ROOM_FULL');
    return { ok: true, hostName: stored.room.seats[0].name, seal: stored.room.seal };
  }

  async join(input: JoinRoomInput): Promise<Ack<SeatedAnswer>> {
    return this.takeSeat(input.roomId, input.name, input.commandId, null);
  }

  /** Every way a code can fail answers the same CODE_INVALID, so a guess learns nothing. */
  async joinByCode(input: JoinByCodeInput): Promise<Ack<SeatedAnswer>> {
    const earlier = await this.store.getLookup('claim', input.commandId);
    if (earlier) return this.takeSeat(earlier, input.name, input.commandId, null, true);
    const code = normalizeCode(input.code);
    const roomId = code && (await this.store.getLookup('code', code));
    if (!code || !roomId) return refuse('CODE_INVALID');
    const answer = await this.takeSeat(roomId, input.name, input.commandId, code);
    return !answer.ok && answer.error.code === 'ROOM_NOT_FOUND' ? refuse('CODE_INVALID') : answer;
  }

  /**
   * Starts the code's one key exchange (joining by code), while the creator's device is open to answer it
   * (else NOT_POSSIBLE, and the code stays unused). Every wrong, expired or used code answers CODE_INVALID.
   * The room id is for the relay only; it is not told to the asker.
   */
  async askKey(typed: string, exchange: { sid: string; joiner: string }, creatorOpen: (roomId: string) => Promise<boolean>): Promise<Result<{ roomId: string }>> {
    const code = normalizeCode(typed);
    const roomId = code && (await this.store.getLookup('code', code));
    if (!code || !roomId) return refuse('CODE_INVALID');
    if (!(await creatorOpen(roomId))) {
      return refuse('NOT_POSSIBLE', 'The person who made the room needs Closer open on their device while you join by code. Ask them to open it, then try again.');
    }
    const started = await this.mutate(roomId, uniqueCommitId(), (room) => {
      const next = startExchange(room, code, exchange, this.now());
      return next.ok ? { ok: true, value: { room: next.value, answer: {} } } : next;
    });
    if (!started.ok) return started.error.code === 'ROOM_NOT_FOUND' ? refuse('CODE_INVALID') : started;
    return { ok: true, value: { roomId } };
  }

  /** The creator's one answer to the open exchange: the socket waiting for it. A replay or a stray answer is refused. */
  async giveKey(roomId: string, seat: SeatIndex, sid: string): Promise<Result<{ joiner: string }>> {
    const answered = await this.mutate(roomId, uniqueCommitId(), (room) => {
      const next = answerExchange(room, seat, sid);
      return next.ok ? { ok: true, value: { room: next.value.room, answer: { joiner: next.value.joiner } } } : next;
    });
    return answered.ok ? { ok: true, value: { joiner: answered.joiner } } : answered;
  }

  /**
   * Checks a device's tokens on (re)connect and renews the room's lifetime: a visit is activity. The
   * creator coming back to a room whose move was cut short finishes it and is seated under the new id
   * (`stored.room.id` then differs from the one asked for).
   */
  async resume(auth: SeatAuth): Promise<Result<{ stored: StoredRoom; seats: SeatIndex[]; devices: string[] }>> {
    const { stored, bytes } = await this.store.load(auth.roomId);
    if (!stored) return refuse('ROOM_NOT_FOUND');
    // A device coming back is about to move: its first change then needs no load.
    this.cache.put(auth.roomId, stored, bytes ?? 0);
    const held = seatsForTokenHashes(stored.room, auth.tokens.map(hashToken));
    if (!held) return refuse('SEAT_REFUSED');
    const move = stored.room.movedTo;
    if (move) {
      await this.finishMove(stored.room, move);
      return this.resume({ ...auth, roomId: move.to });
    }
    await this.store.touch(auth.roomId, roomTtlMs(stored.room, this.lifetimes));
    return { ok: true, value: { stored, ...held } };
  }

  /**
   * Opens a one-time code for another device of this seat, replacing an earlier one. The code is in the
   * answer only: the room keeps its hash, and what the commit remembers for replays holds neither. A
   * resend after a lost answer simply opens a fresh code (the lost one never reached anyone).
   */
  async offerDevice(roomId: string, seat: SeatIndex, askedBy?: string): Promise<Ack<DeviceOffer>> {
    const { code, hash } = newTransferCode();
    const expiresAt = this.now() + this.lifetimes.transferMs;
    const offered = await this.mutate(
      roomId,
      uniqueCommitId(),
      (room) => {
        const changed = offerDevice(room, seat, { codeHash: hash, expiresAt });
        return changed.ok ? { ok: true, value: { room: changed.value, answer: {} } } : changed;
      },
      askedBy,
      true,
    );
    return offered.ok ? { ok: true, code, expiresAt } : offered;
  }

  /**
   * Brings a device into the seat whose transfer code it holds; it gets its own token. Every way the code
   * can fail (unknown room, wrong, used, expired) answers the same TRANSFER_INVALID, so a guess learns
   * nothing. The same claim id again (a lost answer) gets the same device with a fresh token.
   */
  async claimDevice(input: ClaimDeviceInput): Promise<Ack<SeatedAnswer>> {
    const { token, hash } = newToken();
    const fresh = newDeviceId();
    const answer = await this.mutate(input.roomId, uniqueCommitId(), (room) => {
      const now = this.now();
      const earlier = deviceClaimIn(room, input.commandId, now, this.lifetimes);
      if (earlier) return { ok: true, value: { room: reissueDevice(room, earlier.seat, earlier.device, hash), answer: earlier } };
      const device = { id: fresh, tokenHash: hash, claimId: input.commandId, addedAt: now };
      const claimed = claimDevice(room, hashToken(input.code), device, now);
      return claimed.ok ? { ok: true, value: { room: claimed.value.room, answer: { seat: claimed.value.seat, device: fresh } } } : claimed;
    });
    if (!answer.ok) return answer.error.code === 'ROOM_NOT_FOUND' ? refuse('TRANSFER_INVALID') : answer;
    return { ok: true, roomId: input.roomId, credentials: [{ seat: answer.seat, token, device: answer.device }] };
  }

  /**
   * Runs a person's command. Its id is remembered per seat, so the other seat's id can never answer
   * (or swallow) this one; the same id from the same seat again is answered as the first time, and
   * finishes the first try's effects if they were cut short.
   */
  async command(
    roomId: string,
    seat: SeatIndex,
    commandId: string,
    command: RoomCommand,
    askedBy?: string,
  ): Promise<Ack<{ version: number }>> {
    const context = { freshCode: newInviteCode, freshRoomId: newRoomId, lifetimes: this.lifetimes };
    return this.mutate(
      roomId,
      `${seat}:${commandId}`,
      (room) => {
        const changed = applyCommand(room, seat, command, { ...context, now: this.now(), seed: randomInt(2 ** 32) });
        if (!changed.ok) return changed;
        return { ok: true, value: { room: changed.value.room, answer: {}, effects: changed.value.effects } };
      },
      askedBy,
      true,
      (before, after, subscribed) => {
        if (subscribed) this.notify.committed?.(command, before, after, seat);
      },
    );
  }

  /**
   * A page of the room's Memories for its Memories screen and export. Read from this node's copy when it
   * is at least as new as the view the asker has (`version`), else from the store; nothing is written.
   */
  async memoriesPage(roomId: string, version: number, before: string | null): Promise<Ack<MemoriesPage>> {
    let stored = this.cache.get(roomId);
    if (!stored || stored.version < version) {
      const loaded = await this.store.load(roomId);
      if (!loaded.stored) return refuse('ROOM_NOT_FOUND');
      stored = loaded.stored;
      this.cache.put(roomId, stored, loaded.bytes ?? 0);
    }
    if (stored.room.movedTo !== undefined) return refuse('ROOM_NOT_FOUND');
    const page = memoriesPage(stored.room.play.memories, before);
    return page.ok ? { ok: true, ...page.value } : page;
  }

  /**
   * Deletes everything stored for the room, in one step: its keys, its lookups and what the stream
   * between nodes still holds of it. Erasing a room that is already gone is fine (its stream entries go).
   * The caller tells the sockets (notify.erased) after answering, so the eraser's answer is not lost.
   */
  async erase(roomId: string): Promise<Ack> {
    this.cache.drop(roomId);
    const { stored } = await this.store.load(roomId);
    await eraseRoom(this.store, roomId, stored ? lookupsOf(stored.room) : []);
    this.cache.drop(roomId);
    return { ok: true };
  }

  /** Takes the free seat; the same claim id again (a lost answer, replayed) gets the same seat, fresh token. */
  private async takeSeat(
    roomId: string,
    name: string,
    claimId: string,
    viaCode: string | null,
    /** Only give back a seat this claim already holds (a replayed join by code); never a free one. */
    reclaimOnly = false,
  ): Promise<Ack<SeatedAnswer>> {
    const { token, hash } = newToken();
    const fresh = newDeviceId();
    const answer = await this.mutate(roomId, uniqueCommitId(), (room) => {
      const claimed = seatClaimedBy(room, claimId);
      if (claimed !== null) {
        const device = deviceIdOf(room, claimed, claimId) ?? fresh;
        return { ok: true, value: { room: reissueToken(room, claimed, hash), answer: { seat: claimed, device } } };
      }
      if (reclaimOnly) return refuse('CODE_INVALID');
      const joined = joinRoom(room, newSeat(name, claimId, { id: fresh, tokenHash: hash }, this.now()), this.now(), viaCode);
      return joined.ok ? { ok: true, value: { room: joined.value.room, answer: { seat: joined.value.seat, device: fresh } } } : joined;
    });
    if (!answer.ok) return answer;
    await this.store.putLookup('claim', claimId, roomId, this.lifetimes.inviteMs);
    return { ok: true, roomId, credentials: [{ seat: answer.seat, token, device: answer.device }] };
  }

  /** A create whose answer was lost, replayed: the same seats, with fresh tokens. */
  private async reclaim(roomId: string, claimId: string): Promise<Ack<SeatedAnswer>> {
    const credentials: Credential[] = [];
    const answer = await this.mutate(roomId, uniqueCommitId(), (room) => {
      credentials.length = 0;
      let next = room;
      for (const seat of [0, 1] as const) {
        if (next.seats[seat]?.claimId !== claimId) continue;
        const fresh = newToken();
        next = reissueToken(next, seat, fresh.hash);
        credentials.push({ seat, token: fresh.token, device: deviceIdOf(next, seat, claimId) ?? '' });
      }
      if (seatClaimedBy(room, claimId) === null) return refuse('ROOM_FULL');
      return { ok: true, value: { room: next, answer: {} } };
    });
    return answer.ok ? { ok: true, roomId, credentials } : answer;
  }

  /**
   * Runs one room's changes from this process one after another, so they never race each other
   * for the same version; compare-and-set still settles races with other processes.
   */
  private inLane<T>(roomId: string, work: () => Promise<T>): Promise<T> {
    const next = (this.lanes.get(roomId) ?? Promise.resolve()).then(work, work);
    const tail = next.catch(() => undefined);
    this.lanes.set(roomId, tail);
    void tail.then(() => {
      if (this.lanes.get(roomId) === tail) this.lanes.delete(roomId);
    });
    return next;
  }

  /** load → apply → commit with compare-and-set, retried on conflict; then every seat gets its view. */
  private mutate<T extends object>(
    roomId: string,
    commandId: string,
    change: Change<T>,
    askedBy?: string,
    /** A seated person's command, as opposed to a claim of a seat (create, join). */
    seatedCommand = false,
    onCommit?: OnCommit,
  ): Promise<Ack<T & { version: number }>> {
    return this.inLane(roomId, () => this.commitChange(roomId, commandId, change, askedBy, seatedCommand, onCommit));
  }

  private async commitChange<T extends object>(
    roomId: string,
    commandId: string,
    change: Change<T>,
    askedBy: string | undefined,
    seatedCommand: boolean,
    onCommit?: OnCommit,
  ): Promise<Ack<T & { version: number }>> {
    // The common case is one round trip: the change is made to the copy this node holds and committed
    // against its version. The copy is never trusted further than that: a stale one is answered with
    // the current document by the commit itself, and anything the copy would refuse (or a moved room)
    // is looked at again after a load, which is also where a replay is found.
    let base = this.cache.get(roomId);
    let baseBytes = this.cache.bytesOf(roomId);
    let loaded = false;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (!base) {
        this.cache.count('misses');
        const { stored, replay, bytes } = await this.store.load(roomId, commandId);
        if (!stored) {
          this.cache.drop(roomId);
          return refuse('ROOM_NOT_FOUND');
        }
        this.cache.put(roomId, stored, bytes ?? 0);
        if (replay) {
          // The asker may never have had the views of what it made (on Redis Cluster a commit not yet on
          // a replica is answered as unavailable, and sent again): it gets the room as it is now.
          if (askedBy !== undefined) this.notify.prepare(stored, askedBy).deliver();
          return this.finish(stored.room, JSON.parse(replay) as Saved<T>);
        }
        base = stored;
        baseBytes = bytes ?? 0;
        loaded = true;
      }
      // A move cut short (its answer lost, and the creator sent something new instead of the replay):
      // the creator's command finishes it, and their sockets hear where the room went. A join does not.
      if (base.room.movedTo) {
        if (!loaded) {
          base = undefined;
          continue;
        }
        if (seatedCommand) await this.finishMove(base.room, base.room.movedTo);
        return refuse('ROOM_NOT_FOUND');
      }
      const changed = change(base.room);
      if (!changed.ok) {
        if (!loaded) {
          base = undefined;
          continue;
        }
        return changed;
      }
      const { room, answer, effects = [] } = changed.value;
      // What is written: the document without its Memories' contents, and only the Memories this change
      // added (documents.ts). The budget measures the whole room's JSON all the same, from each Memory's
      // known length, so a full room's command serializes a few KB rather than its ~2 MB.
      const parts = roomParts(room, base.room);
      if (parts.bytes > this.roomBytesMax && parts.bytes > baseBytes) {
        if (!loaded) {
          base = undefined;
          continue;
        }
        return refuse('ROOM_TOO_BIG');
      }
      const version = base.version + 1;
      const saved: Saved<T> = { answer: { ok: true as const, ...answer, version }, ...(effects.length > 0 ? { effects } : {}) };
      const prepared = this.notify.prepare({ version, room }, askedBy, parts);
      const committing = this.store.commit({
        roomId,
        expectedVersion: base.version,
        room,
        base: base.room,
        parts,
        commandId,
        result: JSON.stringify(saved),
        ttlMs: roomTtlMs(room, this.lifetimes),
        dropLookups: closedCode(base.room, room),
        ...(prepared.publication ? { outbox: prepared.publication } : {}),
      });
      // The commit is on its way (a store writes it before its first await): the views are made meanwhile.
      prepared.render();
      const outcome = await committing;
      if (outcome.status === 'ok') {
        if (!loaded) this.cache.count('hits');
        this.cache.put(roomId, { version, room }, parts.bytes);
        prepared.deliver();
        onCommit?.(base.room, room, outcome.subscribed);
        return this.finish(room, saved);
      }
      if (outcome.status === 'missing') {
        this.cache.drop(roomId);
        return refuse('ROOM_NOT_FOUND');
      }
      if (outcome.status === 'conflict') {
        // Changed elsewhere since: go again from what is stored now, which the commit answered with.
        if (!loaded) this.cache.count('stale');
        this.cache.put(roomId, outcome.current, outcome.bytes);
        base = outcome.current;
        baseBytes = outcome.bytes;
        loaded = true;
        continue;
      }
      // 'duplicate': this command id was committed already (a replay, or another try of it); the next
      // load finds its saved answer.
      base = undefined;
    }
    return refuse('TRY_AGAIN');
  }

  private finishMove(room: Room, move: MoveRoom): Promise<void> {
    return carryOut(this.shell, room, [move]);
  }

  /** What carrying out effects needs: the store, the lifetimes, and who tells the sockets. */
  private get shell(): EffectShell {
    return { store: this.store, lifetimes: this.lifetimes, notify: this.notify };
  }

  /** Carries out a committed change's effects (again, on a replay), then answers as the first time. */
  private async finish<T>(room: Room, saved: Saved<T>): Promise<Ack<T & { version: number }>> {
    if (saved.effects) await carryOut(this.shell, room, saved.effects);
    return saved.answer;
  }
}

/** A code the change closes (the second seat taken, by any path) or replaces stops working in the commit itself. */
function closedCode(before: Room, after: Room): Lookup[] {
  const code = before.invite?.code;
  return code !== undefined && after.invite?.code !== code ? [{ kind: 'code', key: code }] : [];
}

/** Seat claims are deduplicated by their claim id instead, so their commits must never look like replays. */
function uniqueCommitId(): string {
  return `claim-${nanoid()}`;
}
