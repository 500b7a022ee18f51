// Moves not yet answered, kept on this device: one sent while offline (or whose answer was lost) is sent
// again by itself once the connection is back — after a reload too — with its original command id, so
// the server does it once. A move the server refused stays here, with the words it carried, until the
// person has seen it. Cleared with the room (erase, removal, the room gone).
import type { RoomCommand, SeatIndex } from '../../shared/protocol.js';
import { readStored, writeStored } from './stored.js';

const KEY = 'closer.outbox';

/** One text field a move was made from, and what it held. */
export interface Written {
  name: string;
  value: string;
}

export interface Pending {
  roomId: string;
  seat: SeatIndex;
  commandId: string;
  command: RoomCommand;
  /** What the person wrote for it, and what they were writing for (the drafts' scope). */
  words: Written[];
  scope: string | null;
  /** Set when the server refused it: shown to this seat, with its words, until dismissed. */
  refused?: string;
}

class Outbox {
  entries = $state<Pending[]>(readStored<Pending[]>(KEY, []).filter((e) => Array.isArray(e.words)));

  add(entry: Pending): void {
    this.entries.push(entry);
    this.save();
  }

  /** Still to send for this room, oldest first. */
  waiting(roomId: string): Pending[] {
    return this.entries.filter((e) => e.roomId === roomId && e.refused === undefined);
  }

  refusedFor(roomId: string, seat: SeatIndex): Pending[] {
    return this.entries.filter((e) => e.roomId === roomId && e.seat === seat && e.refused !== undefined);
  }

  answered(commandId: string, refused?: string): void {
    const index = this.entries.findIndex((e) => e.commandId === commandId);
    if (index < 0) return;
    if (refused === undefined) this.entries.splice(index, 1);
    else this.entries[index]!.refused = refused;
    this.save();
  }

  dismiss(commandId: string): void {
    this.answered(commandId);
  }

  forgetRoom(roomId: string): void {
    this.entries = this.entries.filter((e) => e.roomId !== roomId);
    this.save();
  }

  private save(): void {
    writeStored(KEY, this.entries);
  }
}

export const outbox = new Outbox();
