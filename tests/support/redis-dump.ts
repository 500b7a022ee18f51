// Reads a whole Redis: every key with everything it holds, as text, so a test can look for what must not be there.
import type { Redis } from 'ioredis';

/** Every key in the Redis with everything it holds, as text, read by its type. */
export async function everything(redis: Redis): Promise<{ key: string; type: string; text: string }[]> {
  const found: { key: string; type: string; text: string }[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      const value =
        type === 'string' ? await redis.get(key)
        : type === 'hash' ? await redis.hgetall(key)
        : type === 'list' ? await redis.lrange(key, 0, -1)
        : type === 'stream' ? await redis.xrange(key, '-', '+')
        : type === 'set' ? await redis.smembers(key)
        : type === 'zset' ? await redis.zrange(key, '0', '-1')
        : `unread type ${type}`;
      found.push({ key, type, text: JSON.stringify(value) });
    }
  } while (cursor !== '0');
  return found;
}
