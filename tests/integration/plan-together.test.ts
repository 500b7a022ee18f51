// Two real clients plan together over Redis with sealed moves (made as a browser makes them, with a real
// key): editing the plan at the same time, every acknowledged edit lands, nothing is doubled, and the plan
// is still there after the activity ends and reopens. Then canary words in every field: each opens the
// other's once shown, and no canary reaches Redis or the server's logs at trace level.
import { nanoid } from 'nanoid';
import { describe, expect, inject, it } from 'vitest';
import type { View } from '../../shared/activities/plan-together/index.js';
import { openView, type OpenView } from '../../shared/activities/plan-together/open.js';
import { planToMarkdown } from '../../shared/activities/plan-together/export.js';
import * as make from '../../shared/activities/plan-together/sealed-moves.js';
import { openMemories } from '../../shared/opened-room.js';
import type { CommandInput, SeatIndex } from '../../shared/protocol.js';
import { planBrowser, type PlanBrowser } from '../support/plan-sealed.js';
import { everything } from '../support/redis-dump.js';
import { browserSeal, TEST_SEAL } from '../support/sealed.js';
import { cid, client, connected, eventually, seatedPair, type Client, useServerOnRedis } from '../support/server.js';

const redisUrl = inject('redisUrl');

function planView(c: Client): View {
  const activity = c.snapshots.at(-1)?.view.activity;
  if (activity?.id !== 'plan-together') throw new Error('no plan yet');
  return activity.view;
}

function player(c: Client, seat: SeatIndex, browser: PlanBrowser) {
  const send = (command: CommandInput['command']) => c.socket.emitWithAck('room:command', { commandId: cid(), seat, command });
  return {
    send,
    move: (m: Record<string, unknown>) => send({ type: 'move', move: m }),
    /** A move made and sealed as this person's browser makes it. */
    sealed: async (maker: make.Maker) => send({ type: 'move', move: await browser.make(seat, maker) }),
    opened: (): Promise<OpenView> => openView(planView(c), browser.opener),
  };
}

describe.runIf(redisUrl !== '')('Plan something together over Redis', () => {
  const world = useServerOnRedis('plan');

  it('both edit at once: 2 × 60 concurrent edits, every acknowledged one kept, none doubled', async () => {
    const { ada: adaClient, grace: graceClient } = await seatedPair(world.server.url, 'friends');
    world.clients.push(adaClient, graceClient);
    const browser = await planBrowser(TEST_SEAL.id);
    const ada = player(adaClient, 0, browser);
    const grace = player(graceClient, 1, browser);

    await ada.send({ type: 'propose', activity: 'plan-together', options: {} });
    await ada.send({ type: 'ready' });
    await grace.send({ type: 'ready' });
    await ada.sealed(make.addIdea({ text: 'Build a bird feeder' }, []));
    await grace.sealed(make.addIdea({ text: 'Bake a layer cake' }, []));
    await Promise.all([ada.move({ type: 'ideas-done' }), grace.move({ type: 'ideas-done' })]);
    await eventually(() => expect(planView(adaClient).phase).toBe('choose'));
    const cake = (await ada.opened()).pool.find((p) => p.text === 'Bake a layer cake')!;
    await ada.move({ type: 'vote', ideaId: cake.id, on: true });
    await grace.move({ type: 'vote', ideaId: cake.id, on: true });
    await Promise.all([ada.move({ type: 'votes-done' }), grace.move({ type: 'votes-done' })]);
    await eventually(async () => expect((await grace.opened()).plan?.title).toBe('Bake a layer cake'));

    // Both add steps at once.
    const adds = await Promise.all([
      ...Array.from({ length: 60 }, (_, i) => ada.sealed(make.addStep({ text: `ada ${i}`, owner: 'me', date: '' }, 0))),
      ...Array.from({ length: 40 }, (_, i) => grace.sealed(make.addStep({ text: `grace ${i}`, owner: 'me', date: '' }, 1))),
    ]);
    expect(adds.every((a) => a.ok)).toBe(true);
    const steps = await eventually(async () => {
      const s = (await ada.opened()).plan!.steps;
      expect(s).toHaveLength(100);
      return s;
    });
    expect(new Set(steps.map((s) => s.text)).size).toBe(100);
    const over = await grace.sealed(make.addStep({ text: 'one too many', owner: 'both', date: '' }, 1));
    expect(over.ok ? 'ok' : over.error.code).toBe('NOT_POSSIBLE');

    // Then edit, check off, move and delete at once, each from a snapshot that may be stale.
    const adaEdits = steps.slice(0, 30).map((s) => ada.sealed(make.editStep(s.id, s.rev, { text: `${s.text} (edited)`, owner: 'me', date: '' }, 0)));
    const graceChecks = steps.slice(20, 50).map((s) => grace.move({ type: 'check-step', stepId: s.id, done: true }));
    const graceDeletes = steps.slice(90).map((s) => grace.move({ type: 'delete-step', stepId: s.id }));
    const adaMoves = steps.slice(80, 85).map((s) => ada.move({ type: 'move-step', stepId: s.id, before: steps[0]!.id }));
    const [edits, checks, deletes, moves] = await Promise.all([
      Promise.all(adaEdits),
      Promise.all(graceChecks),
      Promise.all(graceDeletes),
      Promise.all(adaMoves),
    ]);
    // Grace's device hears of Ada's last changes a moment after Ada's answers.
    const final = await eventually(async () => {
      const plan = (await grace.opened()).plan!;
      expect(plan.steps).toHaveLength(90);
      expect(plan.steps.filter((s) => s.text.endsWith('(edited)'))).toHaveLength(30);
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

    // Ending keeps the plan with the room (the lobby says how far it is); reopening brings it back as it was.
    await ada.send({ type: 'end-activity' });
    await eventually(() => expect(adaClient.snapshots.at(-1)?.view.kept).toEqual([{ activity: 'plan-together', summary: '30 of 90 steps done' }]));
    await grace.send({ type: 'propose', activity: 'plan-together', options: { resume: true } });
    await ada.send({ type: 'ready' });
    await grace.send({ type: 'ready' });
    await eventually(async () => expect((await ada.opened()).plan?.steps).toEqual(final.steps));
  });
});

describe.runIf(redisUrl !== '')('Plan something together, sealed', () => {
  const sealedWorld = useServerOnRedis('plan-sealed', { logLevel: 'trace' });

  it('canaries in ideas, title, steps, dates, why, needs and thanks: each opens the other’s, and none reaches Redis or the logs', async () => {
    const { server, admin, logs, clients } = sealedWorld;
    const canary = (what: string, seat: SeatIndex) => `Canary${what}${seat}${nanoid(6)}`;
    const adaClient = client(server.url);
    const graceClient = client(server.url);
    clients.push(adaClient, graceClient);
    await Promise.all([connected(adaClient), connected(graceClient)]);

    const room = await browserSeal();
    const created = await adaClient.socket.emitWithAck('room:create', { commandId: cid(), name: await room.name(0, 'Ada'), audience: 'partners', mode: 'two-devices', seal: room.seal });
    if (!created.ok) throw new Error(created.error.message);
    const joined = await graceClient.socket.emitWithAck('room:join', { commandId: cid(), roomId: created.roomId, name: await room.name(1, 'Grace') });
    if (!joined.ok) throw new Error(joined.error.message);
    const browser = await planBrowser(room.seal.id, room.key);
    const ada = player(adaClient, 0, browser);
    const grace = player(graceClient, 1, browser);
    const words = {
      ideas: [canary('Idea', 0), canary('Idea', 1)],
      title: canary('Title', 1),
      why: [canary('Why', 0), canary('Why', 1)],
      steps: [canary('Step', 0), canary('Step', 1)],
      needs: [canary('Need', 0), canary('Need', 1)],
      thanks: [canary('Thanks', 0), canary('Thanks', 1)],
    };
    // Dates hold no words, so distinctive days stand in for canaries.
    const dates = ['2031-01-15', '2031-02-15', '2031-06-30'];
    const all = [...Object.values(words).flat(), ...dates];

    expect((await ada.send({ type: 'propose', activity: 'plan-together', options: {} })).ok).toBe(true);
    await ada.send({ type: 'ready' });
    await grace.send({ type: 'ready' });
    expect((await ada.sealed(make.addIdea({ text: `Picnic ${words.ideas[0]}` }, []))).ok).toBe(true);
    expect((await grace.sealed(make.addIdea({ text: `Kites ${words.ideas[1]}` }, []))).ok).toBe(true);
    await ada.move({ type: 'ideas-done' });
    // Before Grace is done, her device never received Ada's sealed idea, not even its ciphertext.
    const adaIdea = (adaClient.snapshots.at(-1)!.view.activity!.view as View).mine[0]!.sealed;
    expect(JSON.stringify(graceClient.received)).not.toContain(adaIdea);
    await grace.move({ type: 'ideas-done' });
    await eventually(() => expect(planView(graceClient).phase).toBe('choose'));
    expect((await grace.opened()).pool.map((p) => p.text)).toEqual([`Picnic ${words.ideas[0]}`, `Kites ${words.ideas[1]}`]);
    const picnic = (await ada.opened()).pool[0]!;
    await ada.move({ type: 'vote', ideaId: picnic.id, on: true });
    await grace.move({ type: 'vote', ideaId: picnic.id, on: true });
    await ada.move({ type: 'votes-done' });
    await grace.move({ type: 'votes-done' });
    await eventually(async () => expect((await grace.opened()).plan?.title).toBe(`Picnic ${words.ideas[0]}`));

    expect((await grace.send({ type: 'move', move: { type: 'set-title', text: await browser.sealAs(1)('title', words.title) } })).ok).toBe(true);
    for (const [player_, seat] of [[ada, 0], [grace, 1]] as const) {
      expect((await player_.sealed(make.setWhy(words.why[seat]!))).ok).toBe(true);
      expect((await player_.sealed(make.addStep({ text: words.steps[seat]!, owner: seat === 0 ? 'me' : 'both', date: `2031-0${seat + 1}-15` }, seat))).ok).toBe(true);
      expect((await player_.sealed(make.addNeed(words.needs[seat]!))).ok).toBe(true);
    }
    expect((await ada.sealed(make.setTarget('2031-06-30', false))).ok).toBe(true);

    // Each opens the other's words in the plan, and an export built from the opened plan holds them all.
    for (const p of [ada, grace]) {
      const plan = await eventually(async () => {
        const opened = (await p.opened()).plan!;
        expect(opened.needs).toHaveLength(2);
        expect(opened.targetDate).toBe('2031-06-30');
        return opened;
      });
      expect(plan.title).toBe(words.title);
      expect(plan.why).toEqual(words.why);
      expect(plan.steps.map((s) => [s.text, s.owner, s.date])).toEqual([
        [words.steps[0], 0, '2031-01-15'],
        [words.steps[1], 'both', '2031-02-15'],
      ]);
      expect(plan.needs.map((n) => n.text)).toEqual(words.needs);
      const markdown = planToMarkdown(plan, ['Ada', 'Grace']);
      for (const w of [words.title, ...words.why, ...words.steps, ...words.needs]) expect(markdown).toContain(w);
    }

    await ada.move({ type: 'finish', ready: true });
    await grace.move({ type: 'finish', ready: true });
    expect((await ada.sealed(make.appreciate(words.thanks[0]!))).ok).toBe(true);
    const adaThanks = (adaClient.snapshots.at(-1)!.view.activity!.view as View).appreciations[0]!;
    expect(JSON.stringify(graceClient.received)).not.toContain(adaThanks);
    expect((await grace.sealed(make.appreciate(words.thanks[1]!))).ok).toBe(true);
    await eventually(async () => expect((await ada.opened()).appreciations).toEqual(words.thanks));
    expect((await grace.opened()).appreciations).toEqual(words.thanks);
    const memories = await eventually(() => {
      const kept = graceClient.snapshots.at(-1)!.view.memories;
      expect(kept).toHaveLength(1);
      return kept;
    });
    expect(memories[0]!.title).toBe('We finished our project');
    expect((await openMemories(memories, browser.opener))[0]!.entries.map((e) => e.text)).toEqual(words.thanks);

    // The end: the plan kept with the room, and nothing of the words anywhere in Redis or the logs.
    await ada.send({ type: 'end-activity' });
    await eventually(() => expect(adaClient.snapshots.at(-1)?.view.kept).toEqual([{ activity: 'plan-together', summary: '0 of 2 steps done' }]));
    const keys = await everything(admin);
    expect(keys.some((k) => k.text.includes(room.seal.check)), 'the room is in this Redis').toBe(true);
    for (const key of keys) for (const w of all) expect(`${key.key} ${key.text}`, key.key).not.toContain(w);
    const text = logs.join('\n');
    expect(text).toContain('room created');
    for (const w of all) expect(text).not.toContain(w);
    // The canaries were really typed: they stand in the frames only as ciphertext, and open with the key.
    for (const w of all) expect(JSON.stringify(adaClient.received)).not.toContain(w);
  });
});
