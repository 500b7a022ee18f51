// Socket.IO wiring: who may connect, which seats a socket holds, and where each view goes.
// Each seat has its own Socket.IO room (`<roomId>#<seat>`); a view is only ever sent there.
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type * as v from 'valibot';
import {
  fail,
  type Ack,
  type ClientToServerEvents,
  type HandshakeRefusal,
  type SeatIndex,
  type ServerToClientEvents,
  type SocketData,
} from '../shared/protocol.js';
import { viewFor } from '../shared/room.js';
import {
  CommandSchema,
  CreateRoomSchema,
  EraseSchema,
  JoinByCodeSchema,
  JoinRoomSchema,
  PeekSchema,
  SeatAuthSchema,
  parse,
} from '../shared/schemas.js';
import type { Logger } from './log.js';
import { RoomService, type RoomNotifier } from './rooms.js';
import type { RoomStore, StoredRoom } from './store/types.js';
import { roomRef } from './tokens.js';
import type { Config } from './config.js';

export type CloserServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type CloserSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Largest message a client may send; a larger one closes its connection. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

const KNOWN_EVENTS = new Set(['room:create', 'room:peek', 'room:join', 'room:join-by-code', 'room:command', 'room:erase']);

const seatRoom = (roomId: string, seat: SeatIndex) => `${roomId}#${seat}`;

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

function refusal(code: HandshakeRefusal['code'], message?: string): Error {
  const refusal = fail(code, message).error;
  return Object.assign(new Error(refusal.message), { data: refusal satisfies HandshakeRefusal });
}

export function attachRealtime(
  httpServer: HttpServer,
  options: { store: RoomStore; config: Config; log: Logger },
): { io: CloserServer; service: RoomService } {
  const { store, config, log } = options;
  const io: CloserServer = new Server(httpServer, {
    transports: ['websocket'],
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    allowRequest: (req, callback) => callback(null, originAllowed(req, config.allowedOrigins)),
    serveClient: false,
  });

  const snapshot = (stored: StoredRoom, seat: SeatIndex) => ({
    version: stored.version,
    seat,
    view: viewFor(stored.room, seat),
  });

  const notifier: RoomNotifier = {
    changed(stored) {
      for (const seat of [0, 1] as const) {
        if (stored.room.seats[seat]) io.to(seatRoom(stored.room.id, seat)).emit('room:snapshot', snapshot(stored, seat));
      }
    },
    seatRemoved(roomId, seat) {
      io.to(seatRoom(roomId, seat)).emit('seat:removed');
      io.in(seatRoom(roomId, seat)).disconnectSockets(true);
    },
    moved(oldId, newId) {
      // After the creator's answer has gone out (it is sent once this task's promises settle).
      setImmediate(() => {
        io.to(oldId).emit('room:moved', { roomId: newId });
        io.in(oldId).disconnectSockets(true);
      });
    },
    erased(roomId) {
      io.to(roomId).emit('room:erased');
      io.in(roomId).disconnectSockets(true);
    },
  };
  const service = new RoomService(store, config.lifetimes, notifier);

  async function broadcastPresence(roomId: string): Promise<void> {
    const sockets = await io.in(roomId).fetchSockets();
    const online: [boolean, boolean] = [false, false];
    for (const socket of sockets) for (const seat of socket.data.seats) online[seat] = true;
    io.to(roomId).emit('room:presence', { online });
  }

  /** Puts a socket in its room and seat rooms and sends it everything it may see. */
  async function seat(socket: CloserSocket, stored: StoredRoom, seats: SeatIndex[]): Promise<void> {
    const roomId = stored.room.id;
    const previous = socket.data.roomId;
    if (previous && previous !== roomId) {
      for (const name of [previous, seatRoom(previous, 0), seatRoom(previous, 1)]) await socket.leave(name);
    }
    socket.data = { roomId, seats };
    await socket.join([roomId, ...seats.map((s) => seatRoom(roomId, s))]);
    for (const s of seats) socket.emit('room:snapshot', snapshot(stored, s));
    await broadcastPresence(roomId);
  }

  /** Validates a payload, runs the handler and always answers: a typed error rather than silence. */
  function answer<S extends v.GenericSchema, T extends object>(
    event: string,
    ack: unknown,
    schema: S,
    input: unknown,
    run: (value: v.InferOutput<S>) => Promise<Ack<T>>,
  ): void {
    if (typeof ack !== 'function') return;
    const reply = ack as (result: Ack<T>) => void;
    const parsed = parse(schema, input);
    if (!parsed.ok) return reply(fail('BAD_REQUEST', parsed.message));
    run(parsed.value).then(reply, (error: unknown) => {
      log.error({ event, err: { message: error instanceof Error ? error.message : String(error) } }, 'command failed');
      reply(fail(store.kind === 'redis' ? 'UNAVAILABLE' : 'INTERNAL'));
    });
  }

  io.use(async (socket, next) => {
    socket.data = { roomId: null, seats: [] };
    const auth: unknown = socket.handshake.auth;
    if (!auth || typeof auth !== 'object' || Object.keys(auth).length === 0) return next();
    const parsed = parse(SeatAuthSchema, auth);
    if (!parsed.ok) return next(refusal('SEAT_REFUSED'));
    try {
      const resumed = await service.resume(parsed.value);
      if (!resumed.ok) return next(refusal(resumed.error.code));
      resuming.set(socket, resumed.value);
      next();
    } catch (error) {
      log.error({ err: { message: (error as Error).message } }, 'resume failed');
      next(refusal('UNAVAILABLE'));
    }
  });
  /** Handshake → connection hand-over; weak, so a socket that never connects leaves nothing behind. */
  const resuming = new WeakMap<object, { stored: StoredRoom; seats: SeatIndex[] }>();

  io.on('connection', (socket) => {
    const resumed = resuming.get(socket);
    resuming.delete(socket);
    if (resumed) {
      log.info({ room: roomRef(resumed.stored.room.id), seats: resumed.seats }, 'seat resumed');
      seat(socket, resumed.stored, resumed.seats).catch((error: unknown) =>
        log.error({ err: { message: (error as Error).message } }, 'could not seat a resumed socket'),
      );
    }

    socket.on('room:create', (input, ack) =>
      answer('room:create', ack, CreateRoomSchema, input, async (value) => {
        const created = await service.create(value);
        if (created.ok) {
          log.info({ room: roomRef(created.roomId), mode: value.mode }, 'room created');
          await seatAfterClaim(socket, created.roomId, created.credentials.map((c) => c.seat));
        }
        return created;
      }),
    );

    socket.on('room:peek', (input, ack) =>
      answer('room:peek', ack, PeekSchema, input, (value) => service.peek(value.roomId)),
    );

    socket.on('room:join', (input, ack) =>
      answer('room:join', ack, JoinRoomSchema, input, async (value) => {
        const joined = await service.join(value);
        if (joined.ok) await seatAfterClaim(socket, joined.roomId, joined.credentials.map((c) => c.seat));
        return joined;
      }),
    );

    socket.on('room:join-by-code', (input, ack) =>
      answer('room:join-by-code', ack, JoinByCodeSchema, input, async (value) => {
        const joined = await service.joinByCode(value);
        if (joined.ok) await seatAfterClaim(socket, joined.roomId, joined.credentials.map((c) => c.seat));
        return joined;
      }),
    );

    socket.on('room:command', (input, ack) =>
      answer('room:command', ack, CommandSchema, input, async (value) => {
        const roomId = socket.data.roomId;
        if (!roomId || !socket.data.seats.includes(value.seat)) return fail('NOT_SEATED');
        return service.command(roomId, value.seat, value.commandId, value.command);
      }),
    );

    socket.on('room:erase', (input, ack) =>
      answer('room:erase', ack, EraseSchema, input, async () => {
        const roomId = socket.data.roomId;
        if (!roomId) return fail('NOT_SEATED');
        const erased = await service.erase(roomId);
        log.info({ room: roomRef(roomId) }, 'room erased');
        // Answer first, then tell everyone and close their sockets, so the eraser's answer is not lost.
        setImmediate(() => notifier.erased(roomId));
        return erased;
      }),
    );

    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args.at(-1);
      if (!KNOWN_EVENTS.has(event) && typeof ack === 'function') ack(fail('BAD_REQUEST', 'Unknown event.'));
    });

    socket.on('disconnect', () => {
      const roomId = socket.data.roomId;
      if (roomId) void broadcastPresence(roomId).catch(() => undefined);
    });
  });

  /** After a create or join the same socket is seated at once, without reconnecting. */
  async function seatAfterClaim(socket: CloserSocket, roomId: string, seats: SeatIndex[]): Promise<void> {
    const { stored } = await store.load(roomId);
    if (stored) await seat(socket, stored, seats);
  }

  return { io, service };
}
