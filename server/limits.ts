// Rate limits, with rate-limiter-flexible: per socket for commands (in this process, like the socket),
// per IP for connections, room creations and failed joins (in Redis, so every node counts together,
// with an in-memory stand-in while Redis is away). The numbers and why: see README "Limits".
import type { Redis } from 'ioredis';
import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export interface LimitsConfig {
  commandsPerSecond: number;
  commandBurst: number;
  connectionsPerMinute: number;
  createsPerHour: number;
  failedJoinsPerMinute: number;
  failedJoinsPerHour: number;
}

export type RateCheck = { ok: true } | { ok: false; retryAfterMs: number };

const MINUTE = 60;
const HOUR = 3_600;

export class Limits {
  private commands: BurstyRateLimiter;
  private connections: RateLimiterAbstract;
  private creates: RateLimiterAbstract;
  private failedJoins: RateLimiterAbstract[];

  constructor(config: LimitsConfig, shared: { redis: Redis; prefix: string } | null) {
    this.commands = new BurstyRateLimiter(
      new RateLimiterMemory({ points: config.commandsPerSecond, duration: 1 }),
      new RateLimiterMemory({ points: Math.max(config.commandBurst - config.commandsPerSecond, 1), duration: 10 }),
    );
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

  command(socketId: string): Promise<RateCheck> {
    return check(this.commands.consume(socketId));
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
