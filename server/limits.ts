// Rate limits: commands per socket, per room and per address as token buckets in this process (a move's
// path has no Redis round trip to spare, so each node counts its own), and, with rate-limiter-flexible,
// per IP for connections, room creations and failed joins (in Redis, so every node counts together, with
// an in-memory stand-in while Redis is away). The numbers and why: see README "Limits".
import type { Cluster as RedisCluster, Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export interface LimitsConfig {
  commandsPerSecond: number;
  commandBurst: number;
  /** All sockets of one room together (both people, every device). */
  roomCommandsPerSecond: number;
  roomCommandBurst: number;
  /** All sockets from one address together (a household, or many rooms behind one NAT). */
  addressCommandsPerSecond: number;
  addressCommandBurst: number;
  connectionsPerMinute: number;
  createsPerHour: number;
  failedJoinsPerMinute: number;
  failedJoinsPerHour: number;
}

export type RateCheck = { ok: true } | { ok: false; retryAfterMs: number };

const ALLOWED: RateCheck = Object.freeze({ ok: true });
const MINUTE = 60;
const HOUR = 3_600;

/** Buckets already full are forgotten this often (on a take, so no timer outlives the server). */
const SWEEP_MS = 10_000;

/**
 * A steady rate with room for a burst above it, per key, in this process: each key's bucket holds up to
 * `burst` tokens and refills at `perSecond`; a command takes one. Synchronous and without timers, because
 * it is on every move's path: rate-limiter-flexible's memory limiters there made two promises, a result
 * and a timer per key and second, 6 % of what a move allocated at 7,000 rooms (docs/PERFORMANCE.md).
 */
export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();
  private sweptAt: number;

  constructor(
    private perSecond: number,
    private burst: number,
    private now: () => number = Date.now,
  ) {
    this.sweptAt = now();
  }

  /** Takes a token from the key's bucket: 0 when there was one, else the ms until there will be. */
  take(key: string): number {
    const now = this.now();
    if (now - this.sweptAt >= SWEEP_MS) this.sweep(now);
    const bucket = this.buckets.get(key);
    if (!bucket) {
      this.buckets.set(key, { tokens: this.burst - 1, at: now });
      return 0;
    }
    bucket.tokens = this.filled(bucket, now);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) * 1_000) / this.perSecond);
  }

  /** How many keys have a bucket that is not full: for the tests. */
  get size(): number {
    return this.buckets.size;
  }

  private filled(bucket: { tokens: number; at: number }, now: number): number {
    return Math.min(this.burst, bucket.tokens + ((now - bucket.at) * this.perSecond) / 1_000);
  }

  /** A full bucket is the same as none. */
  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) if (this.filled(bucket, now) >= this.burst) this.buckets.delete(key);
  }
}

export class Limits {
  private commands: TokenBuckets;
  private roomCommands: TokenBuckets;
  private addressCommands: TokenBuckets;
  private connections: RateLimiterAbstract;
  private creates: RateLimiterAbstract;
  private failedJoins: RateLimiterAbstract[];

  constructor(config: LimitsConfig, shared: { redis: Redis | RedisCluster; prefix: string } | null) {
    this.commands = new TokenBuckets(config.commandsPerSecond, config.commandBurst);
    this.roomCommands = new TokenBuckets(config.roomCommandsPerSecond, config.roomCommandBurst);
    this.addressCommands = new TokenBuckets(config.addressCommandsPerSecond, config.addressCommandBurst);
    const counter = (name: string, points: number, duration: number): RateLimiterAbstract => {
      const memory = new RateLimiterMemory({ points, duration, keyPrefix: name });
      if (!shared) return memory;
      return new RateLimiterRedis({
        storeClient: shared.redis,
        keyPrefix: `${shared.prefix}:limit:${name}`,
        points,
        duration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      });
    };
    this.connections = counter('connect', config.connectionsPerMinute, MINUTE);
    this.creates = counter('create', config.createsPerHour, HOUR);
    this.failedJoins = [
      counter('join-minute', config.failedJoinsPerMinute, MINUTE),
      counter('join-hour', config.failedJoinsPerHour, HOUR),
    ];
  }

  /**
   * One emit from a socket: counted against the socket, its address and (once seated) its room; refused
   * when any of them is over. Each takes its token even when another refuses, so a flood cannot wait out
   * one limit behind another.
   */
  command(socketId: string, ip: string, roomId: string | null): RateCheck {
    const waitMs = Math.max(
      this.commands.take(socketId),
      this.addressCommands.take(ip),
      roomId ? this.roomCommands.take(roomId) : 0,
    );
    return waitMs === 0 ? ALLOWED : { ok: false, retryAfterMs: waitMs };
  }

  connection(ip: string): Promise<RateCheck> {
    return check(this.connections.consume(ip));
  }

  create(ip: string): Promise<RateCheck> {
    return check(this.creates.consume(ip));
  }

  /** Before a join: refused while this address has used up its failed joins. */
  async joinAllowed(ip: string): Promise<RateCheck> {
    for (const limiter of this.failedJoins) {
      const seen = await limiter.get(ip).catch(() => null);
      if (seen && seen.remainingPoints <= 0) return { ok: false, retryAfterMs: seen.msBeforeNext };
    }
    return { ok: true };
  }

  /** After a join that failed (wrong code, full or unknown room). */
  async failedJoin(ip: string): Promise<void> {
    await Promise.all(this.failedJoins.map((limiter) => limiter.consume(ip).catch(() => undefined)));
  }
}

async function check(consumed: Promise<unknown>): Promise<RateCheck> {
  try {
    await consumed;
    return { ok: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { ok: false, retryAfterMs: rejection.msBeforeNext };
    // The store itself failed and no stand-in answered: let the request through rather than lock people out.
    return { ok: true };
  }
}
