// The drain: commands in flight are counted, and a stopping node waits for them (never longer than
// its deadline) before it closes each connection.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InFlight, drainConnections, type DrainableServer } from '../../../server/realtime/drain.js';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('commands in flight', () => {
  afterEach(() => vi.useRealTimers());

  it('are counted until each one settles, answered or failed', async () => {
    const inFlight = new InFlight();
    const answered = deferred();
    const failed = deferred();
    inFlight.track(answered.promise);
    inFlight.track(failed.promise);
    expect(inFlight.size).toBe(2);
    answered.resolve();
    failed.reject(new Error('redis went away'));
    await inFlight.settled(60_000);
    expect(inFlight.size).toBe(0);
  });

  it('with none in flight, nothing is waited for', async () => {
    vi.useFakeTimers();
    let done = false;
    void new InFlight().settled(60_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('a command that never settles is waited for only until the deadline', async () => {
    vi.useFakeTimers();
    const inFlight = new InFlight();
    inFlight.track(new Promise(() => undefined));
    let done = false;
    void inFlight.settled(1_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    expect(inFlight.size).toBe(1);
  });
});

describe('draining the connections', () => {
  it('closes every connection only after the command in flight is answered', async () => {
    const closed: string[] = [];
    const inFlight = new InFlight();
    const io: DrainableServer = {
      sockets: {
        sockets: new Map(['a', 'b'].map((id) => [id, { conn: { close: () => void closed.push(id) } }])),
      },
      engine: { clientsCount: 2 },
    };
    const command = deferred();
    inFlight.track(command.promise);
    const drained = drainConnections(io, inFlight, 60_000);
    await new Promise((r) => setImmediate(r));
    expect(closed).toEqual([]);
    command.resolve();
    await new Promise((r) => setImmediate(r));
    expect(closed).toEqual(['a', 'b']);
    io.engine.clientsCount = 0;
    await drained;
  });
});
