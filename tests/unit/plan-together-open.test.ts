// What the browser computes for "Plan something together" once it has opened the values (with a real key):
// ideas both brought, the plan as the screens read it, a value that does not open, the checks made before
// sealing (the server cannot make them any more), and the exports built from the opened plan.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { checkDate, isCalendarDate } from '../../shared/activities/plan-together/checks.js';
import { planTogether, type Move, type State } from '../../shared/activities/plan-together/index.js';
import { bothBrought, openView, sameIdea } from '../../shared/activities/plan-together/open.js';
import { planToIcs, planToMarkdown } from '../../shared/activities/plan-together/export.js';
import * as make from '../../shared/activities/plan-together/sealed-moves.js';
import { UNREADABLE } from '../../shared/sealed/opener.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { seededRng } from '../../shared/random.js';
import { planBrowser } from '../support/plan-sealed.js';
import { fakeSealed } from '../support/sealed.js';

const NOW = Date.UTC(2026, 10, 24, 12);
const names: [string, string] = ['Ada', 'Grace'];
const browser = await planBrowser();

function act(state: State, seat: SeatIndex, move: Move): State {
  const result = planTogether.move(state, seat, move, { now: NOW, rng: seededRng(1) });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.state;
}

async function planned(): Promise<State> {
  let state = planTogether.setup({ resume: false }, { audience: 'friends' }, seededRng(1));
  state = act(state, 0, await browser.make(0, make.addIdea({ text: 'Bake bread; with friends, together' }, [])));
  state = act(state, 1, await browser.make(1, make.addIdea({ text: 'Paint the shed' }, [])));
  state = act(act(state, 0, { type: 'ideas-done' }), 1, { type: 'ideas-done' });
  for (const seat of [0, 1] as const) state = act(state, seat, { type: 'vote', ideaId: state.pool[0]!.id, on: true });
  return act(act(state, 0, { type: 'votes-done' }), 1, { type: 'votes-done' });
}

describe('ideas both brought', () => {
  const at = (id: string, by: SeatIndex, text: string, extra: { deck?: string; late?: true } = {}) => ({ id, by, text, ...extra });

  it('the same deck idea, or most of the same words, is listed once with both names', () => {
    const listed = bothBrought([
      at('a', 0, 'Build a birdhouse', { deck: 'make-01' }),
      at('b', 0, 'Learn to juggle three balls'),
      at('c', 1, 'Build a simple birdhouse from scrap wood', { deck: 'make-01' }),
      at('d', 1, 'juggling: learn three balls!'),
      at('e', 1, 'Paint the kitchen'),
    ]);
    expect(listed.map((i) => [i.id, i.from])).toEqual([
      ['a', [0, 1]],
      ['b', [0, 1]],
      ['e', [1]],
    ]);
  });

  it('never matches one person’s two ideas, an idea added while choosing, or one that did not open', () => {
    expect(bothBrought([at('a', 0, 'river picnic'), at('b', 0, 'picnic by the river')]).map((i) => i.from)).toEqual([[0], [0]]);
    expect(bothBrought([at('a', 0, 'river picnic'), at('b', 1, 'picnic by the river', { late: true })])).toHaveLength(2);
    expect(bothBrought([at('a', 0, UNREADABLE), at('b', 1, UNREADABLE)])).toHaveLength(2);
  });

  it('matches ideas by their words, not by chance', () => {
    expect(sameIdea({ text: 'Plan a picnic by the river' }, { text: 'river picnic' })).toBe(true);
    expect(sameIdea({ text: 'Plan a picnic by the river' }, { text: 'Paint the kitchen' })).toBe(false);
  });
});

describe('opening the plan', () => {
  it('a garbage value, or a blob moved to another step or seat, reads as “Couldn’t read this” and the rest still opens', async () => {
    let state = await planned();
    for (const text of ['Buy flour', 'Knead']) state = act(state, 0, await browser.make(0, make.addStep({ text, owner: 'me', date: '2026-12-01' }, 0)));
    const [flour, knead] = state.plan!.steps;
    // A broken partner's device sends garbage that is well-formed in shape.
    state = act(state, 1, { type: 'add-need', needId: 'garbage-need', text: fakeSealed('not sealed') });
    const moved = { ...state, plan: { ...state.plan!, steps: [flour!, { ...knead!, text: flour!.text }, { ...flour!, id: 'copy-of', text: { ...flour!.text, seat: 1 as const } }] } };
    const view = await openView(planTogether.view(moved, 1), browser.opener);
    expect(view.plan!.steps.map((s) => s.text)).toEqual(['Buy flour', UNREADABLE, UNREADABLE]);
    expect(view.plan!.steps[1]).toMatchObject({ owner: 0, date: '2026-12-01' });
    expect(view.plan!.needs.map((n) => n.text)).toEqual([UNREADABLE]);
    expect(view.plan!.title).toBe('Bake bread; with friends, together');
  });

  it('a thanks sealed by one seat and sent as the other’s does not open', async () => {
    const sealed = (await browser.make(1, make.appreciate('Grace wrote this'))) as { text: string };
    const state: State = { ...(await planned()), phase: 'finished', appreciations: [sealed.text, sealed.text] };
    const opened = await openView(planTogether.view(state, 0), browser.opener);
    expect(opened.appreciations).toEqual([UNREADABLE, 'Grace wrote this']);
  });

  it('a new title and why it matters open as the seat that wrote them', async () => {
    let state = await planned();
    state = act(state, 1, { type: 'set-title', text: await browser.sealAs(1)('title', 'Bread night') });
    state = act(state, 0, await browser.make(0, make.setWhy('We love warm bread')));
    const view = await openView(planTogether.view(state, 1), browser.opener);
    expect(view.plan).toMatchObject({ title: 'Bread night', why: ['We love warm bread', ''] });
  });
});

describe('what the browser checks before it seals', () => {
  it('words that are empty or too long, dates that are not real: the server’s sentences, and nothing sent', async () => {
    const step = (text: string, date = '') => browser.refusal(0, make.addStep({ text, owner: 'me', date }, 0, NOW));
    expect(await step('')).toEqual({ code: 'BAD_REQUEST', message: 'A step cannot be empty.' });
    expect(await step('x'.repeat(201))).toEqual({ code: 'TOO_LONG', message: 'A step can be up to 200 characters.' });
    expect(await step('Buy flour', '2027-02-30')).toEqual({ code: 'BAD_REQUEST', message: 'That is not a real date.' });
    expect(await step('Buy flour', '2020-01-01')).toBeNull();
    expect(await browser.refusal(0, make.addNeed(' '))).toEqual({ code: 'BAD_REQUEST', message: 'A thing needed cannot be empty.' });
    expect(await browser.refusal(0, make.addIdea({ text: '  ' }, []))).toEqual({ code: 'BAD_REQUEST', message: 'Write the idea, or pick one.' });
    expect((await browser.refusal(0, make.setWhy('x'.repeat(201))))?.code).toBe('TOO_LONG');
  });

  it('a past target date needs a confirm', async () => {
    expect(await browser.refusal(0, make.setTarget('2020-01-01', false, NOW))).toEqual({ code: 'PAST_DATE', message: 'That date has passed. Use it anyway?' });
    expect(await browser.refusal(0, make.setTarget('2020-01-01', true, NOW))).toBeNull();
    expect(await browser.refusal(0, make.setTarget('2026-12-24', false, NOW))).toBeNull();
    expect(checkDate(null, NOW, false)).toBeNull();
  });

  it('real calendar dates only', () => {
    expect(['2026-02-28', '2028-02-29'].every(isCalendarDate)).toBe(true);
    expect(['2026-02-29', '2026-13-01', '26-01-01', 'tomorrow'].some(isCalendarDate)).toBe(false);
  });
});

describe('exports, built in the browser from the opened plan', () => {
  async function sample() {
    let state = await planned();
    const makers = [
      make.setTarget('2026-12-20', false, NOW),
      make.addStep({ text: 'Buy flour, yeast and salt', owner: 'me', date: '2026-12-01' }, 0, NOW),
      make.addStep({ text: 'Find a recipe — a long one that needs a folded line in the calendar file to stay within 75 octets ✨', owner: 'you', date: '2026-12-05' }, 0, NOW),
      make.addStep({ text: 'Clean the kitchen', owner: 'both', date: '' }, 0, NOW),
      make.addNeed('Big bowl'),
    ];
    for (const maker of makers) state = act(state, 0, await browser.make(0, maker));
    return (await openView(planTogether.view(state, 1), browser.opener)).plan!;
  }

  it('Markdown holds every step, with owner, date and check box', async () => {
    const plan = await sample();
    const markdown = planToMarkdown(plan, names);
    for (const step of plan.steps) expect(markdown).toContain(step.text);
    expect(markdown).toContain('# Bake bread; with friends, together');
    expect(markdown).toContain('Target date: 2026-12-20');
    expect(markdown).toContain('- [ ] Buy flour, yeast and salt — Ada (2026-12-01)');
    expect(markdown).toContain('Clean the kitchen — both');
    expect(markdown).toContain('Big bowl');
  });

  it('the .ics parses back with the target date and every dated step as events', async () => {
    const ics = planToIcs(await sample(), names, NOW);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.startDate.toString()).sort()).toEqual(['2026-12-01', '2026-12-05', '2026-12-20']);
    expect(events.map((e) => e.summary)).toContain('Bake bread; with friends, together');
    expect(events.map((e) => e.summary).join('|')).toContain('✨ (Grace)');
    expect(new Set(events.map((e) => e.uid)).size).toBe(3);
  });

  it('a value that did not open leaves the calendar without that event, and the text says so', async () => {
    const plan = await sample();
    const broken = { ...plan, steps: plan.steps.map((s, i) => (i === 0 ? { ...s, date: UNREADABLE, owner: null } : s)) };
    expect(planToMarkdown(broken, names)).toContain(`Buy flour, yeast and salt — ${UNREADABLE} (${UNREADABLE})`);
    expect(planToIcs(broken, names, NOW)).not.toContain('20261201');
  });
});
