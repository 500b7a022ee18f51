// Socket.IO wiring: who may connect, which seats a socket holds, and where each view goes.
// Each seat has its own Socket.IO room (seatChannel); a view is only ever sent there.
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server, type Socket } from 'socket.io';
import * as v from 'valibot';
import type { Redis } from 'ioredis';
import {
  refuse,
  rateLimited,
  type Ack,
  type AppError,
  type ErrorCode,
  type SeatedAnswer,
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
import { Limits } from './limits.js';
import type { Logger } from './log.js';
import { RoomService, type RoomNotifier } from './rooms.js';
import { StoreUnavailableError } from './store/errors.js';
import type { RoomStore, StoredRoom } from './store/types.js';
import { roomRef } from './tokens.js';
import { roomChannel, seatChannel } from './channels.js';
import { broadcastEntry, type Cluster } from './cluster.js';
import type { Config } from './config.js';

export type CloserServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type CloserSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Largest message a client may send; a larger one closes its connection. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

/** Any payload: the answer to an unknown event does not look at it. */
const UnknownEvent = v.unknown();

const KNOWN_EVENTS = new Set(['room:create', 'room:peek', 'room:join', 'room:join-by-code', 'room:command', 'room:erase']);


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
  return refusalOf(refuse(code, message).error);
}

function refusalOf(error: AppError): Error {
  return Object.assign(new Error(error.message), { data: error satisfies HandshakeRefusal });
}

/** Joins that fail this way count as guesses against the address's budget. */
const FAILED_JOINS = new Set<ErrorCode>(['CODE_INVALID', 'ROOM_NOT_FOUND', 'ROOM_FULL']);

/** The client's address; behind a trusted proxy, the first X-Forwarded-For entry. */
export function clientAddress(socket: { handshake: { address: string; headers: IncomingMessage['headers'] } }, trustProxy: boolean): string {
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return trustProxy && first ? first : socket.handshake.address;
}

export function attachRealtime(
  httpServer: HttpServer,
  options: {
    store: RoomStore;
    config: Config;
    log: Logger;
    /** The Redis (and key prefix) that rate limits are counted in, so every node counts together. */
    shared: { redis: Redis; prefix: string } | null;
    /** Several nodes on Redis: the adapter that carries emits between them, and its stream. */
    cluster?: Pick<Cluster, 'adapter' | 'stream'>;
  },
): Realtime {
  const { store, config, log } = options;
  const io: CloserServer = new Server(httpServer, {
    transports: ['websocket'],
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    allowRequest: (req, callback) => callback(null, originAllowed(req, config.allowedOrigins)),
    serveClient: false,
    ...(options.cluster ? { adapter: options.cluster.adapter } : {}),
  });

  const snapshot = (stored: StoredRoom, seat: SeatIndex) => ({
    version: stored.version,
    seat,
    view: viewFor(stored.room, seat),
  });

  /** This node's id in the cluster: its stream reader skips messages carrying it. */
  const nodeUid = () => (io.of('/').adapter as unknown as { uid: string }).uid;

  const notifier: RoomNotifier = {
    prepare(next, askedBy) {
      const asker = askedBy === undefined ? undefined : io.sockets.sockets.get(askedBy);
      const sends = ([0, 1] as const)
        .filter((seat) => next.room.seats[seat])
        .map((seat) => ({
          room: seatChannel(next.room.id, seat),
          message: snapshot(next, seat),
          asker: asker?.data.seats.includes(seat) ? asker : undefined,
        }));
      return {
        // The other nodes get the views from the commit itself: no round trip of their own on anyone's path.
        publication: options.cluster && {
          stream: options.cluster.stream,
          entries: sends.map(({ room, message }) => broadcastEntry(nodeUid(), room, [], 'room:snapshot', message)),
        },
        deliver() {
          for (const { room, message, asker: first } of sends) {
            // The asker first, so its views arrive before its answer; then this node's other sockets.
            first?.emit('room:snapshot', message);
            io.local.to(room).except(first ? [first.id] : []).emit('room:snapshot', message);
          }
        },
      };
    },
    seatRemoved(roomId, seat) {
      io.to(seatChannel(roomId, seat)).emit('seat:removed');
      io.in(seatChannel(roomId, seat)).disconnectSockets(true);
    },
    moved(oldId, newId) {
      // After the creator's answer has gone out (it is sent once this task's promises settle).
      setImmediate(() => {
        io.to(roomChannel(oldId)).emit('room:moved', { roomId: newId });
        io.in(roomChannel(oldId)).disconnectSockets(true);
      });
    },
    erased(roomId) {
      io.to(roomChannel(roomId)).emit('room:erased');
      io.in(roomChannel(roomId)).disconnectSockets(true);
    },
  };
  const service = new RoomService(store, config.lifetimes, notifier);
  const limits = new Limits(config.limits, options.shared);

  /** Tells the room who is online now, asking every node. Best effort: a failure is logged, never thrown. */
  async function broadcastPresence(roomId: string): Promise<void> {
    try {
      const sockets = await io.in(roomChannel(roomId)).fetchSockets();
      const online: [boolean, boolean] = [false, false];
      for (const socket of sockets) for (const seat of socket.data.seats) online[seat] = true;
      io.to(roomChannel(roomId)).emit('room:presence', { online });
    } catch (error) {
      log.warn({ err: { message: (error as Error).message } }, 'could not tell a room who is online');
    }
  }

  /** A socket that just left may be back in a moment (a reload, a node going away): wait before saying "offline". */
  const presenceTimers = new Set<NodeJS.Timeout>();
  function presenceAfterGrace(roomId: string): void {
    const timer = setTimeout(() => {
      presenceTimers.delete(timer);
      void broadcastPresence(roomId);
    }, config.presenceGraceMs);
    presenceTimers.add(timer);
  }

  /** Commands being handled now; a stopping node waits for them before it closes its sockets. */
  let inFlight = 0;
  let settled: (() => void) | null = null;
  /** Set by drain(): this node is going away, so its sockets leaving says nothing about presence. */
  let stopping = false;

  /** Puts a socket in its room and seat rooms and sends it everything it may see. */
  async function seat(socket: CloserSocket, roomId: string, seats: SeatIndex[]): Promise<void> {
    const previous = socket.data.roomId;
    if (previous && previous !== roomId) {
      for (const name of [roomChannel(previous), seatChannel(previous, 0), seatChannel(previous, 1)]) await socket.leave(name);
    }
    socket.data = { roomId, seats };
    // Join first, then load: a change committed in between reaches this socket either way (in the
    // load, or as a broadcast it now receives). Loading first would miss it until the next change.
    await socket.join([roomChannel(roomId), ...seats.map((s) => seatChannel(roomId, s))]);
    const { stored } = await store.load(roomId);
    // Erased or expired a moment ago: closing makes the client ask again, and hear that the room is gone.
    if (!stored) return void socket.disconnect(true);
    for (const s of seats) socket.emit('room:snapshot', snapshot(stored, s));
    // Not awaited: asking the other nodes must not hold up this socket's answer.
    void broadcastPresence(roomId);
  }

  /** Validates a payload, runs the handler and always answers: a typed error rather than silence. */
  function answer<S extends v.GenericSchema, T extends object>(
    socket: CloserSocket,
    event: string,
    ack: unknown,
    schema: S,
    input: unknown,
    run: (value: v.InferOutput<S>) => Promise<Ack<T>>,
  ): void {
    if (typeof ack !== 'function') return;
    const reply = ack as (result: Ack<T>) => void;
    const handle = async (): Promise<Ack<T>> => {
      const allowed = await limits.command(socket.id);
      if (!allowed.ok) return rateLimited(allowed.retryAfterMs);
      const parsed = parse(schema, input);
      if (!parsed.ok) return refuse('BAD_REQUEST', parsed.message);
      return run(parsed.value);
    };
    inFlight += 1;
    handle()
      .then(reply, (error: unknown) => {
        log.error({ event, err: { message: error instanceof Error ? error.message : String(error) } }, 'command failed');
        reply(refuse(error instanceof StoreUnavailableError ? 'UNAVAILABLE' : 'INTERNAL'));
      })
      .finally(() => {
        inFlight -= 1;
        if (inFlight === 0) settled?.();
      });
  }

  /** A join counts against the address's failed-join budget only when it fails. */
  async function limitedJoin(socket: CloserSocket, join: () => Promise<Ack<SeatedAnswer>>): Promise<Ack<SeatedAnswer>> {
    const ip = clientAddress(socket, config.trustProxy);
    const allowed = await limits.joinAllowed(ip);
    if (!allowed.ok) return rateLimited(allowed.retryAfterMs);
    const joined = await join();
    if (!joined.ok && FAILED_JOINS.has(joined.error.code)) await limits.failedJoin(ip);
    if (joined.ok) await seat(socket, joined.roomId, joined.credentials.map((c) => c.seat));
    return joined;
  }

  io.use(async (socket, next) => {
    socket.data = { roomId: null, seats: [] };
    const allowed = await limits.connection(clientAddress(socket, config.trustProxy));
    if (!allowed.ok) return next(refusalOf(rateLimited(allowed.retryAfterMs).error));
    const auth: unknown = socket.handshake.auth;
    if (!auth || typeof auth !== 'object' || Object.keys(auth).length === 0) return next();
    const parsed = parse(SeatAuthSchema, auth);
    if (!parsed.ok) return next(refusal('SEAT_REFUSED'));
    try {
      const resumed = await service.resume(parsed.value);
      if (!resumed.ok) return next(refusal(resumed.error.code));
      resuming.set(socket, { roomId: resumed.value.stored.room.id, seats: resumed.value.seats });
      next();
    } catch (error) {
      log.error({ err: { message: (error as Error).message } }, 'resume failed');
      next(refusal('UNAVAILABLE'));
    }
  });
  /** Handshake → connection hand-over; weak, so a socket that never connects leaves nothing behind. */
  const resuming = new WeakMap<object, { roomId: string; seats: SeatIndex[] }>();

  io.on('connection', (socket) => {
    const resumed = resuming.get(socket);
    resuming.delete(socket);
    if (resumed) {
      log.info({ room: roomRef(resumed.roomId), seats: resumed.seats }, 'seat resumed');
      seat(socket, resumed.roomId, resumed.seats).catch((error: unknown) =>
        log.error({ err: { message: (error as Error).message } }, 'could not seat a resumed socket'),
      );
    }

    socket.on('room:create', (input, ack) =>
      answer(socket, 'room:create', ack, CreateRoomSchema, input, async (value) => {
        const allowed = await limits.create(clientAddress(socket, config.trustProxy));
        if (!allowed.ok) return rateLimited(allowed.retryAfterMs);
        const created = await service.create(value);
        if (created.ok) {
          log.info({ room: roomRef(created.roomId), mode: value.mode }, 'room created');
          await seat(socket, created.roomId, created.credentials.map((c) => c.seat));
        }
        return created;
      }),
    );

    socket.on('room:peek', (input, ack) =>
      answer(socket, 'room:peek', ack, PeekSchema, input, (value) => service.peek(value.roomId)),
    );

    socket.on('room:join', (input, ack) =>
      answer(socket, 'room:join', ack, JoinRoomSchema, input, (value) => limitedJoin(socket, () => service.join(value))),
    );

    socket.on('room:join-by-code', (input, ack) =>
      answer(socket, 'room:join-by-code', ack, JoinByCodeSchema, input, (value) =>
        limitedJoin(socket, () => service.joinByCode(value)),
      ),
    );

    socket.on('room:command', (input, ack) =>
      answer(socket, 'room:command', ack, CommandSchema, input, async (value) => {
        const roomId = socket.data.roomId;
        if (!roomId || !socket.data.seats.includes(value.seat)) return refuse('NOT_SEATED');
        return service.command(roomId, value.seat, value.commandId, value.command, socket.id);
      }),
    );

    socket.on('room:erase', (input, ack) =>
      answer(socket, 'room:erase', ack, EraseSchema, input, async () => {
        const roomId = socket.data.roomId;
        if (!roomId) return refuse('NOT_SEATED');
        const erased = await service.erase(roomId);
        log.info({ room: roomRef(roomId) }, 'room erased');
        // Answer first, then tell everyone and close their sockets, so the eraser's answer is not lost.
        setImmediate(() => notifier.erased(roomId));
        return erased;
      }),
    );

    socket.onAny((event: string, ...args: unknown[]) => {
      if (KNOWN_EVENTS.has(event)) return;
      answer(socket, event, args.at(-1), UnknownEvent, undefined, async () => refuse('BAD_REQUEST', 'Unknown event.'));
    });

    socket.on('disconnect', () => {
      const roomId = socket.data.roomId;
      if (roomId && !stopping) presenceAfterGrace(roomId);
    });
  });

  return {
    io,
    service,
    async drain(timeoutMs) {
      stopping = true;
      for (const timer of presenceTimers) clearTimeout(timer);
      presenceTimers.clear();
      const deadline = Date.now() + timeoutMs;
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          settled = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      // Close each connection only once what was written to it (the last answers) has gone out;
      // Socket.IO's own close would discard it. Their clients see the transport close and reconnect.
      for (const socket of io.sockets.sockets.values()) socket.conn.close();
      while (io.engine.clientsCount > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    },
  };
}

export interface Realtime {
  io: CloserServer;
  service: RoomService;
  /**
   * Stops presence timers, waits (up to `timeoutMs` in all) for the commands being handled to be
   * answered, then closes every connection once its last answers have been sent.
   */
  drain(timeoutMs: number): Promise<void>;
}
