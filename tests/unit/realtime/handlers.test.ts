// The handler table: the known events are its keys, and every acknowledged emit is answered (rate
// limit first, then the arguments' shape, the payload, the handler; a failure is a typed error, never silence).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { refuse, type Ack, type ClientToServerEvents, type SeatIndex } from '../../../shared/protocol.js';
import { InFlight } from '../../../server/realtime/drain.js';
import { CLIENT_EVENTS, HANDLERS, answerEmit, isClientEvent, readArguments, type Answering } from '../../../server/realtime/handlers.js';
import type { CloserSocket } from '../../../server/realtime/types.js';
import { seatIn } from '../../../server/realtime/seated.js';
import { StoreUnavailableError } from '../../../server/store/errors.js';

const ROOM = 'V1StGXR8_Z5jdHi6B-myT';
const COMMAND_ID = 'cmd-12345';

function fakeSocket(seated?: { roomId: string; seats: SeatIndex[] }): CloserSocket {
  const socket = { id: 'socket-1', data: { seats: [] }, handshake: { address: '127.0.0.1', headers: {} } } as unknown as CloserSocket;
  if (seated) seatIn(socket, seated.roomId, seated.seats);
  return socket;
}

/** A node whose services answer as told (and note in `ran` that they did); nothing here touches a socket or a store. */
function node(overrides: Partial<Answering> = {}, ran: string[] = []): Answering {
  const allowed = async () => ({ ok: true as const });
  return {
    service: {
      create: async () => (ran.push('create'), refuse('TRY_AGAIN')),
      peek: async () => (ran.push('peek'), { ok: true, hostName: 'Ada', seal: null }),
      join: async () => (ran.push('join'), refuse('ROOM_FULL')),
      joinByCode: async () => (ran.push('joinByCode'), refuse('CODE_INVALID')),
      command: async () => (ran.push('command'), { ok: true, version: 2 }),
      erase: async () => (ran.push('erase'), { ok: true }),
      memoriesPage: async () => (ran.push('memoriesPage'), { ok: true, memories: [], next: null }),
      offerDevice: async () => (ran.push('offerDevice'), { ok: true, code: 'c'.repeat(22), expiresAt: 1 }),
      claimDevice: async () => (ran.push('claimDevice'), refuse('TRANSFER_INVALID')),
      askKey: async () => (ran.push('askKey'), refuse('CODE_INVALID')),
      giveKey: async () => (ran.push('giveKey'), refuse('NOT_FOUND')),
    },
    limits: { command: () => ({ ok: true as const }), create: allowed, joinAllowed: allowed, failedJoin: async () => undefined },
    notifier: { erased: () => undefined },
    seat: async () => undefined,
    announcePresence: async () => undefined,
    push: {
      publicKey: async () => (ran.push('publicKey'), { ok: true, publicKey: 'k'.repeat(87) }),
      subscribe: async () => (ran.push('subscribe'), { ok: true }),
      unsubscribe: async () => (ran.push('unsubscribe'), { ok: true }),
    },
    log: { info: () => undefined, error: () => undefined },
    trustProxy: false,
    inFlight: new InFlight(),
    ...overrides,
  };
}

/** Emits as a client would, with an ack last, and resolves with the answer. */
function emit(deps: Answering, event: string, args: unknown[], socket = fakeSocket()): Promise<Ack<object>> {
  return new Promise((resolve) => answerEmit(socket, event, [...args, resolve], deps));
}

const codeOf = (answer: Ack<object>) => (answer.ok ? 'ok' : answer.error.code);

describe('the known events', () => {
  it("are the handler table's keys: exactly the protocol's client events", () => {
    expectTypeOf<keyof typeof HANDLERS>().toEqualTypeOf<keyof ClientToServerEvents>();
    expect([...CLIENT_EVENTS].sort()).toEqual(['device:claim', 'device:offer', 'key:ask', 'key:give', 'memories:page', 'push:key', 'push:subscribe', 'push:unsubscribe', 'room:command', 'room:create', 'room:erase', 'room:join', 'room:join-by-code', 'room:peek', 'room:visibility']);
  });

  it("an object's inherited names are not events", () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) expect(isClientEvent(name)).toBe(false);
  });
});

describe("an emit's arguments", () => {
  const ack = () => undefined;

  it('the ack is the last argument when it is a function, and the input is the one before it', () => {
    expect(readArguments([{ roomId: ROOM }, ack])).toEqual({ kind: 'input', input: { roomId: ROOM }, reply: ack });
    expect(readArguments([null, ack])).toEqual({ kind: 'input', input: null, reply: ack });
  });

  it('with no function last there is nothing to answer', () => {
    for (const args of [[], [{ roomId: ROOM }], [ack, { roomId: ROOM }], [1, 2]]) expect(readArguments(args)).toEqual({ kind: 'no-ack' });
  });

  it('no input, or more than one, is malformed, and still has its ack', () => {
    for (const args of [[ack], [1, 2, ack], [1, 2, 3, ack]]) expect(readArguments(args)).toEqual({ kind: 'malformed', reply: ack });
  });
});

describe('answering an emit', () => {
  it('runs the handler with the parsed payload', async () => {
    expect(await emit(node(), 'room:peek', [{ roomId: ROOM }])).toEqual({ ok: true, hostName: 'Ada', seal: null });
  });

  it('a payload its schema refuses is BAD_REQUEST, and the handler never runs', async () => {
    const ran: string[] = [];
    expect(codeOf(await emit(node({}, ran), 'room:peek', [{ roomId: '../etc' }]))).toBe('BAD_REQUEST');
    expect(ran).toEqual([]);
  });

  it('every known event with no input, or two, is answered BAD_REQUEST and its handler never runs', async () => {
    const ran: string[] = [];
    const deps = node({}, ran);
    for (const event of CLIENT_EVENTS) {
      for (const args of [[], [{ roomId: ROOM }, { roomId: ROOM }]]) {
        expect(codeOf(await emit(deps, event, args)), `${event} with ${args.length} inputs`).toBe('BAD_REQUEST');
      }
    }
    expect(ran).toEqual([]);
  });

  it('an unknown event is answered BAD_REQUEST', async () => {
    expect(await emit(node(), 'room:hack', [{ x: 1 }])).toEqual(refuse('BAD_REQUEST', 'Unknown event.'));
  });

  it('the rate limit comes first, for known and unknown events alike', async () => {
    const deps = node();
    deps.limits.command = () => ({ ok: false, retryAfterMs: 3_000 });
    for (const event of ['room:peek', 'room:hack']) expect(codeOf(await emit(deps, event, [{ roomId: ROOM }]))).toBe('RATE_LIMITED');
  });

  it('a command from a socket that does not hold that seat is NOT_SEATED', async () => {
    const socket = fakeSocket({ roomId: ROOM, seats: [1] });
    const answer = await emit(node(), 'room:command', [{ commandId: COMMAND_ID, seat: 0, command: { type: 'ready' } }], socket);
    expect(codeOf(answer)).toBe('NOT_SEATED');
  });

  it('a page saying it is hidden is noted on its socket, and the room is told once the socket is seated', async () => {
    const announced: string[] = [];
    const deps = node({ announcePresence: async (roomId) => void announced.push(roomId) });
    const guest = fakeSocket();
    expect(await emit(deps, 'room:visibility', [{ hidden: true }], guest)).toEqual({ ok: true });
    expect(guest.data.hidden).toBe(true);
    expect(announced).toEqual([]);
    const seated = fakeSocket({ roomId: ROOM, seats: [1] });
    await emit(deps, 'room:visibility', [{ hidden: true }], seated);
    expect(announced).toEqual([ROOM]);
    // Seating keeps what the page said.
    seatIn(guest, ROOM, [0]);
    expect(guest.data).toEqual({ seats: [0], hidden: true });
  });

  it('a handler that throws is answered UNAVAILABLE when the store is unreachable, INTERNAL otherwise', async () => {
    for (const [error, code] of [[new StoreUnavailableError(new Error('connection lost')), 'UNAVAILABLE'], [new Error('a bug'), 'INTERNAL']] as const) {
      const deps = node();
      deps.service.peek = () => Promise.reject(error);
      expect(codeOf(await emit(deps, 'room:peek', [{ roomId: ROOM }]))).toBe(code);
    }
  });

  it('counts as in flight until it is answered', async () => {
    const deps = node();
    let finish!: () => void;
    deps.service.peek = () => new Promise((resolve) => (finish = () => resolve({ ok: true, hostName: 'Ada', seal: null })));
    const answered = emit(deps, 'room:peek', [{ roomId: ROOM }]);
    await new Promise((r) => setImmediate(r));
    expect(deps.inFlight.size).toBe(1);
    finish();
    await answered;
    await new Promise((r) => setImmediate(r));
    expect(deps.inFlight.size).toBe(0);
  });
});
