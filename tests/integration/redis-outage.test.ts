// Redis goes away mid-game and comes back: commands fail fast with a clear "try again", /readyz says
// not ready, the server recovers by itself, and nothing acknowledged is lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { RedisStore } from '../../server/store/redis.js';
import type { RunningServer } from '../../server/server.js';
import { startRedis, type RedisProcess } from '../support/redis-server.js';
import { cid, eventually, seatedPair, startTestServer, type Client } from '../support/server.js';

const redisAvailable = inject('redisUrl') !== '';

describe.runIf(redisAvailable)('a Redis outage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'closer-redis-'));
  let redis: RedisProcess | undefined;
  let server: RunningServer | undefined;
  let store: RedisStore | undefined;
  const clients: Client[] = [];
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await server?.close();
    await store?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails fast while Redis is down, reports not ready, and recovers with nothing acknowledged lost', async () => {
    redis = await startRedis(undefined, dir);
    store = await RedisStore.connect(redis.url, 'outage');
    server = await startTestServer(store);
    const { ada, roomId } = await seatedPair(server.url);
    clients.push(ada);
    const command = () =>
      ada.socket.timeout(5_000).emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'propose', activity: 'question-swap', options: { answerMode: 'talk' } } });
    const before = await command();
    expect(before.ok).toBe(true);
    const acknowledged = before.ok ? before.version : 0;

    await redis.stop();
    const started = Date.now();
    const during = await command();
    const took = Date.now() - started;
    expect(during.ok ? '' : during.error.code).toBe('UNAVAILABLE');
    expect(during.ok ? '' : during.error.message).toMatch(/try again/i);
    expect(took).toBeLessThan(2_000);
    const notReady = await fetch(`${server.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    redis = await startRedis(redis.port, dir);
    await eventually(async () => expect((await fetch(`${server!.url}/readyz`)).status).toBe(200), 10_000);
    const { stored } = await store.load(roomId);
    expect(stored?.version).toBe(acknowledged);
    expect(stored?.room.play.proposal?.activity).toBe('question-swap');
    const after = await eventually(async () => {
      const answer = await ada.socket.timeout(5_000).emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'withdraw' } });
      expect(answer.ok).toBe(true);
      return answer;
    }, 10_000);
    expect(after.ok && after.version).toBe(acknowledged + 1);
  });
});
