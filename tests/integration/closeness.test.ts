// The closeness circles between two real clients over Redis, sealed as browsers seal them: the partner's
// device never receives even the sealed answer before both have answered, both open the pair after, the
// store holds only sealed strings where the answers are, and a garbage answer reads as null and breaks nothing.
import { describe, expect, inject, it } from 'vitest';
import { CLOSENESS_ACTIVITY, CLOSENESS_BUCKET, closenessSlot, readCloseness } from '../../shared/closeness.js';
import { sealedShapeProblem } from '../../shared/sealed/shape.js';
import { fakeSealed } from '../support/sealed.js';
import { sealedPair, untilClosenessAsked } from '../support/sealed-pair.js';
import { eventually, useServerOnRedis } from '../support/server.js';

const redisUrl = inject('redisUrl');

describe.runIf(redisUrl !== '')('closeness circles, sealed, over Redis', () => {
  const world = useServerOnRedis('closeness');

  it('each answer is sealed; the partner gets it only once both have answered; the store keeps only sealed strings', async () => {
    const pair = await sealedPair(world.server.url);
    world.clients.push(pair.ada, pair.grace);
    const storedRounds = async () => (await world.store.load(pair.roomId)).stored!.room.play.closeness;

    const question = await untilClosenessAsked(pair);
    const slot = closenessSlot(question.id);
    const adaSealed = await pair.seal(0, CLOSENESS_ACTIVITY, slot, '5');
    expect((await pair.send(0, { type: 'closeness', id: question.id, value: adaSealed })).ok).toBe(true);
    await eventually(() => expect(pair.view(1).closeness.open?.otherAnswered).toBe(true));
    expect(JSON.stringify(pair.grace.received)).not.toContain(adaSealed);
    expect(pair.view(0).closeness.open?.answered).toBe(true);

    // What the server checks now is the shape only: a plain number, or a blob too large, is refused.
    for (const value of [5, '5', fakeSealed('x', 1 + 12 + 256 + 16)]) {
      const refused = await pair.send(1, { type: 'closeness', id: question.id, value: value as string });
      expect(refused.ok ? '' : refused.error.code).toBe('BAD_REQUEST');
    }
    const graceSealed = await pair.seal(1, CLOSENESS_ACTIVITY, slot, '2');
    expect((await pair.send(1, { type: 'closeness', id: question.id, value: graceSealed })).ok).toBe(true);

    for (const seat of [0, 1] as const) {
      const last = await eventually(() => {
        const h = pair.view(seat).closeness.history.at(-1);
        if (!h) throw new Error('not revealed yet');
        return h;
      });
      const opened = await Promise.all([0, 1].map((s) => pair.open(s as 0 | 1, CLOSENESS_ACTIVITY, slot, last.values[s as 0 | 1])));
      expect(opened.map(readCloseness)).toEqual([5, 2]);
    }

    const rounds = await storedRounds();
    expect(rounds.length).toBeGreaterThan(0);
    for (const round of rounds) for (const answer of round.answers) {
      expect(typeof answer).toBe('string');
      expect(sealedShapeProblem(answer!, CLOSENESS_BUCKET)).toBeNull();
    }
  });

  it('a garbage answer from a broken device opens to null on the other side, and the room goes on', async () => {
    const pair = await sealedPair(world.server.url);
    world.clients.push(pair.ada, pair.grace);
    const question = await untilClosenessAsked(pair);
    const slot = closenessSlot(question.id);
    expect((await pair.send(0, { type: 'closeness', id: question.id, value: await pair.seal(0, CLOSENESS_ACTIVITY, slot, '3') })).ok).toBe(true);
    expect((await pair.send(1, { type: 'closeness', id: question.id, value: fakeSealed('garbage') })).ok).toBe(true);
    const last = await eventually(() => {
      const h = pair.view(0).closeness.history.at(-1);
      if (!h) throw new Error('not revealed yet');
      return h;
    });
    expect(readCloseness(await pair.open(1, CLOSENESS_ACTIVITY, slot, last.values[1]))).toBeNull();
    expect(readCloseness(await pair.open(0, CLOSENESS_ACTIVITY, slot, last.values[0]))).toBe(3);
    expect((await pair.send(0, { type: 'end-activity' })).ok).toBe(true);
  });
});
