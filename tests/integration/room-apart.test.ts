// "We live apart" as a room setting over the real server and Redis (issue 17): made at creation, flipped by
// either person, carried in both views and kept in the stored room; a bad value is refused with a sentence.
import { describe, expect, inject, it } from 'vitest';
import type { CommandInput, SeatIndex } from '../../shared/protocol.js';
import { fakeSealed, TEST_SEAL } from '../support/sealed.js';
import { cid, client, connected, eventually, seatedPair, useServerOnRedis, type Client } from '../support/server.js';

const redisUrl = inject('redisUrl');

/** The newest view of `seat` this client was sent. */
function apartIn(c: Client, seat: SeatIndex): boolean | undefined {
  return [...c.snapshots].reverse().find((s) => s.seat === seat)?.view.apart;
}

describe.runIf(redisUrl !== '')('we live apart, over Redis', () => {
  const world = useServerOnRedis('apart');

  it('a room created apart says so in its view and in the stored document', async () => {
    const ada = client(world.server.url);
    world.clients.push(ada);
    await connected(ada);
    const created = await ada.socket.emitWithAck('room:create', { commandId: cid(), name: fakeSealed('Ada'), audience: 'friends', mode: 'two-devices', seal: TEST_SEAL, apart: true });
    if (!created.ok) throw new Error(created.error.message);
    await eventually(() => expect(apartIn(ada, 0)).toBe(true));
    expect((await world.store.load(created.roomId)).stored?.room.apart).toBe(true);
  });

  it('either person turns it on or off, and both views carry it', async () => {
    const pair = await seatedPair(world.server.url);
    world.clients.push(pair.ada, pair.grace);
    const people: [Client, Client] = [pair.ada, pair.grace];
    const setApart = (seat: SeatIndex, apart: boolean) => people[seat].socket.emitWithAck('room:command', { commandId: cid(), seat, command: { type: 'set-apart', apart } });
    await eventually(() => expect([apartIn(pair.ada, 0), apartIn(pair.grace, 1)]).toEqual([false, false]));
    for (const [seat, apart] of [[1, true], [0, false], [0, true]] as const) {
      expect((await setApart(seat, apart)).ok).toBe(true);
      await eventually(() => expect([apartIn(pair.ada, 0), apartIn(pair.grace, 1)]).toEqual([apart, apart]));
    }
    expect((await world.store.load(pair.roomId)).stored?.room.apart).toBe(true);
  });

  it('a bad value is refused with a sentence and changes nothing', async () => {
    const pair = await seatedPair(world.server.url);
    world.clients.push(pair.ada, pair.grace);
    const before = (await world.store.load(pair.roomId)).stored!.version;
    for (const command of [{ type: 'set-apart', apart: 'yes' }, { type: 'set-apart' }]) {
      const answer = await pair.grace.socket.emitWithAck('room:command', { commandId: cid(), seat: 1, command } as unknown as CommandInput);
      expect(answer.ok).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('BAD_REQUEST');
        expect(answer.error.message).toBe('Say whether you live apart with true or false.');
      }
    }
    expect((await world.store.load(pair.roomId)).stored!.version).toBe(before);
    expect((await world.store.load(pair.roomId)).stored?.room.apart).toBeUndefined();
  });
});
