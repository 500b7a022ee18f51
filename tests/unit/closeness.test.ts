// Closeness circles as pure functions: each answer sealed by the answering browser, private until both
// answer (the other seat never receives even the sealed answer early), skips allowed, a history of pairs
// that opens in the browser, where an answer that does not open reads as null.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerRound,
  CLOSENESS_ACTIVITY,
  closenessProblem,
  closenessSlot,
  closenessView,
  openRound,
  sealedRounds,
  type ClosenessRound,
} from '../../shared/closeness.js';
import { openCloseness } from '../../shared/opened-room.js';
import { parse } from '../../shared/parse.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { RoomCommandSchema } from '../../shared/schemas.js';
import type { Opener } from '../../shared/sealed/opener.js';
import { makeRoomKey, open, seal, type RoomKey } from '../../shared/sealed/seal.js';
import { fakeSealed } from '../support/sealed.js';

const ROOM = 'seal-id-closeness';
const key = await makeRoomKey();

/** An answer as the answering browser seals it. */
async function sealed(seat: SeatIndex, roundId: string, value: string, k: RoomKey = key): Promise<string> {
  const result = await seal(k, { room: ROOM, seat, activity: CLOSENESS_ACTIVITY, slot: closenessSlot(roundId) }, value);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const opener: Opener = async (at, blob) => {
  const opened = await open(key, { room: ROOM, ...at }, blob);
  return opened.ok ? opened.value : null;
};

function answered(rounds: ClosenessRound[], seat: SeatIndex, id: string, value: string): ClosenessRound[] {
  const result = answerRound(rounds, seat, id, value);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('closeness circles', () => {
  it('keep my sealed answer from the other until both have answered, then both open in the history', async () => {
    const six = await sealed(0, 'r1', '6');
    let rounds = answered(openRound([], 'r1', 'before', 'question-swap', 1), 0, 'r1', six);
    expect(closenessView(rounds, 1)).toEqual({ open: { id: 'r1', moment: 'before', answered: false, otherAnswered: true }, history: [] });
    expect(JSON.stringify(closenessView(rounds, 1))).not.toContain(six);
    rounds = answered(rounds, 1, 'r1', await sealed(1, 'r1', '4'));
    const view = closenessView(rounds, 1);
    expect(view.open).toBeNull();
    expect(view.history[0]!.values[0]).toBe(six);
    expect(await openCloseness(view, opener)).toEqual({ open: null, history: [{ at: 1, moment: 'before', values: [6, 4] }] });
  });

  it('either can skip (0), and a skipped round still closes', async () => {
    let rounds = openRound([], 'r1', 'after', 'plan-together', 5);
    rounds = answered(answered(rounds, 0, 'r1', await sealed(0, 'r1', '0')), 1, 'r1', await sealed(1, 'r1', '3'));
    expect((await openCloseness(closenessView(rounds, 0), opener)).history).toEqual([{ at: 5, moment: 'after', values: [0, 3] }]);
  });

  it('an answer that does not open, or opens to no answer, reads as null and the other still opens', async () => {
    const cases = [
      fakeSealed('garbage'),
      await sealed(0, 'r2', '5'), // moved from another round
      await sealed(1, 'r1', '5'), // moved from the other seat
      await sealed(0, 'r1', '5', await makeRoomKey()), // another room's key
      await sealed(0, 'r1', '8'), // out of range, from a broken device
      await sealed(0, 'r1', 'canary'),
    ];
    for (const bad of cases) {
      const rounds = answered(answered(openRound([], 'r1', 'before', 'x', 1), 0, 'r1', bad), 1, 'r1', await sealed(1, 'r1', '2'));
      expect((await openCloseness(closenessView(rounds, 0), opener)).history[0]!.values).toEqual([null, 2]);
    }
  });

  it('the browser accepts 0–7 only; the server accepts only a well-formed sealed value of the smallest bucket', async () => {
    expect([0, 1, 7].map(closenessProblem)).toEqual([null, null, null]);
    expect([8, -1, 2.5, Number.NaN].every((n) => closenessProblem(n) !== null)).toBe(true);
    const command = (value: unknown) => parse(RoomCommandSchema, { type: 'closeness', id: 'r1', value }).ok;
    expect(command(await sealed(0, 'r1', '3'))).toBe(true);
    expect([3, '3', fakeSealed('x', 1 + 12 + 256 + 16), fakeSealed('x').slice(0, -2), `${fakeSealed('x').slice(0, -1)}!`].map(command)).toEqual([false, false, false, false, false]);
  });

  it('refuse a second answer and an unknown question, leaving the rounds as they were', () => {
    const rounds = answered(openRound([], 'r1', 'before', 'x', 1), 0, 'r1', fakeSealed('two'));
    const copy = structuredClone(rounds);
    const refusals = [answerRound(rounds, 0, 'r1', fakeSealed('three')), answerRound(rounds, 1, 'nope', fakeSealed('three'))];
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ALREADY_ANSWERED', 'NOT_FOUND']);
    expect(rounds).toEqual(copy);
  });

  it('a new question replaces one left half-answered', () => {
    let rounds = answered(openRound([], 'r1', 'before', 'x', 1), 0, 'r1', fakeSealed('two'));
    rounds = openRound(rounds, 'r2', 'after', 'x', 2);
    expect(rounds.map((r) => r.id)).toEqual(['r2']);
  });

  it('rounds answered in the clear before answers were sealed are dropped when read', () => {
    const plain = { id: 'old', moment: 'before', activity: 'x', at: 1, answers: [5, 3] } as unknown as ClosenessRound;
    const half = { id: 'half', moment: 'after', activity: 'x', at: 2, answers: [4, null] } as unknown as ClosenessRound;
    const kept: ClosenessRound = { id: 'new', moment: 'before', activity: 'x', at: 3, answers: [fakeSealed('a'), null] };
    expect(sealedRounds([plain, half, kept])).toEqual([kept]);
    expect(sealedRounds(undefined)).toEqual([]);
  });

  it('no sequence of answers gives anyone the other’s sealed answer before both have answered', () => {
    const step = fc.record({ seat: fc.constantFrom<SeatIndex>(0, 1), value: fc.integer({ min: 0, max: 7 }), open: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let rounds: ClosenessRound[] = [];
        let n = 0;
        for (const s of steps) {
          if (s.open || rounds.length === 0) rounds = openRound(rounds, `r${++n}`, 'before', 'x', n);
          const result = answerRound(rounds, s.seat, `r${n}`, fakeSealed(`seat${s.seat}-r${n}-${s.value}`));
          if (result.ok) rounds = result.value;
          for (const viewer of [0, 1] as const) {
            const text = JSON.stringify(closenessView(rounds, viewer));
            for (const round of rounds) {
              const theirs = round.answers[viewer === 0 ? 1 : 0];
              const bothIn = round.answers[0] !== null && round.answers[1] !== null;
              if (theirs !== null && !bothIn) expect(text).not.toContain(theirs);
              // My own answer does not travel back either until the reveal: only that I have answered.
              const mine = round.answers[viewer];
              if (mine !== null && !bothIn) expect(text).not.toContain(mine);
            }
          }
        }
      }),
    );
  });
});
