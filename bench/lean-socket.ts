// A lean Socket.IO client for the load generators: Engine.IO v4 and Socket.IO v5 text packets over a
// bare `ws` WebSocket, and nothing else (no polling, upgrade, reconnection, buffering, binary or other
// namespaces). At 9,980 rooms four generators with socket.io-client took half of the two cores the server
// needs; this speaks the same bytes to the server for less of the generators' CPU. docs/PERFORMANCE.md,
// "A lean load generator", compares the two.
//
// The packets it knows (Engine.IO type, then Socket.IO type, on the main namespace "/"):
//   ← 0{sid,pingInterval,…}   Engine.IO open            → 40{auth}        Socket.IO CONNECT with the auth
//   ← 40{sid}                 connected                 ← 44{message,data} connect error (the handshake's refusal)
//   ← 2                       ping                      → 3               pong
//   → 42<id>["event",data]    emit, with an ack id      ← 43<id>[answer]  the ack
//   ← 42["event",data]        an event from the server  ← 41 / 1          disconnect / close
import WebSocket from 'ws';

/**
 * The longest any lean socket of this process waited between two pings since `reset`: socket.io-client
 * closes a connection that hears none within pingInterval + pingTimeout, which this client never does.
 */
export const pingGaps = {
  longestMs: 0,
  reset(): void {
    this.longestMs = 0;
  },
};

/** What the server said when it refused the connection: `data` as socket.io-client's `connect_error.data`. */
export class ConnectError extends Error {
  constructor(
    message: string,
    readonly data: unknown,
  ) {
    super(message);
  }
}

export type Listener = (...args: never[]) => void;
/** What the ack of an event `(data, ack: (answer) => void) => void` is answered with. */
export type Answer<F> = F extends (data: never, ack: (answer: infer A) => void) => void ? A : never;
export type Data<F> = F extends (data: infer D, ...rest: never[]) => void ? D : never;

/** `In`: the events the server sends; `Out`: the events this client emits, each with its ack last. */
export class LeanSocket<In, Out> {
  private readonly listeners = new Map<string, Listener>();
  private readonly acks = new Map<number, (args: unknown[]) => void>();
  private nextAckId = 0;
  private lastPingAt: number | null = null;

  private constructor(private readonly ws: WebSocket) {
    ws.on('close', () => {
      // Whoever still waits for an ack hears no answer, as when the ack's time runs out.
      for (const ack of this.acks.values()) ack([]);
      this.acks.clear();
    });
  }

  /** Connects to `url` (http://host:port) and sends `auth` in the CONNECT packet, as socket.io-client's `auth` option. */
  static connect<In, Out>(url: string, auth: object): Promise<LeanSocket<In, Out>> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
    const socket = new LeanSocket<In, Out>(ws);
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        ws.terminate();
        reject(error);
      };
      ws.once('error', fail);
      ws.once('close', () => reject(new Error('closed before connecting')));
      ws.on('message', (data, isBinary) => {
        const text = data.toString();
        if (isBinary) return fail(new Error('binary frame (not spoken here)'));
        switch (text[0]) {
          case '0':
            return ws.send(`40${JSON.stringify(auth)}`);
          case '2':
            socket.pinged();
            return ws.send('3');
          case '1':
            return ws.close();
          case '4':
            return socket.onPacket(text.slice(1), resolve, fail);
          default:
            return fail(new Error(`unknown Engine.IO packet "${text[0]}"`));
        }
      });
    });
  }

  private pinged(): void {
    const now = performance.now();
    if (this.lastPingAt !== null) pingGaps.longestMs = Math.max(pingGaps.longestMs, now - this.lastPingAt);
    this.lastPingAt = now;
  }

  private onPacket(packet: string, connected: (socket: this) => void, fail: (error: Error) => void): void {
    switch (packet[0]) {
      case '0':
        return connected(this);
      case '4': {
        const refusal = JSON.parse(packet.slice(1)) as { message: string; data?: unknown };
        return fail(new ConnectError(refusal.message, refusal.data));
      }
      case '2': {
        // An ack id before the array means the server wants an answer: Closer never asks one of a client.
        const [event, ...args] = JSON.parse(packet.slice(packet.indexOf('['))) as [string, ...unknown[]];
        (this.listeners.get(event) as ((...args: unknown[]) => void) | undefined)?.(...args);
        return;
      }
      case '3': {
        const open = packet.indexOf('[');
        const id = Number(packet.slice(1, open));
        const ack = this.acks.get(id);
        this.acks.delete(id);
        ack?.(JSON.parse(packet.slice(open)) as unknown[]);
        return;
      }
      case '1':
        return this.ws.close();
      default:
        return fail(new Error(`unknown Socket.IO packet "${packet[0]}"`));
    }
  }

  /** One listener an event (all the generators need). */
  on<E extends keyof In & string>(event: E, listener: In[E] & Listener): void {
    this.listeners.set(event, listener);
  }

  /** Emits with an ack; resolves with the ack's answer, rejects after `timeoutMs` (socket.io-client's `timeout().emitWithAck`). */
  emitWithAck<E extends keyof Out & string>(event: E, data: Data<Out[E]>, timeoutMs: number): Promise<Answer<Out[E]>> {
    const id = this.nextAckId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(id);
        reject(new Error('operation has timed out'));
      }, timeoutMs);
      this.acks.set(id, (args) => {
        clearTimeout(timer);
        if (args.length === 0 && this.ws.readyState !== WebSocket.OPEN) reject(new Error('disconnected'));
        else resolve(args[0] as Answer<Out[E]>);
      });
      this.ws.send(`42${id}${JSON.stringify([event, data])}`);
    });
  }

  /** Says goodbye to the namespace, then closes, as socket.io-client's `disconnect()` does. */
  disconnect(): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send('41');
    this.ws.close();
  }
}
