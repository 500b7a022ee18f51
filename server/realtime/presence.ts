// Who is online in a room: every node is asked for its sockets there (fetchSockets), and a socket that
// just left is given a grace period (a reload, a node going away) before its seat shows offline.
import type { Presence, SeatIndex } from '../../shared/protocol.js';
import { roomChannel } from '../channels.js';
import type { Logger } from '../log.js';
import type { CloserServer } from './types.js';

/** The sockets of a Socket.IO room, on every node. */
export interface RoomSockets {
  /** The seats each socket in the channel holds. */
  seatsIn(channel: string): Promise<SeatIndex[][]>;
  tell(channel: string, presence: Presence): void;
}

export function socketsOnEveryNode(io: CloserServer): RoomSockets {
  return {
    async seatsIn(channel) {
      return (await io.in(channel).fetchSockets()).map((socket) => socket.data.seats);
    },
    tell(channel, presence) {
      io.to(channel).emit('room:presence', presence);
    },
  };
}

/** A seat is online while any socket holds it. */
export function onlineSeats(seatsPerSocket: SeatIndex[][]): Presence['online'] {
  const online: Presence['online'] = [false, false];
  for (const seats of seatsPerSocket) for (const seat of seats) online[seat] = true;
  return online;
}

export class RoomPresence {
  private timers = new Set<NodeJS.Timeout>();
  /** Set once this node is going away: its sockets leaving says nothing about presence. */
  private stopped = false;

  constructor(
    private sockets: RoomSockets,
    private graceMs: number,
    private log: Pick<Logger, 'warn'>,
  ) {}

  /** Tells the room who is online now. Best effort: a failure is logged, never thrown. */
  async announce(roomId: string): Promise<void> {
    const channel = roomChannel(roomId);
    try {
      this.sockets.tell(channel, { online: onlineSeats(await this.sockets.seatsIn(channel)) });
    } catch (error) {
      this.log.warn({ err: { message: (error as Error).message } }, 'could not tell a room who is online');
    }
  }

  /** A socket left the room: announce after the grace period, unless this node is stopping. */
  left(roomId: string): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.announce(roomId);
    }, this.graceMs);
    this.timers.add(timer);
  }

  /** The node is going away: nothing more is announced for the sockets it is about to close. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
