// Who may connect: the Origin check, the client's address, and the auth middleware that resumes a
// device's seats from its tokens and hands them to the connection. The tokens go no further.
import { StoreUnavailableError } from '../store/errors.js';
import type { IncomingMessage } from 'node:http';
import { refuse, rateLimited, type AppError, type HandshakeRefusal, type SeatAuth, type SeatIndex } from '../../shared/protocol.js';
import { SeatAuthSchema, parse } from '../../shared/schemas.js';
import type { Limits } from '../limits.js';
import type { Logger } from '../log.js';
import type { RoomService } from '../rooms.js';
import type { CloserSocket } from './types.js';

export function originAllowed(req: IncomingMessage, allowed: string[] | null): boolean {
  const origin = req.headers.origin;
  // Browsers always send Origin on a WebSocket; only non-browser clients omit it, and they hold no victim's cookies or storage.
  if (origin === undefined) return true;
  if (allowed) return allowed.includes(origin);
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** The client's address; behind a trusted proxy, the first X-Forwarded-For entry. */
export function clientAddress(socket: { handshake: { address: string; headers: IncomingMessage['headers'] } }, trustProxy: boolean): string {
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return trustProxy && first ? first : socket.handshake.address;
}

/** A handshake refusal: the client reads it as `connect_error.data`. */
function refusalOf(error: AppError): Error {
  return Object.assign(new Error(error.message), { data: error satisfies HandshakeRefusal });
}

function refusal(code: HandshakeRefusal['code']): Error {
  return refusalOf(refuse(code).error);
}

/** What a handshake's `auth` asks for: nothing (a device with no seat yet), seats to resume, or a shape to refuse. */
export type SeatRequest = { kind: 'none' } | { kind: 'resume'; auth: SeatAuth } | { kind: 'malformed' };

export function readSeatAuth(auth: unknown): SeatRequest {
  if (!auth || typeof auth !== 'object' || Object.keys(auth).length === 0) return { kind: 'none' };
  const parsed = parse(SeatAuthSchema, auth);
  return parsed.ok ? { kind: 'resume', auth: parsed.value } : { kind: 'malformed' };
}

/** The seats a handshake resumed, for its connection to take. */
export interface Resumed {
  roomId: string;
  seats: SeatIndex[];
  /** Which of the seats' devices the tokens are, so signing one out reaches its sockets. */
  devices: string[];
  /** The id the device asked for, when the room had moved from it (a removal finished on return). */
  movedFrom?: string;
}

export interface Handshake {
  /** For `io.use`: refuses a connection over its address's budget or with tokens that do not hold a seat. */
  middleware(socket: CloserSocket, next: (error?: Error) => void): Promise<void>;
  /** The seats this socket's handshake resumed, once: the connection takes them over. */
  takeResumed(socket: CloserSocket): Resumed | undefined;
}

export function seatHandshake(deps: {
  service: Pick<RoomService, 'resume'>;
  limits: Pick<Limits, 'connection'>;
  log: Pick<Logger, 'error'>;
  trustProxy: boolean;
}): Handshake {
  /** Handshake → connection hand-over; weak, so a socket that never connects leaves nothing behind. */
  const resuming = new WeakMap<object, Resumed>();
  return {
    async middleware(socket, next) {
      socket.data = { seats: [] };
      const request = readSeatAuth(socket.handshake.auth);
      // The handshake travels: every node's presence query (fetchSockets) gets it through Redis.
      // The tokens were only ever needed here, so they are dropped before anything else can see them.
      socket.handshake.auth = {};
      const allowed = await deps.limits.connection(clientAddress(socket, deps.trustProxy));
      if (!allowed.ok) return next(refusalOf(rateLimited(allowed.retryAfterMs).error));
      if (request.kind === 'none') return next();
      if (request.kind === 'malformed') return next(refusal('SEAT_REFUSED'));
      try {
        const resumed = await deps.service.resume(request.auth);
        if (!resumed.ok) return next(refusal(resumed.error.code));
        const roomId = resumed.value.stored.room.id;
        const moved = roomId !== request.auth.roomId ? { movedFrom: request.auth.roomId } : {};
        resuming.set(socket, { roomId, seats: resumed.value.seats, devices: resumed.value.devices, ...moved });
        next();
      } catch (error) {
        deps.log.error({ err: { message: (error as Error).message } }, 'resume failed');
        next(refusal(error instanceof StoreUnavailableError ? 'UNAVAILABLE' : 'INTERNAL'));
      }
    },
    takeResumed(socket) {
      const resumed = resuming.get(socket);
      resuming.delete(socket);
      return resumed;
    },
  };
}
