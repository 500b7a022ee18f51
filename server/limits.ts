// Rate limits, with rate-limiter-flexible: commands per socket, per room and per address (in this
// process: a move's path has no Redis round trip to spare, so each node counts its own), and per IP for
// connections, room creations and failed joins (in Redis, so every node counts together, with an
// in-memory stand-in while Redis is away). The numbers and why: see README "Limits".
import type { Cluster as RedisCluster, Redis } from 'ioredis';
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

const MINUTE = 60;
const HOUR = 3_600;

/** A steady rate with room for a burst above it, kept in this process. */
function bursty(name: string, perSecond: number, burst: number): BurstyRateLimiter {
  return new BurstyRateLimiter(
    new RateLimiterMemory({ points: perSecond, duration: 1, keyPrefix: name }),
    new RateLimiterMemory({ points: Math.max(burst - perSecond, 1), duration: 10, keyPrefix: `${name}-burst` }),
  );
}

export class Limits {
  private commands: BurstyRateLimiter;
  private roomCommands: BurstyRateLimiter;
  private addressCommands: BurstyRateLimiter;
  private connections: RateLimiterAbstract;
  private creates: RateLimiterAbstract;
  private failedJoins: RateLimiterAbstract[];

  constructor(config: LimitsConfig, shared: { redis: Redis | RedisCluster; prefix: string } | null) {
    this.commands = bursty('socket', config.commandsPerSecond, config.commandBurst);
    this.roomCommands = bursty('room', config.roomCommandsPerSecond, config.roomCommandBurst);
    this.addressCommands = bursty('address', config.addressCommandsPerSecond, config.addressCommandBurst);
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
   * when any of them is over. A refused emit still counts, so a flood cannot wait out one limit behind another.
   */
  async command(socketId: string, ip: string, roomId: string | null): Promise<RateCheck> {
    const checks = await Promise.all([
      check(this.commands.consume(socketId)),
      check(this.addressCommands.consume(ip)),
      ...(roomId ? [check(this.roomCommands.consume(roomId))] : []),
    ]);
    const refused = checks.filter((c): c is Extract<RateCheck, { ok: false }> => !c.ok);
    return refused.length === 0 ? { ok: true } : { ok: false, retryAfterMs: Math.max(...refused.map((c) => c.retryAfterMs)) };
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
