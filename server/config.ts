// Configuration from environment variables, with defaults that run the app on one machine.
import { resolve } from 'node:path';
import type { Lifetimes } from '../shared/room.js';
import type { LimitsConfig } from './limits.js';
import { ROOM_BYTES_MAX } from './rooms.js';

export interface Config {
  port: number;
  host: string;
  /** Unset: rooms live in this process's memory. */
  redisUrl: string | null;
  /** Set: rooms live on this Redis Cluster (host:port of a few of its nodes) instead of REDIS_URL's Redis. */
  redisClusterNodes: string[] | null;
  /** Every Redis key starts with this, so several apps (or test runs) can share one Redis. */
  redisPrefix: string;
  /** Exact origins allowed to open the socket; null means "the page's own origin only". */
  allowedOrigins: string[] | null;
  lifetimes: Lifetimes;
  logLevel: string;
  /** Where the built client is served from (relative paths from the working directory). */
  clientDir: string;
  /** How long in-flight work may take on SIGTERM before the process exits anyway. */
  shutdownGraceMs: number;
  /** How long a seat whose last socket left still shows as online (a reload, a node going away). */
  presenceGraceMs: number;
  /** How often the server pings each connection, and how long it waits for the answer before closing it. */
  pingIntervalMs: number;
  pingTimeoutMs: number;
  limits: LimitsConfig;
  /** Behind a proxy: take the client's address from X-Forwarded-For. */
  trustProxy: boolean;
  /** The room byte budget (ROOM_BYTES_MAX in server/rooms.ts says the number and why). */
  roomBytesMax: number;
  /** Web Push (server/push.ts): VAPID keys from the environment, or null to make them once and keep them in the store. */
  vapid: { publicKey: string; privateKey: string } | null;
  /** Who push services may contact about this server's pushes (an https: or mailto: address). */
  vapidSubject: string;
  /** NODE_ENV=production: push endpoints must be public https push services (no loopback or private address). */
  production: boolean;
}

function vapidKeys(env: NodeJS.ProcessEnv): Config['vapid'] {
  const publicKey = env.VAPID_PUBLIC_KEY ?? '';
  const privateKey = env.VAPID_PRIVATE_KEY ?? '';
  if (!publicKey && !privateKey) return null;
  if (!/^[A-Za-z0-9_-]{87}$/.test(publicKey) || !/^[A-Za-z0-9_-]{43}$/.test(privateKey)) {
    throw new Error('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together, as made by `npx web-push generate-vapid-keys` (base64url, 87 and 43 characters)');
  }
  return { publicKey, privateKey };
}

function vapidSubject(raw: string | undefined): string {
  const subject = raw || 'mailto:closer@example.invalid';
  if (!/^(mailto:\S+@\S+|https:\/\/\S+)$/.test(subject)) throw new Error(`VAPID_SUBJECT must be a mailto: or https: address, got "${subject}"`);
  return subject;
}

const HOUR = 3_600_000;

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`);
  return value;
}

/** A positive number of seconds from the environment, in ms (`fallbackMs` when unset); the bench's relay reads its pings so too. */
export function seconds(env: NodeJS.ProcessEnv, name: string, fallbackMs: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallbackMs;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds, got "${raw}"`);
  return value * 1000;
}

function clusterNodes(raw: string | undefined): string[] | null {
  const nodes = raw?.split(',').map((n) => n.trim()).filter(Boolean) ?? [];
  for (const node of nodes) {
    if (!/^[^:\s]+:\d{1,5}$/.test(node)) throw new Error(`REDIS_CLUSTER_NODES must be host:port,host:port…, got "${node}"`);
  }
  return nodes.length > 0 ? nodes : null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const origins = env.ALLOWED_ORIGINS?.split(',').map((o) => o.trim()).filter(Boolean) ?? [];
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    redisUrl: env.REDIS_URL || null,
    redisClusterNodes: clusterNodes(env.REDIS_CLUSTER_NODES),
    redisPrefix: env.REDIS_PREFIX || 'closer',
    allowedOrigins: origins.length > 0 ? origins : null,
    lifetimes: {
      waitingMs: seconds(env, 'ROOM_WAITING_TTL_SECONDS', HOUR),
      idleMs: seconds(env, 'ROOM_IDLE_TTL_SECONDS', 7 * 24 * HOUR),
      inviteMs: seconds(env, 'INVITE_CODE_TTL_SECONDS', 15 * 60_000),
      transferMs: seconds(env, 'DEVICE_LINK_TTL_SECONDS', 10 * 60_000),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
    clientDir: resolve(env.CLIENT_DIR ?? 'dist/client'),
    shutdownGraceMs: seconds(env, 'SHUTDOWN_GRACE_SECONDS', 10_000),
    presenceGraceMs: seconds(env, 'PRESENCE_GRACE_SECONDS', 5_000),
    pingIntervalMs: seconds(env, 'PING_INTERVAL_SECONDS', 5_000),
    pingTimeoutMs: seconds(env, 'PING_TIMEOUT_SECONDS', 4_000),
    limits: {
      commandsPerSecond: count(env, 'LIMIT_COMMANDS_PER_SECOND', 5),
      commandBurst: count(env, 'LIMIT_COMMAND_BURST', 20),
      roomCommandsPerSecond: count(env, 'LIMIT_ROOM_COMMANDS_PER_SECOND', 10),
      roomCommandBurst: count(env, 'LIMIT_ROOM_COMMAND_BURST', 40),
      addressCommandsPerSecond: count(env, 'LIMIT_ADDRESS_COMMANDS_PER_SECOND', 30),
      addressCommandBurst: count(env, 'LIMIT_ADDRESS_COMMAND_BURST', 120),
      connectionsPerMinute: count(env, 'LIMIT_CONNECTIONS_PER_MINUTE', 20),
      createsPerHour: count(env, 'LIMIT_CREATES_PER_HOUR', 10),
      failedJoinsPerMinute: count(env, 'LIMIT_FAILED_JOINS_PER_MINUTE', 5),
      failedJoinsPerHour: count(env, 'LIMIT_FAILED_JOINS_PER_HOUR', 20),
    },
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    roomBytesMax: count(env, 'ROOM_BYTES_MAX', ROOM_BYTES_MAX),
    vapid: vapidKeys(env),
    vapidSubject: vapidSubject(env.VAPID_SUBJECT),
    production: env.NODE_ENV === 'production',
  };
}
