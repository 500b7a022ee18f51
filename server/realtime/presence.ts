// Who is online in a room, and who is away (their page hidden): every node is asked for its sockets
// there (fetchSockets). A socket that just closed is given a grace period (a reload, a node going away)
// before its seat shows offline; one that fell silent (no answer to pings) is announced at once.
import type { Presence, SocketData } from '../../shared/protocol.js';
import { roomChannel } from '../channels.js';
import type { Logger } from '../log.js';
import type { CloserServer } from './types.js';

/** The sockets of a Socket.IO room, on every node. */
export interface RoomSockets {
  /** What each socket in the channel holds: its seats, and whether its page is hidden. */
  socketsIn(channel: string): Promise<SocketData[]>;
  tell(channel: string, presence: Presence): void;
}

export function socketsOnEveryNode(io: CloserServer): RoomSockets {
  return {
    async socketsIn(channel) {
      return (await io.in(channel).fetchSockets()).map((socket) => socket.data);
    },
    tell(channel, presence) {
      io.to(channel).emit('room:presence', presence);
    },
  };
}

/** A seat is online while any socket holds it, and away while every socket holding it is hidden. */
export function presenceOf(sockets: SocketData[]): Presence {
  const online: Presence['online'] = [false, false];
  const shown: [boolean, boolean] = [false, false];
  for (const { seats, hidden } of sockets) {
    for (const seat of seats) {
      online[seat] = true;
      if (!hidden) shown[seat] = true;
    }
  }
  return { online, away: [online[0] && !shown[0], online[1] && !shown[1]] };
}

/** Socket.IO's reason when a connection stopped answering pings: it has been silent for a while already. */
const SILENT = 'ping timeout';

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
      this.sockets.tell(channel, presenceOf(await this.sockets.socketsIn(channel)));
    } catch (error) {
      this.log.warn({ err: { message: (error as Error).message } }, 'could not tell a room who is online');
    }
  }

  /**
   * A socket left the room: announce after the grace period, unless this node is stopping. A socket
   * that went silent is announced at once: it stopped answering a ping timeout ago, longer than a reload.
   */
  left(roomId: string, reason: string): void {
    if (this.stopped) return;
    if (reason === SILENT) return void this.announce(roomId);
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
