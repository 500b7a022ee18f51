// Two real clients plan together over Redis, editing the plan at the same time: every acknowledged
// edit lands, nothing is doubled, and the plan is still there after the activity ends and reopens.
import { describe, expect, inject, it } from 'vitest';
import type { View } from '../../shared/activities/plan-together/index.js';
import type { CommandInput, SeatIndex } from '../../shared/protocol.js';
import { cid, eventually, seatedPair, type Client, useServerOnRedis } from '../support/server.js';

const redisUrl = inject('redisUrl');

function planView(c: Client): View {
  const activity = c.snapshots.at(-1)?.view.activity;
  if (activity?.id !== 'plan-together') throw new Error('no plan yet');
  return activity.view;
}

describe.runIf(redisUrl !== '')('Plan something together over Redis', () => {
  const world = useServerOnRedis('plan');

  it('both edit at once: 2 × 60 concurrent edits, every acknowledged one kept, none doubled', async () => {
    const { ada, grace } = await seatedPair(world.server.url, 'friends');
    world.clients.push(ada, grace);
    const send = (c: Client, seat: SeatIndex, command: CommandInput['command']) =>
      c.socket.emitWithAck('room:command', { commandId: cid(), seat, command });
    const move = (c: Client, seat: SeatIndex, m: Record<string, unknown>) => send(c, seat, { type: 'move', move: m });

    await send(ada, 0, { type: 'propose', activity: 'plan-together', options: {} });
    await send(ada, 0, { type: 'ready' });
    await send(grace, 1, { type: 'ready' });
    await move(ada, 0, { type: 'add-idea', text: 'Build a bird feeder' });
    await move(grace, 1, { type: 'add-idea', text: 'Bake a layer cake' });
    await Promise.all([move(ada, 0, { type: 'ideas-done' }), move(grace, 1, { type: 'ideas-done' })]);
    const pool = await eventually(() => {
      expect(planView(ada).phase).toBe('choose');
      return planView(ada).pool;
    });
    const cake = pool.find((p) => p.text === 'Bake a layer cake')!;
    await move(ada, 0, { type: 'vote', ideaId: cake.id, on: true });
    await move(grace, 1, { type: 'vote', ideaId: cake.id, on: true });
    await Promise.all([move(ada, 0, { type: 'votes-done' }), move(grace, 1, { type: 'votes-done' })]);
    await eventually(() => expect(planView(grace).plan?.title).toBe('Bake a layer cake'));

    // Both add steps at once.
    const adds = await Promise.all([
      ...Array.from({ length: 60 }, (_, i) => move(ada, 0, { type: 'add-step', text: `ada ${i}`, owner: 'me' })),
      ...Array.from({ length: 40 }, (_, i) => move(grace, 1, { type: 'add-step', text: `grace ${i}`, owner: 'me' })),
    ]);
    expect(adds.every((a) => a.ok)).toBe(true);
    const steps = await eventually(() => {
      const s = planView(ada).plan!.steps;
      expect(s).toHaveLength(100);
      return s;
    });
    expect(new Set(steps.map((s) => s.text)).size).toBe(100);
    const over = await move(grace, 1, { type: 'add-step', text: 'one too many', owner: 'both' });
    expect(over.ok ? 'ok' : over.error.code).toBe('NOT_POSSIBLE');

    // Then edit, check off, move and delete at once, each from a snapshot that may be stale.
    const adaEdits = steps.slice(0, 30).map((s) => move(ada, 0, { type: 'edit-step', stepId: s.id, rev: s.rev, text: `${s.text} (edited)` }));
    const graceChecks = steps.slice(20, 50).map((s) => move(grace, 1, { type: 'check-step', stepId: s.id, done: true }));
    const graceDeletes = steps.slice(90).map((s) => move(grace, 1, { type: 'delete-step', stepId: s.id }));
    const adaMoves = steps.slice(80, 85).map((s) => move(ada, 0, { type: 'move-step', stepId: s.id, before: steps[0]!.id }));
    const [edits, checks, deletes, moves] = await Promise.all([
      Promise.all(adaEdits),
      Promise.all(graceChecks),
      Promise.all(graceDeletes),
      Promise.all(adaMoves),
    ]);
    const final = await eventually(() => {
      const plan = planView(grace).plan!;
      expect(plan.steps).toHaveLength(90);
      return plan;
    });
    const byId = new Map(final.steps.map((s) => [s.id, s]));
    // Ticking off, moving and deleting other steps never get in the way of an edit.
    expect(edits.every((e) => e.ok)).toBe(true);
    for (const s of steps.slice(0, 30)) expect(byId.get(s.id)!.text).toBe(`${s.text} (edited)`);
    expect(checks.every((c) => c.ok)).toBe(true);
    for (const s of steps.slice(20, 50)) expect(byId.get(s.id)!.done).toBe(true);
    expect(deletes.every((d) => d.ok) && moves.every((m) => m.ok)).toBe(true);
    expect(new Set(final.steps.map((s) => s.id)).size).toBe(90);

    // Ending keeps the plan with the room; reopening brings it back as it was.
    await send(ada, 0, { type: 'end-activity' });
    await eventually(() => expect(ada.snapshots.at(-1)?.view.kept).toEqual([{ activity: 'plan-together', summary: 'Bake a layer cake' }]));
    await send(grace, 1, { type: 'propose', activity: 'plan-together', options: { resume: true } });
    await send(ada, 0, { type: 'ready' });
    await send(grace, 1, { type: 'ready' });
    await eventually(() => expect(planView(ada).plan?.steps).toEqual(final.steps));
  });
});
