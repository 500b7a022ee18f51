// The calls the orchestrator (run.ts) makes to a load generator (generator.ts) over Node's IPC channel.
// One typed map of calls, so both sides agree on every argument and answer.
import type { ChildProcess } from 'node:child_process';

/** What a pair of people talks to. */
export type Target =
  /** The bare Socket.IO relay (relay-server.ts). */
  | { kind: 'relay'; url: string }
  /** Closer: A is served by node `a`, B by node `b` (the same URL for one node). */
  | { kind: 'closer'; a: string; b: string }
  /** No partner: one ioredis PING, the floor of one Redis round trip. */
  | { kind: 'redis-ping'; url: string };

/**
 * Who speaks Socket.IO for the generator's people: the lean client (lean-socket.ts), cheap enough to keep
 * the generators off the server's cores, or socket.io-client, the browser's. BENCH_CLIENT picks (config.ts).
 */
export type ClientKind = 'lean' | 'socket.io';

/** What a measuring window saw, in one generator. */
export interface WindowResult {
  /** Partner latencies (ms) of the moves that started in the window. */
  latencies: number[];
  /** Moves answered with an error, by error code (NO_ANSWER: no ack within the timeout). */
  failed: Record<string, number>;
  /** Moves the server accepted but whose new view never reached the partner within the timeout. */
  lost: number;
  /** Moves not sent because the room's previous move was still waiting for its partner. */
  skipped: number;
  /** This generator's event-loop delay over the window (ms): time the generator, not the server, added. */
  loopDelay: { p50: number; p99: number; max: number };
  /** The longest one of its lean sockets waited between two pings (ms; 0 with socket.io-client, which keeps its own timer). */
  longestPingGapMs: number;
}

export interface Calls {
  /** Opens pairs for a latency scenario and keeps them under its name. */
  openPairs: {
    args: { scenario: string; client: ClientKind; target: Target; pairs: number };
    result: { roomIds: string[]; snapshotBytes: number };
  };
  /** `warmup + moves` moves, one every `gapMs` over the scenario's pairs, alternating seats; the warm-up is not measured. */
  latencyBlock: { args: { scenario: string; warmup: number; moves: number; gapMs: number }; result: WindowResult };
  /**
   * Opens rooms on a Closer node (or pairs on the bare relay) until this generator holds `rooms` (or
   * `deadlineMs` has passed); each starts moving as soon as it is open.
   */
  openRooms: {
    args: { client: ClientKind; target: Target; rooms: number; perSecond: number; moveEveryMs: number; deadlineMs: number };
    result: { rooms: number; failedOpens: number };
  };
  measureStart: { args: null; result: null };
  /** Ends the window once every move started in it has been answered or has timed out. */
  measureStop: { args: null; result: WindowResult };
  /** Moves committed (acknowledged ok) so far, over every room and scenario. */
  committed: { args: null; result: number };
  stopMoves: { args: null; result: null };
  /** A sample of the live rooms' ids and the keys their lookups were stored under. */
  roomSample: { args: { count: number }; result: { movesPerRoom: number; roomIds: string[]; codes: string[]; claimIds: string[] } };
}

export type CallName = keyof Calls;

export interface Request<K extends CallName = CallName> {
  id: number;
  call: K;
  args: Calls[K]['args'];
}

export type Reply = { id: number; result: unknown } | { id: number; error: string };

/** The orchestrator's handle on a generator process. */
export class GeneratorClient {
  private nextId = 0;
  private pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.on('message', (message: Reply) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if ('error' in message) waiting.reject(new Error(`${name}: ${message.error}`));
      else waiting.resolve(message.result);
    });
    child.on('exit', (code) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(`${name} exited (${code})`));
      this.pending.clear();
    });
  }

  call<K extends CallName>(call: K, args: Calls[K]['args']): Promise<Calls[K]['result']> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, call, args } satisfies Request<K>);
    });
  }
}

export type Handlers = { [K in CallName]: (args: Calls[K]['args']) => Promise<Calls[K]['result']> };

/** The generator's side: answers each request with its handler. */
export function serve(handlers: Handlers): void {
  process.on('message', (request: Request) => {
    const handler = handlers[request.call] as (args: unknown) => Promise<unknown>;
    handler(request.args).then(
      (result) => process.send?.({ id: request.id, result } satisfies Reply),
      (error: unknown) => process.send?.({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies Reply),
    );
  });
}
