// Properties every activity keeps, checked through the registry over random walks from both seats:
// awaiting() names exactly the seats whose input would be accepted, no view holds the other's
// unrevealed words or depends on their hidden input, and a refused move changes nothing. A new activity adds one entry to SUBJECTS
// (tests/support/activity-subjects.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, other } from '../../shared/core.js';
import { activityById, type ActivityId } from '../../shared/activities/registry.js';
import { SUBJECTS } from '../support/activity-subjects.js';
import { seededRng } from '../../shared/random.js';
import { canaryOf, context, steps, walk, type Steps, type Subject } from '../support/activity-walk.js';

const RUNS = { numRuns: 150 };
/**
 * Random walks reach the far parts of an activity (a whole game of Question Swap played to its closing
 * note) in most batches of RUNS, not in all: a batch that left something `missing` is followed by more
 * walks, every one still checked, up to four batches, so a coverage check after it fails only when
 * something is out of reach, not on an unlucky draw.
 */
function assertUntilCovered(property: fc.IProperty<[unknown, Steps]>, missing: () => string[]): void {
  for (let batch = 0; batch < 4 && (batch === 0 || missing().length > 0); batch++) fc.assert(property, RUNS);
}

const startOf = (subj: Subject<unknown, unknown>) => fc.tuple(subj.start, fc.nat()).map(([s, seed]) => ({ ...s, seed }));

describe.each(Object.keys(SUBJECTS) as ActivityId[])('%s', (id) => {
  const activity = activityById(id);
  const subj = SUBJECTS[id] as Subject<unknown, unknown>;
  const seats = [0, 1] as const;

  it('awaits exactly the seats whose next input move would be accepted', () => {
    const reached = new Set<string>();
    const property = fc.property(startOf(subj), steps, (start, walkSteps) => {
      walk(activity, subj, start, walkSteps, {
        onState(state, trace) {
          reached.add(subj.stage(state));
          const awaiting = activity.awaiting(state);
          for (const seat of seats) {
            const answers = subj.inputMoves(state, seat, canaryOf(seat)).map((m) => {
              const result = activity.move(state, seat, m, context(trace.length));
              return { move: m, answer: result.ok ? 'ok' : result.error.code };
            });
            const accepted = answers.some((a) => a.answer === 'ok');
            const why = { seat, awaiting, answers, trace };
            expect(awaiting.seats.includes(seat), JSON.stringify(why, null, 1)).toBe(accepted);
          }
        },
      });
    });
    assertUntilCovered(property, () => subj.stages.filter((stage) => !reached.has(stage)));
    const rare = new Set(subj.rareStages ?? []);
    expect([...reached].filter((stage) => !rare.has(stage)).sort()).toEqual([...subj.stages].sort());
  });

  it('waits for nobody only when finished or showing a reveal; awaited input is private exactly while it stays hidden', () => {
    fc.assert(
      fc.property(startOf(subj), steps, (start, walkSteps) => {
        walk(activity, subj, start, walkSteps, {
          onState(state, trace) {
            const awaiting = activity.awaiting(state);
            const why = JSON.stringify({ awaiting, trace }, null, 1);
            if (awaiting.seats.length === 0) expect(activity.finished(state) || subj.showsReveal(state), why).toBe(true);
            else expect(awaiting.private, why).toBe(subj.hiddenInput(state));
          },
        });
      }),
      RUNS,
    );
  });

  it('when nobody is awaited, nothing is private', () => {
    fc.assert(
      fc.property(startOf(subj), steps, (start, walkSteps) => {
        walk(activity, subj, start, walkSteps, {
          onState(state, trace) {
            const awaiting = activity.awaiting(state);
            if (awaiting.seats.length === 0) expect(awaiting.private, JSON.stringify({ awaiting, trace }, null, 1)).toBe(false);
          },
        });
      }),
      RUNS,
    );
  });

  it("a seat's view never holds the other's words before they are revealed", () => {
    let witnessed = 0;
    fc.assert(
      fc.property(startOf(subj), steps, (start, walkSteps) => {
        walk(activity, subj, start, walkSteps, {
          onState(state, trace) {
            const whole = JSON.stringify(state);
            for (const viewer of seats) {
              const seen = JSON.stringify(activity.view(state, viewer));
              for (const tag of subj.sealed(state)) {
                const secret = canaryOf(other(viewer))(tag);
                if (whole.includes(secret)) witnessed++;
                expect(seen.includes(secret), JSON.stringify({ viewer, secret, trace }, null, 1)).toBe(false);
              }
            }
          },
        });
      }),
      RUNS,
    );
    // The walks did write secrets the views had to keep out.
    expect(witnessed).toBeGreaterThan(0);
  });

  it("a seat's view does not change when only the other's hidden input does (choices, rankings, votes, not just words)", () => {
    const varied = new Set<string>();
    assertUntilCovered(
      fc.property(startOf(subj), steps, (start, walkSteps) => {
        walk(activity, subj, start, walkSteps, {
          onState(state, trace) {
            for (const seat of seats) {
              const viewer = other(seat);
              const seen = activity.view(state, viewer);
              for (const { what, state: variant } of subj.hiddenVariants(state, seat, seededRng(trace.length * 2 + seat))) {
                const why = JSON.stringify({ viewer, what, variant, trace }, null, 1);
                expect(variant, why).not.toEqual(state);
                expect(activity.view(variant, viewer), why).toEqual(seen);
                varied.add(what);
              }
            }
          },
        });
      }),
      () => subj.hidden.filter((what) => !varied.has(what)),
    );
    // The walks did give each kind of hidden input that the views had to keep out.
    expect([...varied].sort()).toEqual([...subj.hidden].sort());
  });

  it('a refused move leaves the state as it was, and no move changes the state it was given', () => {
    const answered = { ok: 0, refused: 0 };
    fc.assert(
      fc.property(startOf(subj), steps, (start, walkSteps) => {
        walk(activity, subj, start, walkSteps, {
          onMove({ state, copy, result }, trace) {
            expect(state, trace.join('\n')).toEqual(copy);
            if (result.ok) answered.ok++;
            else {
              answered.refused++;
              expect(Object.keys(ERROR_MESSAGES)).toContain(result.error.code);
            }
          },
        });
      }),
      RUNS,
    );
    expect(answered.ok).toBeGreaterThan(0);
    expect(answered.refused).toBeGreaterThan(0);
  });
});
