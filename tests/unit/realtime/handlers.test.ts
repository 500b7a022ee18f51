// The handler table: the known events are its keys, and every acknowledged emit is answered (rate
// limit first, then the payload, then the handler; a failure is a typed error, never silence).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { refuse, type Ack, type ClientToServerEvents } from '../../../shared/protocol.js';
import { InFlight } from '../../../server/realtime/drain.js';
import { CLIENT_EVENTS, HANDLERS, answerEmit, isClientEvent, type Answering } from '../../../server/realtime/handlers.js';
import type { CloserSocket } from '../../../server/realtime/types.js';

const ROOM = 'V1StGXR8_Z5jdHi6B-myT';
const COMMAND_ID = 'cmd-12345';

function fakeSocket(data: CloserSocket['data'] = { roomId: null, seats: [] }): CloserSocket {
  return { id: 'socket-1', data, handshake: { address: '127.0.0.1', headers: {} } } as unknown as CloserSocket;
}

/** A node whose services answer as told; nothing here touches a socket or a store. */
function node(overrides: Partial<Answering> = {}): Answering {
  const allowed = async () => ({ ok: true as const });
  return {
    service: {
      create: async () => refuse('TRY_AGAIN'),
      peek: async () => ({ ok: true, hostName: 'Ada' }),
      join: async () => refuse('ROOM_FULL'),
      joinByCode: async () => refuse('CODE_INVALID'),
      command: async () => ({ ok: true, version: 2 }),
      erase: async () => ({ ok: true }),
    },
    limits: { command: allowed, create: allowed, joinAllowed: allowed, failedJoin: async () => undefined },
    notifier: { erased: () => undefined },
    seat: async () => undefined,
    log: { info: () => undefined, error: () => undefined },
    trustProxy: false,
    store: { kind: 'memory' },
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
    expect([...CLIENT_EVENTS].sort()).toEqual(['room:command', 'room:create', 'room:erase', 'room:join', 'room:join-by-code', 'room:peek']);
  });

  it("an object's inherited names are not events", () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) expect(isClientEvent(name)).toBe(false);
  });
});

describe('answering an emit', () => {
  it('runs the handler with the parsed payload', async () => {
    expect(await emit(node(), 'room:peek', [{ roomId: ROOM }])).toEqual({ ok: true, hostName: 'Ada' });
  });

  it('a payload its schema refuses is BAD_REQUEST, and the handler never runs', async () => {
    let ran = false;
    const deps = node();
    deps.service.peek = async () => ((ran = true), refuse('ROOM_NOT_FOUND'));
    expect(codeOf(await emit(deps, 'room:peek', [{ roomId: '../etc' }]))).toBe('BAD_REQUEST');
    expect(ran).toBe(false);
  });

  it('an unknown event is answered BAD_REQUEST', async () => {
    expect(await emit(node(), 'room:hack', [{ x: 1 }])).toEqual(refuse('BAD_REQUEST', 'Unknown event.'));
  });

  it('the rate limit comes first, for known and unknown events alike', async () => {
    const deps = node();
    deps.limits.command = async () => ({ ok: false, retryAfterMs: 3_000 });
    for (const event of ['room:peek', 'room:hack']) expect(codeOf(await emit(deps, event, [{ roomId: ROOM }]))).toBe('RATE_LIMITED');
  });

  it('a command from a socket that does not hold that seat is NOT_SEATED', async () => {
    const socket = fakeSocket({ roomId: ROOM, seats: [1] });
    const answer = await emit(node(), 'room:command', [{ commandId: COMMAND_ID, seat: 0, command: { type: 'ready' } }], socket);
    expect(codeOf(answer)).toBe('NOT_SEATED');
  });

  it('a handler that throws is answered UNAVAILABLE on Redis, INTERNAL in memory', async () => {
    for (const [kind, code] of [['redis', 'UNAVAILABLE'], ['memory', 'INTERNAL']] as const) {
      const deps = node({ store: { kind } });
      deps.service.peek = () => Promise.reject(new Error('connection lost'));
      expect(codeOf(await emit(deps, 'room:peek', [{ roomId: ROOM }]))).toBe(code);
    }
  });

  it('counts as in flight until it is answered', async () => {
    const deps = node();
    let finish!: () => void;
    deps.service.peek = () => new Promise((resolve) => (finish = () => resolve({ ok: true, hostName: 'Ada' })));
    const answered = emit(deps, 'room:peek', [{ roomId: ROOM }]);
    await new Promise((r) => setImmediate(r));
    expect(deps.inFlight.size).toBe(1);
    finish();
    await answered;
    await new Promise((r) => setImmediate(r));
    expect(deps.inFlight.size).toBe(0);
  });
});
