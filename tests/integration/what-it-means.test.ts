// "What intimacy means to me" and the closeness circles between two real clients over Redis:
// private until both finish, typed errors that leave the room unchanged, then the reveal.
import { describe, expect, inject, it } from 'vitest';
import type { View } from '../../shared/activities/what-it-means/index.js';
import { STARTERS } from '../../shared/content/starters.js';
import { FOUNDATIONS, INTIMACY_KINDS } from '../../shared/intimacy.js';
import type { CommandInput, SeatIndex } from '../../shared/protocol.js';
import { fakeSealed } from '../support/sealed.js';
import { cid, eventually, seatedPair, type Client, useServerOnRedis } from '../support/server.js';

const redisUrl = inject('redisUrl');
const ratings = (today: number) => Object.fromEntries(FOUNDATIONS.map((f) => [f, { today, want: 5 }]));

function meansView(c: Client): View {
  const activity = c.snapshots.at(-1)?.view.activity;
  if (activity?.id !== 'what-it-means') throw new Error('not started');
  return activity.view;
}

describe.runIf(redisUrl !== '')('What intimacy means to me over Redis', () => {
  const world = useServerOnRedis('means');

  it('answers stay private until both finish; bad input is refused with the room unchanged', async () => {
    const { ada, grace, roomId } = await seatedPair(world.server.url);
    world.clients.push(ada, grace);
    const send = (c: Client, seat: SeatIndex, command: CommandInput['command']) =>
      c.socket.emitWithAck('room:command', { commandId: cid(), seat, command });
    const move = (c: Client, seat: SeatIndex, m: Record<string, unknown>) => send(c, seat, { type: 'move', move: m });
    const version = async () => (await world.store.load(roomId)).stored!.version;

    await send(ada, 0, { type: 'propose', activity: 'what-it-means', options: {} });
    await send(ada, 0, { type: 'ready' });
    await send(grace, 1, { type: 'ready' });
    const question = await eventually(() => {
      const open = ada.snapshots.at(-1)!.view.closeness.open;
      if (!open) throw new Error('no closeness question yet');
      return open;
    });
    expect((await send(ada, 0, { type: 'closeness', id: question.id, value: fakeSealed('four') })).ok).toBe(true);
    expect(grace.snapshots.at(-1)!.view.closeness.open?.answered).toBe(false);
    expect(JSON.stringify(grace.snapshots.map((s) => s.view.closeness))).not.toContain(fakeSealed('four'));
    const unsealed = await send(grace, 1, { type: 'closeness', id: question.id, value: '6' });
    expect(unsealed.ok ? '' : unsealed.error.code).toBe('BAD_REQUEST');
    await send(grace, 1, { type: 'closeness', id: question.id, value: fakeSealed('six') });
    await eventually(() => expect(ada.snapshots.at(-1)!.view.closeness.history.at(-1)?.values).toEqual([fakeSealed('four'), fakeSealed('six')]));

    const before = await version();
    const refusals = await Promise.all([
      move(ada, 0, { type: 'rank', order: ['emotional', 'emotional', 'physical', 'spiritual', 'intellectual'] }),
      move(ada, 0, { type: 'rate', ratings: { ...ratings(3), trust: { today: 0, want: 5 } } }),
      move(ada, 0, { type: 'sentences', items: [{ starterId: 'nope', text: 'x' }, { starterId: STARTERS[1]!.id, text: 'y' }, { starterId: STARTERS[2]!.id, text: 'z' }] }),
      move(ada, 0, { type: 'sentences', items: STARTERS.slice(0, 3).map((s) => ({ starterId: s.id, text: 'x'.repeat(501) })) }),
      move(ada, 0, { type: 'done' }),
    ]);
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['BAD_REQUEST', 'BAD_REQUEST', 'BAD_REQUEST', 'TOO_LONG', 'NOT_POSSIBLE']);
    expect(await version()).toBe(before);

    for (const [c, seat, words, today] of [[ada, 0, 'ada-private', 1], [grace, 1, 'grace-private', 5]] as const) {
      await move(c, seat, { type: 'rank', order: seat === 0 ? [...INTIMACY_KINDS] : [...INTIMACY_KINDS].reverse() });
      await move(c, seat, { type: 'rate', ratings: ratings(today) });
      await move(c, seat, { type: 'sentences', items: STARTERS.slice(0, 3).map((s, i) => ({ starterId: s.id, text: `${words} ${i}` })) });
      expect((await move(c, seat, { type: 'done' })).ok).toBe(true);
      if (seat === 0) {
        await eventually(() => expect(meansView(grace).otherDone).toBe(true));
        expect(JSON.stringify(grace.snapshots)).not.toContain('ada-private');
      }
    }
    const revealed = await eventually(() => {
      const v = meansView(ada);
      expect(v.revealed).toBe(true);
      return v;
    });
    expect(revealed.both![1].sentences![0]!.text).toBe('grace-private 0');
    expect(revealed.gaps).toHaveLength(3);
    expect(revealed.gaps[0]!.size).toBe(4);
    const late = await move(grace, 1, { type: 'rank', order: [...INTIMACY_KINDS] });
    expect(late.ok ? '' : late.error.code).toBe('WRONG_PHASE');
  });
});
