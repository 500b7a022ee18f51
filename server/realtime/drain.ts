// Stopping a node without losing an answer: the commands being handled are counted, and a stopping
// node waits for them before it closes each connection once its last answers have gone out.

/** Commands being handled now. */
export class InFlight {
  private count = 0;
  private waiting: (() => void)[] = [];

  get size(): number {
    return this.count;
  }

  /** Counts `work` until it settles, whether it succeeds or fails. */
  track(work: Promise<unknown>): void {
    this.count += 1;
    void work
      .catch(() => undefined)
      .finally(() => {
        this.count -= 1;
        if (this.count === 0) for (const resolve of this.waiting.splice(0)) resolve();
      });
  }

  /** Resolves once nothing is in flight, or after `timeoutMs`, whichever comes first. */
  settled(timeoutMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== done);
        resolve();
      }, timeoutMs);
      this.waiting.push(done);
    });
  }
}

/** What the drain needs of the Socket.IO server: its sockets' connections and how many are open. */
export interface DrainableServer {
  sockets: { sockets: ReadonlyMap<string, { conn: { close(): unknown } }> };
  engine: { clientsCount: number };
}

/**
 * Waits (up to `timeoutMs` in all) for the commands in flight to be answered, then closes every
 * connection and waits for them to be gone.
 */
export async function drainConnections(io: DrainableServer, inFlight: InFlight, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await inFlight.settled(timeoutMs);
  // Close each connection only once what was written to it (the last answers) has gone out;
  // Socket.IO's own close would discard it. Their clients see the transport close and reconnect.
  for (const socket of io.sockets.sockets.values()) socket.conn.close();
  while (io.engine.clientsCount > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}
