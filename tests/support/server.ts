// Starts the real server on a random port and connects real socket.io-client sockets to it.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, Snapshot } from '../../shared/protocol.js';
import { loadConfig, type Config } from '../../server/config.js';
import { createLogger } from '../../server/log.js';
import { startServer, type RunningServer } from '../../server/server.js';
import type { RoomStore } from '../../server/store/types.js';
import { RedisStore } from '../../server/store/redis.js';
import { nanoid } from 'nanoid';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, inject } from 'vitest';
import { fakeSealed, TEST_SEAL } from './sealed.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Limits high enough that only the tests about limits meet them (every test connects from 127.0.0.1). */
export const ROOMY_LIMITS: Config['limits'] = {
  commandsPerSecond: 100_000,
  commandBurst: 100_000,
  roomCommandsPerSecond: 100_000,
  roomCommandBurst: 100_000,
  addressCommandsPerSecond: 100_000,
  addressCommandBurst: 100_000,
  connectionsPerMinute: 100_000,
  createsPerHour: 100_000,
  failedJoinsPerMinute: 100_000,
  failedJoinsPerHour: 100_000,
};

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), port: 0, host: '127.0.0.1', logLevel: 'silent', limits: ROOMY_LIMITS, presenceGraceMs: 200, ...overrides };
}

/** The real server on a random port; `logs`, when given, collects every log line it writes. */
export function startTestServer(store: RoomStore, overrides: Partial<Config> = {}, logs?: string[]): Promise<RunningServer> {
  const config = testConfig(overrides);
  const destination = logs && { write: (line: string) => void logs.push(line) };
  return startServer(config, createLogger(config.logLevel, destination), store);
}

/** A connected client plus everything the server sent it, in order. */
export interface Client {
  socket: ClientSocket;
  received: { event: string; args: unknown[] }[];
  /** The views this client would show, in order (a view older than one already shown is dropped). */
  snapshots: Snapshot[];
  close(): void;
}

export function client(url: string, auth: object = {}, headers: Record<string, string> = {}): Client {
  const socket: ClientSocket = io(url, {
    transports: ['websocket'],
    auth,
    extraHeaders: headers,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    forceNew: true,
  });
  const received: Client['received'] = [];
  const snapshots: Snapshot[] = [];
  socket.onAny((event: string, ...args: unknown[]) => {
    received.push({ event, args });
    if (event !== 'room:snapshot') return;
    // As the browser does: a view older than one this seat already has is ignored. (Views may arrive out
    // of order: the asker gets its own straight away, the partner's change comes through the adapter.)
    const snapshot = args[0] as Snapshot;
    const newest = [...snapshots].reverse().find((s) => s.seat === snapshot.seat);
    if (!newest || newest.version <= snapshot.version) snapshots.push(snapshot);
  });
  return { socket, received, snapshots, close: () => socket.disconnect() };
}

/** The first view this client was sent; throws (for `eventually`) until there is one. */
export function firstSnapshot(c: Client): Snapshot {
  const snapshot = c.snapshots[0];
  if (!snapshot) throw new Error('no snapshot yet');
  return snapshot;
}

export function connected(c: Client): Promise<void> {
  if (c.socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    c.socket.once('connect', () => resolve());
    c.socket.once('connect_error', (error) => reject(error));
  });
}

/** Resolves with the handshake refusal (connect_error data), or rejects if the socket connects. */
export function refused(c: Client): Promise<{ code: string; message: string } | undefined> {
  return new Promise((resolve, reject) => {
    c.socket.once('connect', () => reject(new Error('connected, but should have been refused')));
    c.socket.once('connect_error', (error) => resolve((error as Error & { data?: { code: string; message: string } }).data));
  });
}

/** Waits until `check` (sync or async) passes, polling; fails with the last assertion error after `ms`. */
export async function eventually<T>(check: () => T | Promise<T>, ms = 2_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

let counter = 0;
export function cid(): string {
  counter += 1;
  return `test-cmd-${Date.now().toString(36)}-${counter}`;
}

/** Two people seated in one room (Grace through `graceUrl`, if given): Ada made it on two devices, Grace joined by link. */
export async function seatedPair(url: string, audience: 'partners' | 'friends' | 'family' = 'partners', graceUrl = url) {
  const ada = client(url);
  const grace = client(graceUrl);
  await Promise.all([connected(ada), connected(grace)]);
  const created = await ada.socket.emitWithAck('room:create', { commandId: cid(), name: fakeSealed('Ada'), audience, mode: 'two-devices', seal: TEST_SEAL });
  if (!created.ok) throw new Error(created.error.message);
  const joined = await grace.socket.emitWithAck('room:join', { commandId: cid(), roomId: created.roomId, name: fakeSealed('Grace') });
  if (!joined.ok) throw new Error(joined.error.message);
  const credentials = { ada: created.credentials[0]!, grace: joined.credentials[0]! };
  // As the browser does: from now on each handshake carries the saved token.
  ada.socket.auth = { roomId: created.roomId, tokens: [credentials.ada.token] };
  grace.socket.auth = { roomId: created.roomId, tokens: [credentials.grace.token] };
  return { ada, grace, roomId: created.roomId, credentials };
}

export interface RedisWorld {
  store: RedisStore;
  server: RunningServer;
  /** Clients a test opened; all closed after the suite. */
  clients: Client[];
  /** Every line the server logged (at trace level when asked for), for canary checks. */
  logs: string[];
  /** A plain connection to the same Redis, to read every key a test may search. */
  admin: Redis;
}

/**
 * A real server on the suite's throwaway Redis, under its own key prefix, for one describe block.
 * `logLevel: 'trace'` makes it log everything it can, so a test can show nothing private is in its log.
 */
export function useServerOnRedis(name: string, options: { logLevel?: 'trace' } = {}): RedisWorld {
  const world = { clients: [] as Client[], logs: [] as string[] } as RedisWorld;
  beforeAll(async () => {
    world.store = await RedisStore.connect(inject('redisUrl'), `${name}-${nanoid(8)}`);
    world.server = options.logLevel ? await startTestServer(world.store, { logLevel: options.logLevel }, world.logs) : await startTestServer(world.store);
    world.admin = new Redis(inject('redisUrl'));
  });
  afterAll(async () => {
    world.clients.forEach((c) => c.close());
    await world.server?.close();
    await world.store?.close();
    world.admin?.disconnect();
  });
  return world;
}
