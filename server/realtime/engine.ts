// The Engine.IO server Socket.IO binds to (`io.bind`), in place of the `engine.io` package: Engine.IO v4
// over WebSocket only, which is all Closer's clients speak (`transports: ['websocket']`). Socket.IO, its
// adapter and socket.io-client are unchanged; what goes is the per-connection weight of a general engine
// (polling, upgrades, write buffers, a timer or two per socket, the upgrade request kept for the socket's
// life): about 8 KB of live heap a socket (docs/PERFORMANCE.md, "A lean engine").
//
// The wire is Engine.IO's: the open packet `0{sid,upgrades,pingInterval,pingTimeout,maxPayload}`, `4<data>`
// messages (binary frames as they are), the server's ping `2` and the client's pong `3`, `1` to close.
// Handshake errors answer as engine.io does (HTTP 400, or 403 to a plain request the origin check refuses).
// Pings do not take a timer per socket: a short tick pings the sockets whose turn it is, so each is pinged
// every pingInterval, and a socket that has not answered within pingTimeout is closed ("ping timeout").
// The ticks follow the clock, not the timer's calls: a busy event loop calls the timer late, and a ring
// moved one turn a call would then ping each socket later than its interval, until socket.io-client,
// which gives up on a server silent for interval + timeout, closed ("ping timeout") every connection.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

export interface EngineOptions {
  /** Where Socket.IO's client connects, with the trailing slash ('/socket.io/'). */
  path: string;
  pingIntervalMs: number;
  pingTimeoutMs: number;
  /** Largest message a client may send; a larger one closes its connection (ws answers 1009). */
  maxPayload: number;
  /** Whether to take this handshake (the origin check); `callback(null, false)` refuses it. */
  allowRequest(request: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void): void;
}

/** Why a connection closed, as Engine.IO names it (Socket.IO passes it on as the disconnect reason). */
export type CloseReason = 'transport close' | 'transport error' | 'ping timeout' | 'forced close' | 'parse error' | 'server shutting down';

/**
 * The request headers a socket keeps (`socket.handshake.headers`): those Closer reads after the handshake
 * (the proxy's client address, handshake.ts) and the origin Socket.IO reads. A browser's upgrade request
 * carries a dozen more (user agent, languages, cookies) that would stay with every socket for its life.
 */
const KEPT_HEADERS = ['origin', 'x-forwarded-for'] as const;

/** What Socket.IO's handshake reads of the upgrade request; the request itself is let go. */
interface KeptRequest {
  headers: Record<string, string | string[]>;
  url: string;
  _query: Record<string, string>;
  connection: { encrypted: boolean };
}

const ERRORS = {
  UNKNOWN_TRANSPORT: [0, 'Transport unknown'],
  UNKNOWN_SID: [1, 'Session ID unknown'],
  BAD_REQUEST: [3, 'Bad request'],
  FORBIDDEN: [4, 'Forbidden'],
  UNSUPPORTED_PROTOCOL_VERSION: [5, 'Unsupported protocol version'],
} as const;
type EngineError = (typeof ERRORS)[keyof typeof ERRORS];

/** The transport every connection has; Socket.IO reads `writable` only for volatile packets. */
const WEBSOCKET = Object.freeze({ name: 'websocket', writable: true });

/** One client's Engine.IO connection: the `conn` of a Socket.IO socket. */
export class EngineConnection extends EventEmitter {
  readonly protocol = 4;
  readonly transport = WEBSOCKET;
  readyState: 'open' | 'closing' | 'closed' = 'open';
  /** Its writes are held until this task's promises have settled (`hold`). */
  private holding = false;
  /** @internal Its ping turn, and the deadline slot it waits in for its pong (null when it owes none). */
  turn: Set<EngineConnection> | null = null;
  awaiting: Set<EngineConnection> | null = null;

  constructor(
    readonly id: string,
    readonly request: KeptRequest,
    readonly remoteAddress: string,
    private readonly ws: WebSocket,
    /** The TCP socket under `ws`, the upgrade's own. */
    private readonly socket: Duplex,
    private readonly engine: LeanEngine,
  ) {
    super();
  }

  /** Sends one Socket.IO packet, as encoded: text as a message, binary as a binary frame. */
  write(data: string | Buffer): void {
    if (this.readyState !== 'open') return;
    this.ws.send(typeof data === 'string' ? `4${data}` : data);
  }

  /**
   * Holds what is written to it until the promises of the task now running have settled, then sends it
   * all in one write: on loopback the kernel's write is most of what a small message costs.
   */
  hold(): void {
    if (this.holding || this.readyState !== 'open') return;
    this.holding = true;
    this.socket.cork();
    // A tick queued from a promise's callback runs once no promise callback is left: wherever hold is
    // called from (a tick queued in a tick would run before that tick's promises).
    queueMicrotask(() =>
      process.nextTick(() => {
        this.holding = false;
        this.socket.uncork();
      }),
    );
  }

  /** Closes after what was written has gone (ws sends its close frame behind them). */
  close(): void {
    if (this.readyState !== 'open') return;
    this.readyState = 'closing';
    this.ws.close();
    this.closed('forced close');
  }

  /** @internal One WebSocket message. */
  received(data: RawData, isBinary: boolean): void {
    if (this.readyState === 'closed') return;
    if (isBinary) return void this.emit('data', Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer));
    const text = data.toString();
    switch (text[0]) {
      case '4':
        this.emit('data', text.slice(1));
        return;
      case '3':
        this.engine.answered(this);
        return;
      case '1':
        this.ws.close();
        return this.closed('transport close');
      case '6':
        return;
      case '2':
        // Protocol v4: the server pings, never the client.
        this.ws.close();
        return this.closed('transport error', new Error('invalid heartbeat direction'));
      default:
        this.ws.close();
        return this.closed('parse error');
    }
  }

  /** @internal Pings it (the engine's tick). */
  ping(): void {
    this.ws.send('2');
  }

  /** @internal Its pong did not come in time. */
  timedOut(): void {
    this.ws.terminate();
    this.closed('ping timeout');
  }

  /** @internal Once, whatever closed it. */
  closed(reason: CloseReason, description?: Error): void {
    if (this.readyState === 'closed') return;
    this.readyState = 'closed';
    this.engine.forget(this);
    this.emit('close', reason, description);
  }
}

/** The Engine.IO server: give it to Socket.IO with `io.bind(engine)`, then `attach` it to the HTTP server. */
export class LeanEngine extends EventEmitter {
  clientsCount = 0;
  private readonly clients = new Map<string, EngineConnection>();
  private readonly wss: WebSocketServer;
  /** Connections by ping turn: each tick pings one slot's. */
  private readonly turns: Set<EngineConnection>[];
  /** Connections owing a pong, by the tick their time runs out (modulo the ring's length). */
  private readonly deadlines: Set<EngineConnection>[];
  private readonly timeoutTicks: number;
  private readonly tickMs: number;
  private readonly ticker: NodeJS.Timeout;
  private readonly startedAt = performance.now();
  /** The last tick done: ticks are counted on the clock from `startedAt`. */
  private tick = 0;
  /** Connections whose pong is due: closed once what has arrived is read, unless it was their pong. */
  private readonly expiring = new Set<EngineConnection>();

  constructor(private readonly options: EngineOptions) {
    super();
    this.wss = new WebSocketServer({ noServer: true, clientTracking: false, perMessageDeflate: false, maxPayload: options.maxPayload });
    // Ticks of at most 50 ms: at 10,000 rooms a 1 s tick would send 4,000 pings at once, a burst in the tail.
    this.tickMs = Math.max(10, gcd(gcd(options.pingIntervalMs, options.pingTimeoutMs), 50));
    this.turns = Array.from({ length: Math.max(1, Math.round(options.pingIntervalMs / this.tickMs)) }, () => new Set());
    this.timeoutTicks = Math.max(1, Math.round(options.pingTimeoutMs / this.tickMs));
    this.deadlines = Array.from({ length: this.timeoutTicks + 1 }, () => new Set());
    this.ticker = setInterval(() => this.onTick(), this.tickMs);
    this.ticker.unref();
  }

  /** Takes the HTTP server's upgrades and requests on `path`; every other request goes where it went before. */
  attach(http: HttpServer): void {
    const before = http.listeners('request').slice() as ((req: IncomingMessage, res: ServerResponse) => void)[];
    http.removeAllListeners('request');
    http.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (this.handles(req)) return refuseRequest(res, queryOf(req).transport === 'websocket' ? ERRORS.BAD_REQUEST : ERRORS.UNKNOWN_TRANSPORT);
      for (const listener of before) listener.call(http, req, res);
    });
    http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (this.handles(req)) return this.upgrade(req, socket, head);
      // As engine.io does: an upgrade nobody takes is ended rather than left open.
      socket.on('error', () => undefined);
      setTimeout(() => {
        if (socket.writable && (socket as Duplex & { bytesWritten?: number }).bytesWritten === 0) socket.end();
      }, 1_000).unref();
    });
    http.on('close', () => this.close());
  }

  /** Closes every connection (Socket.IO's `io.close()` calls it). */
  close(): this {
    for (const connection of [...this.clients.values()]) connection.close();
    clearInterval(this.ticker);
    return this;
  }

  private handles(req: IncomingMessage): boolean {
    return req.url?.startsWith(this.options.path) ?? false;
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const query = queryOf(req);
    const refused = query.transport !== 'websocket' ? ERRORS.UNKNOWN_TRANSPORT : query.sid !== undefined ? ERRORS.UNKNOWN_SID : query.EIO !== '4' ? ERRORS.UNSUPPORTED_PROTOCOL_VERSION : null;
    if (refused) return refuseUpgrade(socket, refused[1]);
    this.options.allowRequest(req, (message, success) => {
      if (!success) return refuseUpgrade(socket, message || ERRORS.FORBIDDEN[1]);
      this.wss.handleUpgrade(req, socket, head, (ws) => this.open(req, query, ws, socket));
    });
  }

  private open(req: IncomingMessage, query: Record<string, string>, ws: WebSocket, socket: Duplex): void {
    const id = randomBytes(15).toString('base64url');
    const headers: Record<string, string | string[]> = {};
    for (const name of KEPT_HEADERS) {
      const value = req.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    const kept: KeptRequest = { headers, url: req.url ?? '', _query: query, connection: { encrypted: Boolean((req.socket as { encrypted?: boolean }).encrypted) } };
    const connection = new EngineConnection(id, kept, req.socket.remoteAddress ?? '', ws, socket, this);
    ws.on('message', (data, isBinary) => connection.received(data, isBinary));
    ws.once('close', () => connection.closed('transport close'));
    // ws closes the socket itself after an error (a message over maxPayload: close code 1009).
    ws.on('error', (error) => connection.closed('transport error', error));
    // The turn just pinged: its first ping comes an interval from now, as engine.io's timer would.
    connection.turn = this.turns[this.tick % this.turns.length]!;
    connection.turn.add(connection);
    this.clients.set(id, connection);
    this.clientsCount++;
    const { pingIntervalMs, pingTimeoutMs, maxPayload } = this.options;
    ws.send(`0${JSON.stringify({ sid: id, upgrades: [], pingInterval: pingIntervalMs, pingTimeout: pingTimeoutMs, maxPayload })}`);
    this.emit('connection', connection);
  }

  /** @internal */
  answered(connection: EngineConnection): void {
    connection.awaiting?.delete(connection);
    connection.awaiting = null;
  }

  /** @internal */
  forget(connection: EngineConnection): void {
    if (!this.clients.delete(connection.id)) return;
    this.clientsCount--;
    connection.turn?.delete(connection);
    this.answered(connection);
  }

  /**
   * Does what the clock says is due since the last tick: late calls catch up. The deadlines passed come
   * first, then the turns passed, each slot once however late; a ping sent late is due a timeout after it
   * was sent.
   */
  private onTick(): void {
    const due = Math.floor((performance.now() - this.startedAt) / this.tickMs);
    if (due <= this.tick) return;
    const last = this.tick;
    this.tick = due;
    for (let tick = Math.max(last, due - this.deadlines.length) + 1; tick <= due; tick++) this.expireAt(tick);
    // The slot the tick before this one emptied (the ring is one longer than the timeout).
    const deadline = this.deadlines[(due + this.timeoutTicks) % this.deadlines.length]!;
    for (let tick = Math.max(last, due - this.turns.length) + 1; tick <= due; tick++) this.pingTurn(tick, deadline);
    // Timers run before the event loop reads its sockets: after a stall, a pong may be waiting unread.
    // The check phase comes after that read, so only those still owing one are closed.
    if (this.expiring.size > 0) setImmediate(() => this.expire());
  }

  /** The connections whose pong was due at `tick`, to be closed unless it has come by the check phase. */
  private expireAt(tick: number): void {
    const slot = this.deadlines[tick % this.deadlines.length]!;
    for (const connection of slot) {
      connection.awaiting = this.expiring;
      this.expiring.add(connection);
    }
    slot.clear();
  }

  private pingTurn(tick: number, deadline: Set<EngineConnection>): void {
    for (const connection of this.turns[tick % this.turns.length]!) {
      // Still owing the last pong (a timeout longer than the interval): its own deadline closes it.
      if (connection.awaiting) continue;
      connection.awaiting = deadline;
      deadline.add(connection);
      connection.ping();
    }
  }

  private expire(): void {
    for (const connection of [...this.expiring]) connection.timedOut();
  }
}

/** Holds a Socket.IO socket's writes until this task's promises have settled (EngineConnection.hold), on this engine's connections. */
export function holdWrites(conn: object): void {
  if (conn instanceof EngineConnection) conn.hold();
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function queryOf(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? '/', 'http://closer.invalid').searchParams);
}

function refuseRequest(res: ServerResponse, [code, message]: EngineError): void {
  res.writeHead(400, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ code, message }));
}

function refuseUpgrade(socket: Duplex, message: string): void {
  socket.on('error', () => undefined);
  if (socket.writable) {
    socket.write(`HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-type: text/html\r\nContent-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`);
  }
  socket.destroy();
}
