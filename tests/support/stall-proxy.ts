// A TCP proxy between a client and the server that can stall: stop forwarding both ways without
// closing anything, as a network does when it silently loses packets (no reset, no offline event).
// It also counts the bytes it carries, so a test can weigh what an idle connection costs.
import net from 'node:net';

export interface StallProxy {
  /** http://127.0.0.1:<port>, to use instead of the server's own address. */
  url: string;
  /** Stops forwarding: what is sent waits in the proxy; new connections are accepted and held. */
  stall(): void;
  /** Forwards again, starting with whatever waited. */
  resume(): void;
  /** Bytes carried so far: client → server and server → client. */
  readonly carried: { up: number; down: number };
  close(): Promise<void>;
}

export async function startStallProxy(target: string): Promise<StallProxy> {
  const { hostname, port } = new URL(target);
  const ends = new Set<net.Socket>();
  const carried = { up: 0, down: 0 };
  let stalled = false;

  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    for (const end of [client, upstream]) {
      ends.add(end);
      // Reading stops while stalled: the bytes wait unread, and the kernel's buffers tell nobody.
      if (stalled) end.pause();
      end.on('close', () => ends.delete(end));
      end.on('error', () => undefined);
    }
    client.on('data', (chunk: Buffer) => ((carried.up += chunk.length), upstream.write(chunk)));
    upstream.on('data', (chunk: Buffer) => ((carried.down += chunk.length), client.write(chunk)));
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${address.port}`,
    carried,
    stall() {
      stalled = true;
      for (const end of ends) end.pause();
    },
    resume() {
      stalled = false;
      for (const end of ends) end.resume();
    },
    async close() {
      for (const end of ends) end.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
