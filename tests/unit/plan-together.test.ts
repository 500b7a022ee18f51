// Plan something together, called as pure functions: ideas, votes, the live plan, exports.
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { planTogether, sameIdea, type Move, type State } from '../../shared/activities/plan-together/index.js';
import { editPlan, emptyPlan, isCalendarDate, type Plan, type PlanEdit } from '../../shared/activities/plan-together/editing.js';
import { planToIcs, planToMarkdown } from '../../shared/activities/plan-together/export.js';
import type { MoveResult } from '../../shared/activities/types.js';
import { IDEAS } from '../../shared/content/ideas.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { seededRng } from '../../shared/random.js';

const NOW = Date.UTC(2026, 10, 24, 12);
const names: [string, string] = ['Ada', 'Grace'];

function act(state: State, seat: SeatIndex, move: Move): MoveResult<State> {
  return planTogether.move(state, seat, move, { now: NOW, rng: seededRng(1) });
}
function must(result: MoveResult<State>): State {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.state;
}
const fresh = () => planTogether.setup({ resume: false }, { audience: 'friends' }, seededRng(1));

function withIdeas(a: string[], b: string[]): State {
  let state = fresh();
  for (const text of a) state = must(act(state, 0, { type: 'add-idea', text }));
  for (const text of b) state = must(act(state, 1, { type: 'add-idea', text }));
  state = must(act(state, 0, { type: 'ideas-done' }));
  return must(act(state, 1, { type: 'ideas-done' }));
}

function planning(): State {
  let state = withIdeas(['Bake bread from scratch'], ['Teach the cat to high-five']);
  const [bread] = state.pool;
  state = must(act(state, 0, { type: 'vote', ideaId: bread!.id, on: true }));
  state = must(act(state, 1, { type: 'vote', ideaId: bread!.id, on: true }));
  state = must(act(state, 0, { type: 'votes-done' }));
  return must(act(state, 1, { type: 'votes-done' }));
}

describe('bringing ideas', () => {
  it('keeps my ideas hidden from the other until both are done', () => {
    let state = must(act(fresh(), 0, { type: 'add-idea', text: 'Paint the fence blue' }));
    state = must(act(state, 0, { type: 'ideas-done' }));
    const theirs = planTogether.view(state, 1);
    expect(JSON.stringify(theirs)).not.toContain('fence');
    expect(theirs.ready).toEqual([true, false]);
  });

  it('allows up to five each, from the list or written', () => {
    let state = fresh();
    for (const idea of IDEAS.slice(0, 5)) state = must(act(state, 0, { type: 'add-idea', builtinId: idea.id }));
    const sixth = act(state, 0, { type: 'add-idea', text: 'One more' });
    expect(sixth.ok ? 'ok' : sixth.error.code).toBe('NOT_POSSIBLE');
    expect(act(state, 1, { type: 'add-idea', builtinId: 'no-such-idea' }).ok).toBe(false);
  });

  it('lists an idea both brought once, as both people’s', () => {
    const same = IDEAS[0]!;
    let state = fresh();
    state = must(act(state, 0, { type: 'add-idea', builtinId: same.id }));
    state = must(act(state, 1, { type: 'add-idea', builtinId: same.id }));
    state = must(act(state, 0, { type: 'add-idea', text: 'Learn to juggle three balls' }));
    state = must(act(state, 1, { type: 'add-idea', text: 'juggling: learn three balls!' }));
    state = must(act(state, 0, { type: 'ideas-done' }));
    state = must(act(state, 1, { type: 'ideas-done' }));
    expect(state.pool.map((p) => p.from)).toEqual([[0, 1], [0, 1]]);
  });

  it('matches ideas by their words, not by chance', () => {
    expect(sameIdea({ text: 'Plan a picnic by the river' }, { text: 'river picnic' })).toBe(true);
    expect(sameIdea({ text: 'Plan a picnic by the river' }, { text: 'Paint the kitchen' })).toBe(false);
  });
});

describe('choosing', () => {
  it('an idea is chosen only when both vote for it', () => {
    const state = planning();
    expect(state.phase).toBe('plan');
    expect(state.plan?.title).toBe('Bake bread from scratch');
  });

  it('no idea in common: vote again', () => {
    let state = withIdeas(['Bake bread'], ['Build a birdhouse']);
    state = must(act(state, 0, { type: 'vote', ideaId: state.pool[0]!.id, on: true }));
    state = must(act(state, 1, { type: 'vote', ideaId: state.pool[1]!.id, on: true }));
    state = must(act(state, 0, { type: 'votes-done' }));
    state = must(act(state, 1, { type: 'votes-done' }));
    expect(state.phase).toBe('choose');
    expect(state.outcome).toBe('none');
  });

  it('a tie asks them to pick one of the tied ideas together', () => {
    let state = withIdeas(['Bake bread', 'Plant herbs'], ['Build a birdhouse']);
    for (const seat of [0, 1] as const) {
      state = must(act(state, seat, { type: 'vote', ideaId: state.pool[0]!.id, on: true }));
      state = must(act(state, seat, { type: 'vote', ideaId: state.pool[1]!.id, on: true }));
    }
    const third = act(state, 0, { type: 'vote', ideaId: state.pool[2]!.id, on: true });
    expect(third.ok ? 'ok' : third.error.code).toBe('NOT_POSSIBLE');
    state = must(act(state, 0, { type: 'votes-done' }));
    state = must(act(state, 1, { type: 'votes-done' }));
    expect(state.outcome).toBe('tie');
    expect(state.pool).toHaveLength(2);
    expect(state.voteLimit).toBe(1);
  });

  it('either can add a new idea while choosing', () => {
    const state = must(act(withIdeas(['Bake bread'], ['Birdhouse']), 1, { type: 'add-idea', text: 'Walk the coast path' }));
    expect(state.pool.map((p) => p.text)).toContain('Walk the coast path');
  });
});

describe('the live plan', () => {
  const plan = () => planning().plan!;

  it('checks text length, step count, real dates and owners', () => {
    const base = plan();
    expect(editPlan(base, 0, { type: 'add-step', text: '', owner: 'me' }, NOW).ok).toBe(false);
    const long = editPlan(base, 0, { type: 'add-step', text: 'x'.repeat(201), owner: 'me' }, NOW);
    expect(long.ok ? 'ok' : long.error.code).toBe('TOO_LONG');
    const feb = editPlan(base, 0, { type: 'add-step', text: 'Buy flour', owner: 'me', date: '2027-02-30' }, NOW);
    expect(feb.ok ? 'ok' : feb.error.code).toBe('BAD_REQUEST');
    let full: Plan = base;
    for (let i = 0; i < 100; i++) full = (editPlan(full, 0, { type: 'add-step', text: `Step ${i}`, owner: 'both' }, NOW) as { value: Plan }).value;
    const over = editPlan(full, 0, { type: 'add-step', text: 'One too many', owner: 'me' }, NOW);
    expect(over.ok ? 'ok' : over.error.code).toBe('NOT_POSSIBLE');
    const mine = editPlan(base, 1, { type: 'add-step', text: 'Knead', owner: 'me' }, NOW);
    expect(mine.ok && mine.value.steps[0]!.owner).toBe(1);
  });

  it('a past target date needs a confirm', () => {
    const past = editPlan(plan(), 0, { type: 'set-target', date: '2020-01-01' }, NOW);
    expect(past.ok ? 'ok' : past.error.code).toBe('PAST_DATE');
    expect(editPlan(plan(), 0, { type: 'set-target', date: '2020-01-01', confirmPast: true }, NOW).ok).toBe(true);
    expect(editPlan(plan(), 0, { type: 'set-target', date: '2026-12-24' }, NOW).ok).toBe(true);
  });

  it('editing a step the other just deleted, or just changed, is a clear error', () => {
    const added = editPlan(plan(), 0, { type: 'add-step', text: 'Buy flour', owner: 'me' }, NOW) as { value: Plan };
    const step = added.value.steps[0]!;
    const gone = editPlan(added.value, 1, { type: 'delete-step', stepId: step.id }, NOW) as { value: Plan };
    const late = editPlan(gone.value, 0, { type: 'edit-step', stepId: step.id, rev: step.rev, text: 'Buy rye flour' }, NOW);
    expect(late.ok ? 'ok' : late.error.code).toBe('NOT_FOUND');
    const changed = editPlan(added.value, 1, { type: 'edit-step', stepId: step.id, rev: step.rev, text: 'Buy spelt' }, NOW) as { value: Plan };
    const stale = editPlan(changed.value, 0, { type: 'edit-step', stepId: step.id, rev: step.rev, text: 'Buy rye' }, NOW);
    expect(stale.ok ? 'ok' : stale.error.code).toBe('STALE_EDIT');
  });

  it('reordering while the other edits keeps both changes', () => {
    let p = plan();
    for (const text of ['One', 'Two', 'Three']) p = (editPlan(p, 0, { type: 'add-step', text, owner: 'both' }, NOW) as { value: Plan }).value;
    const [one, , three] = p.steps;
    p = (editPlan(p, 1, { type: 'edit-step', stepId: three!.id, rev: three!.rev, text: 'Three, edited' }, NOW) as { value: Plan }).value;
    p = (editPlan(p, 0, { type: 'move-step', stepId: three!.id, before: one!.id }, NOW) as { value: Plan }).value;
    expect(p.steps.map((s) => s.text)).toEqual(['Three, edited', 'One', 'Two']);
  });

  it('random interleavings of both people’s edits never lose an acknowledged edit or duplicate a step', () => {
    type Op =
      | { kind: 'sync'; seat: SeatIndex }
      | { kind: 'add' | 'edit' | 'delete' | 'move' | 'check'; seat: SeatIndex; pick: number; pick2: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('sync' as const), seat: fc.constantFrom<SeatIndex>(0, 1) }),
      fc.record({
        kind: fc.constantFrom('add' as const, 'edit' as const, 'delete' as const, 'move' as const, 'check' as const),
        seat: fc.constantFrom<SeatIndex>(0, 1),
        pick: fc.nat(),
        pick2: fc.nat(),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        let server = emptyPlan('Bake bread');
        // What each device last saw: its edits are made on this, possibly stale, copy.
        const seen: [Plan, Plan] = [server, server];
        // The model: for every step an acknowledged add created, the text it must have now (or gone).
        const model = new Map<string, string | null>();
        let counter = 0;
        for (const o of ops) {
          if (o.kind === 'sync') {
            seen[o.seat] = server;
            continue;
          }
          const steps = seen[o.seat].steps;
          const target = steps.length > 0 ? steps[o.pick % steps.length]! : undefined;
          const text = `t${++counter}`;
          let edit: PlanEdit;
          if (o.kind === 'add' || !target) edit = { type: 'add-step', text, owner: 'both' };
          else if (o.kind === 'edit') edit = { type: 'edit-step', stepId: target.id, rev: target.rev, text };
          else if (o.kind === 'delete') edit = { type: 'delete-step', stepId: target.id };
          else if (o.kind === 'check') edit = { type: 'check-step', stepId: target.id, done: o.pick2 % 2 === 0 };
          else edit = { type: 'move-step', stepId: target.id, before: steps[o.pick2 % steps.length]?.id ?? null };
          const result = editPlan(server, o.seat, edit, NOW);
          if (!result.ok) {
            expect(['NOT_FOUND', 'STALE_EDIT']).toContain(result.error.code);
            continue;
          }
          server = result.value;
          seen[o.seat] = server; // the acting device gets the new snapshot
          if (edit.type === 'add-step') model.set(server.steps.at(-1)!.id, text);
          if (edit.type === 'edit-step') model.set(edit.stepId, text);
          if (edit.type === 'delete-step') model.set(edit.stepId, null);
          const live = [...model].filter(([, t]) => t !== null);
          expect(server.steps.map((s) => s.id).sort()).toEqual(live.map(([id]) => id).sort());
          for (const [id, t] of live) expect(server.steps.find((s) => s.id === id)!.text).toBe(t);
          expect(new Set(server.steps.map((s) => s.id)).size).toBe(server.steps.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('finishing and keeping', () => {
  it('one tap never finishes the plan for both: it is finished once both say so', () => {
    const one = must(act(planning(), 0, { type: 'finish', ready: true }));
    expect(one.phase).toBe('plan');
    expect(planTogether.view(one, 1).finishing).toEqual([true, false]);
    const again = act(one, 0, { type: 'finish', ready: true });
    expect(again.ok ? 'ok' : again.error.code).toBe('ALREADY_READY');
    const changedMind = must(act(one, 0, { type: 'finish', ready: false }));
    expect(changedMind.finishing).toEqual([false, false]);
    const both = must(act(one, 1, { type: 'finish', ready: true }));
    expect(both.phase).toBe('finished');
    expect(planTogether.view(both, 0).finishing).toEqual([false, false]);
  });

  it('a plan kept from before finishing was agreed (no "finishing" yet) still finishes', () => {
    const { finishing, ...old } = planning();
    void finishing;
    expect(planTogether.view(old as State, 0).finishing).toEqual([false, false]);
    const one = must(act(old as State, 1, { type: 'finish', ready: true }));
    expect(must(act(one, 0, { type: 'finish', ready: true })).phase).toBe('finished');
  });

  it('however the two say ready or not, the plan finishes exactly when both are ready, and a refusal changes nothing', () => {
    const say = fc.record({ seat: fc.constantFrom<SeatIndex>(0, 1), ready: fc.boolean() });
    fc.assert(
      fc.property(fc.array(say, { maxLength: 12 }), (says) => {
        let state = planning();
        const ready: [boolean, boolean] = [false, false];
        for (const { seat, ready: r } of says) {
          const before = JSON.stringify(state);
          const result = act(state, seat, { type: 'finish', ready: r });
          if (state.phase !== 'plan' || ready[seat] === r) {
            expect(result.ok).toBe(false);
            expect(JSON.stringify(state)).toBe(before);
            continue;
          }
          state = must(result);
          ready[seat] = r;
          expect(state.phase).toBe(ready[0] && ready[1] ? 'finished' : 'plan');
        }
      }),
    );
  });

  it('both write a line of appreciation; the lines go to Memories once both are in', () => {
    let state = must(act(must(act(planning(), 1, { type: 'finish', ready: true })), 0, { type: 'finish', ready: true }));
    const first = act(state, 0, { type: 'appreciate', text: 'You kept us going' });
    expect(first.ok && first.value.memories).toBeFalsy();
    state = must(first);
    expect(JSON.stringify(planTogether.view(state, 1))).not.toContain('kept us going');
    const second = act(state, 1, { type: 'appreciate', text: 'Your patience with the dough' });
    expect(second.ok && second.value.memories?.[0]?.entries.map((e) => ('text' in e ? e.text : null))).toEqual(['You kept us going', 'Your patience with the dough']);
  });

  it('a room keeps a plan to reopen, with its title for the lobby', () => {
    expect(planTogether.keep?.(fresh())).toBe(false);
    expect(planTogether.keep?.(planning())).toBe(true);
    expect(planTogether.summary?.(planning())).toBe('Bake bread from scratch');
  });
});

describe('exports', () => {
  function sample(): Plan {
    let p = emptyPlan('Bake bread; with friends, together');
    const edits: PlanEdit[] = [
      { type: 'set-target', date: '2026-12-20' },
      { type: 'add-step', text: 'Buy flour, yeast and salt', owner: 'me', date: '2026-12-01' },
      { type: 'add-step', text: 'Find a recipe — a long one that needs a folded line in the calendar file to stay within 75 octets ✨', owner: 'you', date: '2026-12-05' },
      { type: 'add-step', text: 'Clean the kitchen', owner: 'both' },
      { type: 'add-need', text: 'Big bowl' },
    ];
    for (const edit of edits) p = (editPlan(p, 0, edit, NOW) as { value: Plan }).value;
    return p;
  }

  it('Markdown holds every step, with owner, date and check box', () => {
    const markdown = planToMarkdown(sample(), names);
    for (const step of sample().steps) expect(markdown).toContain(step.text);
    expect(markdown).toContain('- [ ] Buy flour, yeast and salt — Ada (2026-12-01)');
    expect(markdown).toContain('Clean the kitchen — both');
    expect(markdown).toContain('Big bowl');
  });

  it('the .ics parses back with the target date and every dated step as events', () => {
    const ics = planToIcs(sample(), names, NOW);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.startDate.toString()).sort()).toEqual(['2026-12-01', '2026-12-05', '2026-12-20']);
    expect(events.map((e) => e.summary)).toContain('Bake bread; with friends, together');
    expect(events.map((e) => e.summary).join('|')).toContain('✨ (Grace)');
    expect(new Set(events.map((e) => e.uid)).size).toBe(3);
  });

  it('real calendar dates only', () => {
    expect(['2026-02-28', '2028-02-29'].every(isCalendarDate)).toBe(true);
    expect(['2026-02-29', '2026-13-01', '26-01-01', 'tomorrow'].some(isCalendarDate)).toBe(false);
  });
});
