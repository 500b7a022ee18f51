// A server restart mid-room: both people come back to their seats, with nothing lost, because the
// room lives in Redis and every connect is answered with a full snapshot.
import { nanoid } from 'nanoid';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { RedisStore } from '../../server/store/redis.js';
import { eventually, seatedPair, startTestServer, type Client } from '../support/server.js';
import { fakeSealed } from '../support/sealed.js';

const redisUrl = inject('redisUrl');

describe.runIf(redisUrl !== '')('server restart', () => {
  const open: Client[] = [];
  afterAll(() => open.forEach((c) => c.close()));

  it('keeps both seats: the same sockets reconnect with their tokens to the new server', async () => {
    const prefix = `restart-${nanoid(8)}`;
    const firstStore = await RedisStore.connect(redisUrl, prefix);
    const first = await startTestServer(firstStore);

    const { ada, grace } = await seatedPair(first.url, 'friends');
    open.push(ada, grace);
    const before = await eventually(() => {
      const last = ada.snapshots.at(-1)!;
      expect(last.view.seats[1]).not.toBeNull();
      return last.version;
    });
    const seen = { ada: ada.snapshots.length, grace: grace.snapshots.length };

    await first.close();
    await firstStore.close();
    await eventually(() => expect(ada.socket.connected || grace.socket.connected).toBe(false));

    const secondStore = await RedisStore.connect(redisUrl, prefix);
    const second = await startTestServer(secondStore, { port: first.port });
    try {
      for (const [person, seat, count] of [[ada, 0, seen.ada], [grace, 1, seen.grace]] as const) {
        const snapshot = await eventually(() => {
          expect(person.socket.connected).toBe(true);
          expect(person.snapshots.length).toBeGreaterThan(count);
          return person.snapshots.at(-1)!;
        }, 5_000);
        expect(snapshot.seat).toBe(seat);
        expect(snapshot.version).toBe(before);
        expect(snapshot.view.seats).toEqual([{ name: fakeSealed('Ada') }, { name: fakeSealed('Grace') }]);
      }
    } finally {
      await second.close();
      await secondStore.close();
    }
  });
});
