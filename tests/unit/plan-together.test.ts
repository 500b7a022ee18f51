// Plan something together, called as pure functions with sealed moves (made by the activity's own makers
// with a real key, as a browser makes them): ideas, votes, the live plan, finishing and the thanks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { current, planTogether, type Move, type State } from '../../shared/activities/plan-together/index.js';
import { editPlan, emptyPlan, type Plan, type PlanEdit } from '../../shared/activities/plan-together/editing.js';
import { openView } from '../../shared/activities/plan-together/open.js';
import * as make from '../../shared/activities/plan-together/sealed-moves.js';
import type { MoveResult } from '../../shared/activities/types.js';
import { IDEAS } from '../../shared/content/ideas.js';
import { openMemories } from '../../shared/opened-room.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { seededRng } from '../../shared/random.js';
import { planBrowser } from '../support/plan-sealed.js';
import { fakeSealed } from '../support/sealed.js';

const NOW = Date.UTC(2026, 10, 24, 12);
const browser = await planBrowser();

function act(state: State, seat: SeatIndex, move: Move): MoveResult<State> {
  return planTogether.move(state, seat, move, { now: NOW, rng: seededRng(1) });
}
function must(result: MoveResult<State>): State {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.state;
}
const fresh = () => planTogether.setup({ resume: false }, { audience: 'friends' }, seededRng(1));
const idea = (seat: SeatIndex, text: string, deck?: string) => browser.make(seat, make.addIdea(deck ? { text, deck } : { text }, []));
const opened = (state: State, seat: SeatIndex) => openView(planTogether.view(state, seat), browser.opener);

async function withIdeas(a: string[], b: string[]): Promise<State> {
  let state = fresh();
  for (const text of a) state = must(act(state, 0, await idea(0, text)));
  for (const text of b) state = must(act(state, 1, await idea(1, text)));
  state = must(act(state, 0, { type: 'ideas-done' }));
  return must(act(state, 1, { type: 'ideas-done' }));
}

export async function planning(): Promise<State> {
  let state = await withIdeas(['Bake bread from scratch'], ['Teach the cat to high-five']);
  const [bread] = state.pool;
  state = must(act(state, 0, { type: 'vote', ideaId: bread!.id, on: true }));
  state = must(act(state, 1, { type: 'vote', ideaId: bread!.id, on: true }));
  state = must(act(state, 0, { type: 'votes-done' }));
  return must(act(state, 1, { type: 'votes-done' }));
}

describe('bringing ideas', () => {
  it('keeps my sealed ideas from the other’s device until both are done', async () => {
    const mine = await idea(0, 'Paint the fence blue');
    let state = must(act(fresh(), 0, mine));
    state = must(act(state, 0, { type: 'ideas-done' }));
    const theirs = planTogether.view(state, 1);
    expect(JSON.stringify(theirs)).not.toContain(mine.type === 'add-idea' && mine.idea);
    expect(theirs.ready).toEqual([true, false]);
    expect((await opened(state, 0)).mine.map((d) => d.text)).toEqual(['Paint the fence blue']);
  });

  it('allows up to five each, from the deck or written; the same deck idea twice is refused before it is sent', async () => {
    let state = fresh();
    for (const deck of IDEAS.slice(0, 5)) {
      const mine = (await opened(state, 0)).mine;
      state = must(act(state, 0, await browser.make(0, make.addIdea({ text: deck.text, deck: deck.id }, mine))));
    }
    const sixth = act(state, 0, await idea(0, 'One more'));
    expect(sixth.ok ? 'ok' : sixth.error.code).toBe('NOT_POSSIBLE');
    const mine = (await opened(state, 0)).mine;
    expect(mine.map((d) => d.deck)).toEqual(IDEAS.slice(0, 5).map((d) => d.id));
    expect(await browser.refusal(0, make.addIdea({ text: IDEAS[0]!.text, deck: IDEAS[0]!.id }, mine))).toEqual({ code: 'NOT_POSSIBLE', message: 'You picked that one already.' });
  });

  it('an id already on the list is refused, and removing takes the idea by its id', async () => {
    const first = await idea(0, 'Walk to the lighthouse');
    let state = must(act(fresh(), 0, first));
    const again = act(state, 1, { ...first });
    expect(again.ok ? 'ok' : again.error.code).toBe('NOT_POSSIBLE');
    const id = first.type === 'add-idea' ? first.ideaId : '';
    expect(act(state, 1, { type: 'remove-idea', ideaId: id }).ok).toBe(false);
    state = must(act(state, 0, { type: 'remove-idea', ideaId: id }));
    expect(state.drafts[0]).toEqual([]);
  });

  it('either can add a new idea while choosing, sealed as theirs', async () => {
    const state = must(act(await withIdeas(['Bake bread'], ['Birdhouse']), 1, await idea(1, 'Walk the coast path')));
    const view = await opened(state, 0);
    expect(view.pool.map((p) => [p.text, p.from])).toContainEqual(['Walk the coast path', [1]]);
  });
});

describe('choosing', () => {
  it('an idea is chosen only when both vote for it, and it is the plan’s title', async () => {
    const state = await planning();
    expect(state.phase).toBe('plan');
    expect((await opened(state, 1)).plan?.title).toBe('Bake bread from scratch');
  });

  it('no idea in common: vote again', async () => {
    let state = await withIdeas(['Bake bread'], ['Build a birdhouse']);
    state = must(act(state, 0, { type: 'vote', ideaId: state.pool[0]!.id, on: true }));
    state = must(act(state, 1, { type: 'vote', ideaId: state.pool[1]!.id, on: true }));
    state = must(act(state, 0, { type: 'votes-done' }));
    state = must(act(state, 1, { type: 'votes-done' }));
    expect(state.phase).toBe('choose');
    expect(state.outcome).toBe('none');
  });

  it('a tie asks them to pick one of the tied ideas together', async () => {
    let state = await withIdeas(['Bake bread', 'Plant herbs'], ['Build a birdhouse']);
    for (const seat of [0, 1] as const) {
      state = must(act(state, seat, { type: 'vote', ideaId: state.pool[0]!.id, on: true }));
      state = must(act(state, seat, { type: 'vote', ideaId: state.pool[1]!.id, on: true }));
    }
    const third = act(state, 0, { type: 'vote', ideaId: state.pool[2]!.id, on: true });
    expect(third.ok ? 'ok' : third.error.code).toBe('NOT_POSSIBLE');
    state = must(act(state, 0, { type: 'votes-done' }));
    state = must(act(state, 1, { type: 'votes-done' }));
    expect(state.outcome).toBe('tie');
    expect(state.voteLimit).toBe(1);
    expect((await opened(state, 1)).pool.map((p) => p.text)).toEqual(['Bake bread', 'Plant herbs']);
    const off = act(state, 0, { type: 'vote', ideaId: state.pool[2]!.id, on: true });
    expect(off.ok ? 'ok' : off.error.code).toBe('NOT_FOUND');
    state = must(act(state, 0, { type: 'vote', ideaId: state.pool[1]!.id, on: true }));
    state = must(act(state, 1, { type: 'vote', ideaId: state.pool[1]!.id, on: true }));
    state = must(act(must(act(state, 0, { type: 'votes-done' })), 1, { type: 'votes-done' }));
    expect((await opened(state, 0)).plan?.title).toBe('Plant herbs');
  });

  it('an idea both brought is one vote: the id both browsers list it under', async () => {
    let state = await withIdeas(['Learn to juggle three balls'], ['juggling: learn three balls!']);
    const [listed] = (await opened(state, 0)).pool;
    expect(listed!.from).toEqual([0, 1]);
    expect((await opened(state, 1)).pool.map((p) => p.id)).toEqual([listed!.id]);
    for (const seat of [0, 1] as const) state = must(act(state, seat, { type: 'vote', ideaId: listed!.id, on: true }));
    state = must(act(must(act(state, 0, { type: 'votes-done' })), 1, { type: 'votes-done' }));
    expect((await opened(state, 1)).plan?.title).toBe('Learn to juggle three balls');
  });
});

describe('the live plan', () => {
  it('the server keeps the structure: a step count, ids it has not seen, who last wrote each value', async () => {
    const state = await planning();
    const step = await browser.make(1, make.addStep({ text: 'Knead', owner: 'me', date: '' }, 1));
    const added = must(act(state, 1, step));
    expect(added.plan!.steps[0]).toMatchObject({ rev: 1, by: 1, text: { seat: 1 }, owner: { seat: 1 }, date: { seat: 1 } });
    expect((await opened(added, 0)).plan!.steps[0]).toMatchObject({ text: 'Knead', owner: 1, date: null });
    const twice = act(added, 0, step);
    expect(twice.ok ? 'ok' : twice.error.code).toBe('NOT_POSSIBLE');
    let full = added;
    for (let i = 1; i < 100; i++) full = must(act(full, 0, { type: 'add-step', stepId: `step-${i}`, text: fakeSealed(`s${i}`), owner: fakeSealed('o'), date: fakeSealed('d') }));
    const over = act(full, 0, { type: 'add-step', stepId: 'one-too-many', text: fakeSealed('x'), owner: fakeSealed('o'), date: fakeSealed('d') });
    expect(over.ok ? 'ok' : over.error.code).toBe('NOT_POSSIBLE');
  });

  it('editing a step the other just deleted, or just changed, is a clear error', async () => {
    const state = must(act(await planning(), 0, await browser.make(0, make.addStep({ text: 'Buy flour', owner: 'me', date: '' }, 0))));
    const step = state.plan!.steps[0]!;
    const gone = must(act(state, 1, { type: 'delete-step', stepId: step.id }));
    const late = act(gone, 0, await browser.make(0, make.editStep(step.id, step.rev, { text: 'Buy rye flour', owner: 'me', date: '' }, 0)));
    expect(late.ok ? 'ok' : late.error.code).toBe('NOT_FOUND');
  });

  it('a step edited by both at once: the second gets STALE_EDIT, sees the first one’s sealed words open as theirs, and can keep either', async () => {
    let state = must(act(await planning(), 0, await browser.make(0, make.addStep({ text: 'Buy flour', owner: 'both', date: '' }, 0))));
    const opening = (await opened(state, 0)).plan!.steps[0]!;
    // Both open the step at rev 1; Grace saves first.
    state = must(act(state, 1, await browser.make(1, make.editStep(opening.id, opening.rev, { text: 'Buy spelt', owner: 'me', date: '2026-12-24' }, 1))));
    const ada = await browser.make(0, make.editStep(opening.id, opening.rev, { text: 'Buy rye', owner: 'me', date: '' }, 0));
    const stale = act(state, 0, ada);
    expect(stale.ok ? 'ok' : stale.error.code).toBe('STALE_EDIT');
    // Ada's screen shows Grace's version, opened as Grace's (she sealed every field of it).
    const theirs = (await opened(state, 0)).plan!.steps[0]!;
    expect(theirs).toMatchObject({ text: 'Buy spelt', owner: 1, date: '2026-12-24', by: 1, rev: 2 });
    // Keep mine: the same words, sealed again over the version just seen.
    const kept = must(act(state, 0, await browser.make(0, make.editStep(opening.id, theirs.rev, { text: 'Buy rye', owner: 'me', date: '' }, 0))));
    expect((await opened(kept, 1)).plan!.steps[0]).toMatchObject({ text: 'Buy rye', owner: 0, date: null, by: 0, rev: 3 });
  });

  it('reordering while the other edits keeps both changes', async () => {
    let state = await planning();
    for (const text of ['One', 'Two', 'Three']) state = must(act(state, 0, await browser.make(0, make.addStep({ text, owner: 'both', date: '' }, 0))));
    const [one, , three] = state.plan!.steps;
    state = must(act(state, 1, await browser.make(1, make.editStep(three!.id, three!.rev, { text: 'Three, edited', owner: 'both', date: '' }, 1))));
    state = must(act(state, 0, { type: 'move-step', stepId: three!.id, before: one!.id }));
    expect((await opened(state, 0)).plan!.steps.map((s) => s.text)).toEqual(['Three, edited', 'One', 'Two']);
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
        let server = emptyPlan({ id: 'idea-1', seat: 0, sealed: fakeSealed('Bake bread') });
        // What each device last saw: its edits are made on this, possibly stale, copy.
        const seen: [Plan, Plan] = [server, server];
        // The model: for every step an acknowledged add created, the sealed text it must have now (or gone).
        const model = new Map<string, string | null>();
        let counter = 0;
        for (const o of ops) {
          if (o.kind === 'sync') {
            seen[o.seat] = server;
            continue;
          }
          const steps = seen[o.seat].steps;
          const target = steps.length > 0 ? steps[o.pick % steps.length]! : undefined;
          const text = fakeSealed(`t${++counter}`);
          let edit: PlanEdit;
          if (o.kind === 'add' || !target) edit = { type: 'add-step', stepId: `step-${counter}`, text, owner: fakeSealed('both'), date: fakeSealed('') };
          else if (o.kind === 'edit') edit = { type: 'edit-step', stepId: target.id, rev: target.rev, text };
          else if (o.kind === 'delete') edit = { type: 'delete-step', stepId: target.id };
          else if (o.kind === 'check') edit = { type: 'check-step', stepId: target.id, done: o.pick2 % 2 === 0 };
          else edit = { type: 'move-step', stepId: target.id, before: steps[o.pick2 % steps.length]?.id ?? null };
          const result = editPlan(server, o.seat, edit);
          if (!result.ok) {
            expect(['NOT_FOUND', 'STALE_EDIT']).toContain(result.error.code);
            continue;
          }
          server = result.value;
          seen[o.seat] = server; // the acting device gets the new snapshot
          if (edit.type === 'add-step') model.set(edit.stepId, text);
          if (edit.type === 'edit-step') model.set(edit.stepId, text);
          if (edit.type === 'delete-step') model.set(edit.stepId, null);
          const live = [...model].filter(([, t]) => t !== null);
          expect(server.steps.map((s) => s.id).sort()).toEqual(live.map(([id]) => id).sort());
          for (const [id, t] of live) expect(server.steps.find((s) => s.id === id)!.text).toEqual({ seat: expect.any(Number), sealed: t });
          expect(new Set(server.steps.map((s) => s.id)).size).toBe(server.steps.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('finishing and keeping', () => {
  it('one tap never finishes the plan for both: it is finished once both say so', async () => {
    const one = must(act(await planning(), 0, { type: 'finish', ready: true }));
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

  it('however the two say ready or not, the plan finishes exactly when both are ready, and a refusal changes nothing', async () => {
    const planned = await planning();
    const say = fc.record({ seat: fc.constantFrom<SeatIndex>(0, 1), ready: fc.boolean() });
    fc.assert(
      fc.property(fc.array(say, { maxLength: 12 }), (says) => {
        let state = planned;
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

  it('both write a line of thanks; both sealed lines go to Memories once both are in, under a title that is nobody’s words', async () => {
    let state = must(act(must(act(await planning(), 1, { type: 'finish', ready: true })), 0, { type: 'finish', ready: true }));
    const ada = await browser.make(0, make.appreciate('You kept us going'));
    const first = act(state, 0, ada);
    expect(first.ok && first.value.memories).toBeFalsy();
    state = must(first);
    expect(JSON.stringify(planTogether.view(state, 1))).not.toContain(ada.type === 'appreciate' && ada.text);
    expect((await opened(state, 1)).appreciations).toEqual([null, null]);
    const second = act(state, 1, await browser.make(1, make.appreciate('Your patience with the dough')));
    const memory = second.ok ? second.value.memories?.[0] : undefined;
    expect(memory?.title).toBe('We finished our project');
    expect(JSON.stringify(memory)).not.toMatch(/Bake|kept us|patience/);
    const [kept] = await openMemories([{ id: memory!.key, activity: 'plan-together', at: NOW, title: memory!.title, entries: memory!.entries }], browser.opener);
    expect(kept!.entries).toEqual([
      { seat: 0, text: 'You kept us going' },
      { seat: 1, text: 'Your patience with the dough' },
    ]);
    expect((await opened(must(second), 0)).appreciations).toEqual(['You kept us going', 'Your patience with the dough']);
  });

  it('the browser checks the thanks before sealing: an empty line is not sent', async () => {
    expect(await browser.refusal(0, make.appreciate('   '))).toEqual({ code: 'BAD_REQUEST', message: 'Write a line for the other person.' });
    expect((await browser.refusal(0, make.appreciate('x'.repeat(201))))?.code).toBe('TOO_LONG');
  });

  it('a room keeps a plan to reopen, and the lobby says how far it is, never its words', async () => {
    expect(planTogether.keep?.(fresh())).toBe(false);
    let state = await planning();
    expect(planTogether.keep?.(state)).toBe(true);
    expect(planTogether.summary?.(state)).toBe('no steps yet');
    for (const text of ['One', 'Two']) state = must(act(state, 0, await browser.make(0, make.addStep({ text, owner: 'both', date: '' }, 0))));
    state = must(act(state, 1, { type: 'check-step', stepId: state.plan!.steps[0]!.id, done: true }));
    expect(planTogether.summary?.(state)).toBe('1 of 2 steps done');
  });

  it('a state stored before values were sealed starts again, empty, and its words are never shown', async () => {
    const old = {
      phase: 'plan',
      drafts: [[{ text: 'Old words' }], []],
      ready: [false, false],
      pool: [{ id: 'i1', text: 'Old idea', from: [0] }],
      nextIdea: 2,
      votes: [[], []],
      voteLimit: 2,
      outcome: null,
      plan: { title: 'Old plan', why: ['', ''], steps: [{ id: 's1', text: 'Old step', owner: 0, date: null, done: false, rev: 1, by: 0 }], needs: [], targetDate: null, nextId: 2, changes: [] },
      appreciations: [null, null],
    } as unknown as State;
    expect(current(old)).toEqual(fresh());
    expect(JSON.stringify(planTogether.view(old, 0))).not.toContain('Old');
    expect(planTogether.awaiting(old)).toEqual({ seats: [0, 1], private: true });
    expect(planTogether.keep?.(old)).toBe(false);
    expect(planTogether.summary?.(old)).toBeNull();
    const next = must(act(old, 0, await idea(0, 'A new idea')));
    expect(JSON.stringify(next)).not.toContain('Old');
  });
});
