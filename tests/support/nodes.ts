// Real server processes (`node --import tsx server/main.ts`) on one Redis, and a stand-in load balancer,
// for the tests that kill or stop a node.
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer, type Socket } from 'node:net';
import { expect } from 'vitest';
import { freePort } from './redis-server.js';
import { eventually } from './server.js';

/** Limits no test of nodes meets: every client connects from 127.0.0.1. */
const ROOMY_ENV = {
  LIMIT_CONNECTIONS_PER_MINUTE: '100000',
  LIMIT_COMMANDS_PER_SECOND: '100000',
  LIMIT_COMMAND_BURST: '100000',
  LIMIT_ROOM_COMMANDS_PER_SECOND: '100000',
  LIMIT_ROOM_COMMAND_BURST: '100000',
  LIMIT_ADDRESS_COMMANDS_PER_SECOND: '100000',
  LIMIT_ADDRESS_COMMAND_BURST: '100000',
  LIMIT_CREATES_PER_HOUR: '100000',
  LIMIT_FAILED_JOINS_PER_MINUTE: '100000',
  LIMIT_FAILED_JOINS_PER_HOUR: '100000',
};

export interface Node {
  port: number;
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Sends the signal and waits for the process to end. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

/** Starts a server process and waits until it reports ready. DEBUG_NODES=1 shows its logs (info level). */
export async function startNode(redisUrl: string, prefix: string, env: Record<string, string> = {}, port?: number): Promise<Node> {
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    stdio: process.env.DEBUG_NODES ? ['ignore', 'inherit', 'inherit'] : 'ignore',
    env: {
      ...process.env,
      PORT: String(chosen),
      HOST: '127.0.0.1',
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: process.env.DEBUG_NODES ? 'info' : 'silent',
      ...ROOMY_ENV,
      ...env,
    },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const node: Node = {
    port: chosen,
    url: `http://127.0.0.1:${chosen}`,
    child,
    exited,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  await eventually(async () => expect((await fetch(`${node.url}/readyz`)).status).toBe(200), 15_000);
  return node;
}

export interface Balancer {
  url: string;
  /** From now on, nothing the nodes send reaches the clients of the connections open now (an answer lost on the way). */
  holdReplies(): void;
  close(): Promise<void>;
}

/**
 * A stand-in for a load balancer without sticky sessions: each new TCP connection goes to the first of
 * `ports` that accepts it, so when that node dies its clients reconnect to the next one.
 */
export async function failoverBalancer(ports: number[]): Promise<Balancer> {
  const open = new Set<Socket>();
  const pairs = new Set<{ incoming: Socket; outgoing: Socket }>();
  const server = createServer((incoming) => {
    open.add(incoming);
    incoming.once('close', () => open.delete(incoming));
    incoming.pause();
    const tryPort = (index: number) => {
      const port = ports[index];
      if (port === undefined) return incoming.destroy();
      const outgoing = createConnection({ port, host: '127.0.0.1' });
      let connected = false;
      outgoing.on('error', () => (connected ? incoming.destroy() : tryPort(index + 1)));
      outgoing.once('connect', () => {
        connected = true;
        open.add(outgoing);
        outgoing.once('close', () => {
          open.delete(outgoing);
          incoming.destroy();
        });
        incoming.once('close', () => outgoing.destroy());
        incoming.on('error', () => outgoing.destroy());
        incoming.pipe(outgoing).pipe(incoming);
        const pair = { incoming, outgoing };
        pairs.add(pair);
        outgoing.once('close', () => pairs.delete(pair));
        incoming.resume();
      });
    };
    tryPort(0);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    holdReplies() {
      for (const { incoming, outgoing } of pairs) {
        // Still read (and drop), so the node's close is noticed and passed on.
        outgoing.unpipe(incoming);
        outgoing.on('data', () => undefined);
        outgoing.resume();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
