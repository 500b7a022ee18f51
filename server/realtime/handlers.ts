// Every client event in one typed table: its payload's schema and what it runs. The known events are
// the table's keys, and every acknowledged emit gets an answer, whatever arguments came with it.
import { seatedDevices, seatedRoom } from './seated.js';
import * as v from 'valibot';
import { CREATOR_SEAT, refuse, rateLimited, type Ack, type ClientToServerEvents, type ErrorCode, type SeatIndex, type SeatedAnswer } from '../../shared/protocol.js';
import {
  ClaimDeviceSchema,
  CommandSchema,
  CreateRoomSchema,
  DeviceOfferSchema,
  EraseSchema,
  JoinByCodeSchema,
  JoinRoomSchema,
  KeyAskSchema,
  KeyGiveSchema,
  MemoriesPageSchema,
  NothingSchema,
  PeekSchema,
  PushSubscribeSchema,
  VisibilitySchema,
  parse,
} from '../../shared/schemas.js';
import type { Limits } from '../limits.js';
import type { Logger } from '../log.js';
import type { Pusher } from '../push.js';
import type { RoomNotifier, RoomService } from '../rooms.js';
import { StoreUnavailableError } from '../store/errors.js';
import { roomRef } from '../tokens.js';
import { seatChannel } from '../channels.js';
import type { InFlight } from './drain.js';
import type { SeatSocket } from './fanout.js';
import { clientAddress } from './handshake.js';
import type { CloserSocket } from './types.js';

export type ClientEvent = keyof ClientToServerEvents;
type InputOf<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[0];
type AnswerOf<E extends ClientEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** What a handler may use besides its input: the socket that asked, and the node's services. */
export interface HandlerContext {
  socket: CloserSocket;
  service: Pick<RoomService, 'create' | 'peek' | 'join' | 'joinByCode' | 'command' | 'erase' | 'memoriesPage' | 'offerDevice' | 'claimDevice' | 'askKey' | 'giveKey'>;
  limits: Pick<Limits, 'create' | 'joinAllowed' | 'failedJoin'>;
  notifier: Pick<RoomNotifier, 'erased'>;
  push: Pick<Pusher, 'publicKey' | 'subscribe' | 'unsubscribe'>;
  seat: SeatSocket;
  /** Tells the room who is online and who is away now. */
  announcePresence: (roomId: string) => Promise<void>;
  log: Pick<Logger, 'info'>;
  trustProxy: boolean;
}

interface Handler<E extends ClientEvent> {
  /** Its output must be the protocol's input type, so the schema and the contract cannot drift apart. */
  schema: v.GenericSchema<unknown, InputOf<E>>;
  run(input: InputOf<E>, context: HandlerContext): Promise<AnswerOf<E>>;
}

/** Joins that fail this way count as guesses against the address's budget (a device's transfer code too). */
const FAILED_JOINS = new Set<ErrorCode>(['CODE_INVALID', 'ROOM_NOT_FOUND', 'ROOM_FULL', 'TRANSFER_INVALID']);

/** A join counts against the address's failed-join budget only when it fails. */
async function limitedJoin(context: HandlerContext, join: () => Promise<Ack<SeatedAnswer>>): Promise<Ack<SeatedAnswer>> {
  const ip = clientAddress(context.socket, context.trustProxy);
  const allowed = await context.limits.joinAllowed(ip);
  if (!allowed.ok) return rateLimited(allowed.retryAfterMs);
  const joined = await join();
  if (!joined.ok && FAILED_JOINS.has(joined.error.code)) await context.limits.failedJoin(ip);
  if (joined.ok) await seatFor(context, joined);
  return joined;
}

/** The one seat and device a push subscription is for: a socket on one shared device holds two, and has nobody to notify. */
function pushSeat(socket: CloserSocket): Ack<{ roomId: string; seat: SeatIndex; device: string }> {
  const roomId = seatedRoom(socket);
  const [seat, ...more] = socket.data.seats;
  const [device] = seatedDevices(socket);
  if (!roomId || seat === undefined || !device) return refuse('NOT_SEATED');
  if (more.length > 0) return refuse('NOT_POSSIBLE', 'You are both on this device, so there is nobody elsewhere to notify.');
  return { ok: true, roomId, seat, device };
}

/** Seats the asking socket with the seats and devices its new credentials hold. */
function seatFor(context: HandlerContext, seated: SeatedAnswer): Promise<void> {
  return context.seat(context.socket, seated.roomId, seated.credentials.map((c) => c.seat), seated.credentials.map((c) => c.device));
}

export const HANDLERS = {
  'room:create': {
    schema: CreateRoomSchema,
    async run(input, context) {
      const allowed = await context.limits.create(clientAddress(context.socket, context.trustProxy));
      if (!allowed.ok) return rateLimited(allowed.retryAfterMs);
      const created = await context.service.create(input);
      if (created.ok) {
        context.log.info({ room: roomRef(created.roomId), mode: input.mode }, 'room created');
        await seatFor(context, created);
      }
      return created;
    },
  },
  'room:peek': {
    schema: PeekSchema,
    run: (input, context) => context.service.peek(input.roomId),
  },
  'room:join': {
    schema: JoinRoomSchema,
    run: (input, context) => limitedJoin(context, () => context.service.join(input)),
  },
  'room:join-by-code': {
    schema: JoinByCodeSchema,
    run: (input, context) => limitedJoin(context, () => context.service.joinByCode(input)),
  },
  'key:ask': {
    schema: KeyAskSchema,
    async run({ code, sid, share }, context) {
      const { socket } = context;
      const ip = clientAddress(socket, context.trustProxy);
      const allowed = await context.limits.joinAllowed(ip);
      if (!allowed.ok) return rateLimited(allowed.retryAfterMs);
      const creatorOpen = async (roomId: string) => (await socket.nsp.in(seatChannel(roomId, CREATOR_SEAT)).fetchSockets()).length > 0;
      const asked = await context.service.askKey(code, { sid, joiner: socket.id }, creatorOpen);
      if (!asked.ok) {
        if (asked.error.code === 'CODE_INVALID') await context.limits.failedJoin(ip);
        return asked;
      }
      // Only relayed: the server cannot open either message, nor the key that follows.
      socket.nsp.to(seatChannel(asked.value.roomId, CREATOR_SEAT)).emit('key:asked', { sid, share });
      return { ok: true };
    },
  },
  'key:give': {
    schema: KeyGiveSchema,
    async run(give, { socket, service }) {
      const roomId = seatedRoom(socket);
      if (!roomId || !socket.data.seats.includes(CREATOR_SEAT)) return refuse('NOT_SEATED');
      const answered = await service.giveKey(roomId, CREATOR_SEAT, give.sid);
      if (!answered.ok) return answered;
      socket.nsp.to(answered.value.joiner).emit('key:given', give);
      return { ok: true };
    },
  },
  'room:command': {
    schema: CommandSchema,
    async run(input, { socket, service }) {
      const roomId = seatedRoom(socket);
      if (!roomId || !socket.data.seats.includes(input.seat)) return refuse('NOT_SEATED');
      return service.command(roomId, input.seat, input.commandId, input.command, socket.id);
    },
  },
  'memories:page': {
    schema: MemoriesPageSchema,
    async run(input, { socket, service }) {
      const roomId = seatedRoom(socket);
      if (!roomId) return refuse('NOT_SEATED');
      return service.memoriesPage(roomId, input.version, input.before);
    },
  },
  'room:visibility': {
    schema: VisibilitySchema,
    async run(input, { socket, announcePresence }) {
      // Kept even before the socket is seated: seating keeps it, and announces it then.
      socket.data.hidden = input.hidden;
      const roomId = seatedRoom(socket);
      if (roomId) await announcePresence(roomId);
      return { ok: true };
    },
  },
  'room:erase': {
    schema: EraseSchema,
    async run(_input, { socket, service, notifier, log }) {
      const roomId = seatedRoom(socket);
      if (!roomId) return refuse('NOT_SEATED');
      const erased = await service.erase(roomId);
      log.info({ room: roomRef(roomId) }, 'room erased');
      // Answer first, then tell everyone and close their sockets, so the eraser's answer is not lost.
      setImmediate(() => notifier.erased(roomId));
      return erased;
    },
  },
  'device:offer': {
    schema: DeviceOfferSchema,
    async run(input, { socket, service }) {
      const roomId = seatedRoom(socket);
      if (!roomId || !socket.data.seats.includes(input.seat)) return refuse('NOT_SEATED');
      return service.offerDevice(roomId, input.seat, socket.id);
    },
  },
  'device:claim': {
    schema: ClaimDeviceSchema,
    run: (input, context) => limitedJoin(context, () => context.service.claimDevice(input)),
  },
  'push:key': {
    schema: NothingSchema,
    // Only a seated device has a room to be notified about.
    run: async (_input, { socket, push }) => (seatedRoom(socket) ? push.publicKey() : refuse('NOT_SEATED')),
  },
  'push:subscribe': {
    schema: PushSubscribeSchema,
    async run(input, { socket, push }) {
      const at = pushSeat(socket);
      return at.ok ? push.subscribe(at.roomId, at.seat, at.device, input) : at;
    },
  },
  'push:unsubscribe': {
    schema: NothingSchema,
    async run(_input, { socket, push }) {
      const at = pushSeat(socket);
      return at.ok ? push.unsubscribe(at.roomId, at.seat, at.device) : at;
    },
  },
} satisfies { [E in ClientEvent]: Handler<E> };

/** The events a client may send: the table's keys, nothing written out by hand. */
export const CLIENT_EVENTS: ReadonlySet<string> = new Set(Object.keys(HANDLERS));

export function isClientEvent(event: string): event is ClientEvent {
  return CLIENT_EVENTS.has(event);
}

type Reply = (answer: Ack<object>) => void;

/**
 * How any emit's arguments are read: the ack is the last argument when it is a function, and the
 * input is the single argument before it. No function: nothing to answer. Any other shape: malformed.
 */
export type Request = { kind: 'no-ack' } | { kind: 'malformed'; reply: Reply } | { kind: 'input'; input: unknown; reply: Reply };

export function readArguments(args: readonly unknown[]): Request {
  const last = args.at(-1);
  if (typeof last !== 'function') return { kind: 'no-ack' };
  const reply = last as Reply;
  return args.length === 2 ? { kind: 'input', input: args[0], reply } : { kind: 'malformed', reply };
}

function runHandler<E extends ClientEvent>(event: E, input: unknown, context: HandlerContext): Promise<Ack<object>> {
  const table: { [K in ClientEvent]: Handler<K> } = HANDLERS;
  const handler = table[event];
  const parsed = parse(handler.schema, input);
  if (!parsed.ok) return Promise.resolve(parsed);
  return handler.run(parsed.value, context);
}

/** Everything answering an emit needs, apart from the socket. */
export interface Answering extends Omit<HandlerContext, 'socket' | 'limits'> {
  limits: HandlerContext['limits'] & Pick<Limits, 'command'>;
  log: Pick<Logger, 'info' | 'error'>;
  inFlight: InFlight;
}

/** Answers one emit, known or not: rate limit first, then its arguments' shape, its payload, its handler. */
export function answerEmit(socket: CloserSocket, event: string, args: readonly unknown[], deps: Answering): void {
  const request = readArguments(args);
  if (request.kind === 'no-ack') return;
  const handle = async (): Promise<Ack<object>> => {
    const allowed = deps.limits.command(socket.id, clientAddress(socket, deps.trustProxy), seatedRoom(socket));
    if (!allowed.ok) return rateLimited(allowed.retryAfterMs);
    if (!isClientEvent(event)) return refuse('BAD_REQUEST', 'Unknown event.');
    if (request.kind === 'malformed') return refuse('BAD_REQUEST', 'Send one payload, then the acknowledgement.');
    return runHandler(event, request.input, { ...deps, socket });
  };
  deps.inFlight.track(
    handle().then(request.reply, (error: unknown) => {
      deps.log.error({ event, err: { message: error instanceof Error ? error.message : String(error) } }, 'command failed');
      request.reply(refuse(error instanceof StoreUnavailableError ? 'UNAVAILABLE' : 'INTERNAL'));
    }),
  );
}
