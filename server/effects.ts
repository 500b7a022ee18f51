// Carries out what a committed command left to do outside its room (shared/room.ts `Effect`). The
// first try and every replay of the same command id run the same list, so each step is idempotent:
// a copy is made only if there is none, a lookup is put only for the code the room has now.
import { other, type SeatIndex } from '../shared/core.js';
import { roomTtlMs, type Effect, type Lifetimes, type Room } from '../shared/room.js';
import { roomChannel } from './channels.js';
import { canKeepSubscriptions, type Lookup, type RoomStore } from './store/types.js';

/** What the sockets must hear when a room moves; the realtime layer does it. */
export interface MoveNotifier {
  seatRemoved(roomId: string, seat: SeatIndex): void;
  /** The room now lives under a new id (after a removal); its remaining seat should follow. */
  moved(oldId: string, newId: string): void;
  /** One device was signed out by the same person: its sockets hear it and close. */
  deviceSignedOut(roomId: string, device: string): void;
}

export interface EffectShell {
  store: RoomStore;
  lifetimes: Lifetimes;
  notify: MoveNotifier;
}

/** `room`: the room as it is now (after the commit, or as loaded by the replay). */
export async function carryOut(shell: EffectShell, room: Room, effects: readonly Effect[]): Promise<void> {
  for (const effect of effects) {
    switch (effect.type) {
      case 'open-code':
        await openCode(shell, room, effect.code);
        break;
      case 'move-room':
        await moveRoom(shell, room, effect.to, effect.removed, effect.claims);
        break;
      case 'sign-out-device':
        shell.notify.deviceSignedOut(room.id, effect.device);
        break;
    }
  }
}

/** Erases a room with its lookups and whatever the outbox still holds that names it, in one step. */
export function eraseRoom(store: RoomStore, roomId: string, lookups: Lookup[]): Promise<void> {
  return store.erase({ roomId, lookups, mentions: [roomId, roomChannel(roomId)] });
}

/** The lookups a room's own data leads to: its open code and the claims of its seats. */
export function lookupsOf(room: Room): Lookup[] {
  const lookups: Lookup[] = room.seats.flatMap((seat) => (seat ? [{ kind: 'claim' as const, key: seat.claimId }] : []));
  if (room.invite) lookups.push({ kind: 'code', key: room.invite.code });
  return lookups;
}

async function openCode({ store, lifetimes }: EffectShell, room: Room, code: string): Promise<void> {
  // A replay after the code was renewed again, or the seat taken, must not open an old code.
  if (room.invite?.code === code) await store.putLookup('code', code, room.id, lifetimes.inviteMs);
}

/**
 * The removal already committed the marker (room.movedTo) on the old id, which refuses everyone but the
 * creator from then on. Here the copy is made, the old id with everything that leads to it is erased,
 * and the sockets are told.
 */
async function moveRoom(shell: EffectShell, old: Room, to: string, removed: SeatIndex, claims: string[]): Promise<void> {
  const { store, lifetimes, notify } = shell;
  const copy: Room = { ...old, id: to };
  delete copy.movedTo;
  await store.create(copy, roomTtlMs(copy, lifetimes));
  // Made now or by an earlier try, and maybe changed since: its code is opened only if it still has one.
  const { stored } = await store.load(to);
  if (stored?.room.invite) await openCode(shell, stored.room, stored.room.invite.code);
  // The seat that stays keeps its devices' notifications; the removed seat's go with the old id.
  if (canKeepSubscriptions(store)) {
    const stays = other(removed);
    for (const { device, subscription } of await store.subscriptionsOf(old.id, stays)) await store.keepSubscription(to, stays, device, subscription);
  }
  await eraseRoom(store, old.id, claims.map((key) => ({ kind: 'claim', key })));
  notify.seatRemoved(old.id, removed);
  notify.moved(old.id, to);
}
