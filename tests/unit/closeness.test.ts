// Closeness circles as pure functions: private until both answer, skips allowed, a history of pairs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerRound, closenessView, openRound, type ClosenessRound } from '../../shared/closeness.js';
import type { SeatIndex } from '../../shared/protocol.js';

function answered(rounds: ClosenessRound[], seat: SeatIndex, id: string, value: number): ClosenessRound[] {
  const result = answerRound(rounds, seat, id, value);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('closeness circles', () => {
  it('keep my answer from the other until both have answered, then join the history', () => {
    let rounds = openRound([], 'r1', 'before', 'question-swap', 1);
    rounds = answered(rounds, 0, 'r1', 6);
    expect(closenessView(rounds, 1)).toEqual({ open: { id: 'r1', moment: 'before', mine: null, otherAnswered: true }, history: [] });
    expect(JSON.stringify(closenessView(rounds, 1))).not.toContain('6');
    rounds = answered(rounds, 1, 'r1', 4);
    expect(closenessView(rounds, 1)).toEqual({ open: null, history: [{ at: 1, moment: 'before', values: [6, 4] }] });
  });

  it('either can skip (0), and a skipped round still closes', () => {
    let rounds = openRound([], 'r1', 'after', 'plan-together', 5);
    rounds = answered(answered(rounds, 0, 'r1', 0), 1, 'r1', 3);
    expect(closenessView(rounds, 0).history).toEqual([{ at: 5, moment: 'after', values: [0, 3] }]);
  });

  it('refuse a second answer, an unknown question and values outside 0–7', () => {
    const rounds = answered(openRound([], 'r1', 'before', 'x', 1), 0, 'r1', 2);
    const refusals = [answerRound(rounds, 0, 'r1', 3), answerRound(rounds, 1, 'nope', 3), answerRound(rounds, 1, 'r1', 8), answerRound(rounds, 1, 'r1', 2.5)];
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ALREADY_ANSWERED', 'NOT_FOUND', 'BAD_REQUEST', 'BAD_REQUEST']);
  });

  it('a new question replaces one left half-answered', () => {
    let rounds = answered(openRound([], 'r1', 'before', 'x', 1), 0, 'r1', 2);
    rounds = openRound(rounds, 'r2', 'after', 'x', 2);
    expect(rounds.map((r) => r.id)).toEqual(['r2']);
  });

  it('no sequence of answers shows anyone the other’s open answer', () => {
    const step = fc.record({ seat: fc.constantFrom<SeatIndex>(0, 1), value: fc.integer({ min: 1, max: 7 }), open: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let rounds: ClosenessRound[] = [];
        let n = 0;
        for (const s of steps) {
          if (s.open || rounds.length === 0) rounds = openRound(rounds, `r${++n}`, 'before', 'x', n);
          const result = answerRound(rounds, s.seat, `r${n}`, s.value);
          if (result.ok) rounds = result.value;
          const open = rounds.find((r) => r.answers[0] === null || r.answers[1] === null);
          for (const viewer of [0, 1] as const) {
            const view = closenessView(rounds, viewer);
            expect(Object.keys(view.open ?? {}).sort()).toEqual(view.open ? ['id', 'mine', 'moment', 'otherAnswered'] : []);
            if (open) expect(view.open?.mine).toBe(open.answers[viewer]);
          }
        }
      }),
    );
  });
});
