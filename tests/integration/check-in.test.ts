// Check-in between two real clients over Redis, every value sealed with a real room key as the browsers
// seal it: Ada checks in, Grace's frames hold nothing of it (not even the sealed text) until Grace is in
// too; refusals come with a sentence and leave the room unchanged; the pair opens with the key; a star keeps
// both under a date; ending keeps it in the lobby with its count and it picks up again with its history. No
// word they wrote, and neither time zone, reaches Redis or the trace-level logs in the clear. (The server
// takes no injected clock, so days across midnight are the unit tests'; this is one day, as it is now.)
import { describe, expect, it } from 'vitest';
import { dayIn } from '../../shared/activities/check-in/days.js';
import { starMemory, type View } from '../../shared/activities/check-in/index.js';
import { writeMood, writeWords } from '../../shared/activities/check-in/model.js';
import { moodSlot, openView, ROOM_ZONE_SLOT, starWords, wordsSlot, ZONE_SLOT } from '../../shared/activities/check-in/open.js';
import { memorySlot } from '../../shared/activities/types.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { expectMentions, expectNoCanary, logSource, recordSent, redisSources, type Source } from '../support/canary.js';
import { sealedPair } from '../support/sealed-pair.js';
import { cid, eventually, useServerOnRedis, type Client } from '../support/server.js';

function checkInView(c: Client, seat: SeatIndex): View {
  const activity = [...c.snapshots].reverse().find((s) => s.seat === seat)?.view.activity;
  if (activity?.id !== 'check-in') throw new Error('not started');
  return activity.view;
}

describe('Check-in over Redis, sealed', () => {
  const world = useServerOnRedis('check-in', { logLevel: 'trace' });

  it('Grace receives nothing of Ada’s check-in until both are in; then both open; nothing written, no zone, reaches Redis or the logs', async () => {
    const canary = `CheckInCanary${Date.now().toString(36)}`;
    const sent: Source[] = [];
    const pair = await sealedPair(world.server.url, ['Ada', 'Grace'], { onClient: (c, name) => void sent.push(recordSent(c, name)) });
    world.clients.push(pair.ada, pair.grace);
    const move = (seat: SeatIndex, m: Record<string, unknown>) => pair.send(seat, { type: 'move', move: m });
    const version = async () => (await world.store.load(pair.roomId)).stored!.version;

    await pair.send(0, { type: 'propose', activity: 'check-in', options: {} });
    await pair.send(0, { type: 'ready' });
    expect((await pair.send(1, { type: 'ready' })).ok).toBe(true);

    // Zones, sealed: the creator's sets the room's; each their own.
    const seal = (seat: SeatIndex, slot: string, text: string) => pair.seal(seat, 'check-in', slot, text);
    expect((await move(0, { type: 'zone', zone: await seal(0, ZONE_SLOT, 'Europe/London') })).ok).toBe(true);
    expect((await move(0, { type: 'room-zone', zone: await seal(0, ROOM_ZONE_SLOT, 'Europe/London') })).ok).toBe(true);
    expect((await move(1, { type: 'zone', zone: await seal(1, ZONE_SLOT, 'Australia/Sydney') })).ok).toBe(true);
    const day = dayIn('Europe/London', Date.now())!;
    expect((await move(0, { type: 'day', day })).ok).toBe(true);

    const entry = async (seat: SeatIndex, mood: 1 | 2 | 3 | 4 | 5, who: string) => ({
      type: 'answer',
      day,
      mood: await seal(seat, moodSlot(day), writeMood(mood)),
      words: await seal(seat, wordsSlot(day), writeWords({ high: `${canary}-${who}-high`, low: `${canary}-${who}-low`, need: who === 'ada' ? `${canary}-need` : '', thanks: '' })),
    });
    const ada = await entry(0, 4, 'ada');
    expect((await move(0, ada)).ok).toBe(true);
    await eventually(() => expect(checkInView(pair.grace, 1).today?.in).toEqual([true, false]));
    const toGrace = () => JSON.stringify(pair.grace.received);
    expect(toGrace()).not.toContain(ada.mood);
    expect(toGrace()).not.toContain(ada.words);

    // Refusals, each with a sentence, and the room unchanged.
    const before = await version();
    const refusals = await Promise.all([
      move(0, await entry(0, 2, 'again')),
      move(1, { ...(await entry(1, 2, 'grace')), day: '2020-01-01' }),
      move(1, { ...(await entry(1, 2, 'grace')), mood: '4' }),
      move(1, { type: 'star', day, starred: true, entries: [] }),
      move(1, { type: 'read', day }),
    ]);
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ALREADY_ANSWERED', 'WRONG_PHASE', 'BAD_REQUEST', 'WRONG_PHASE', 'NOT_FOUND']);
    for (const r of refusals) if (!r.ok) expect(r.error.message).toMatch(/\w+ \w+.*\./);
    expect(await version()).toBe(before);
    expect(toGrace()).not.toContain(ada.words);

    expect((await move(1, await entry(1, 2, 'grace'))).ok).toBe(true);
    const opener = (at: { activity: string; slot: string; seat: SeatIndex }, sealed: string) => pair.open(at.seat, at.activity, at.slot, sealed);
    for (const [c, seat] of [[pair.ada, 0], [pair.grace, 1]] as const) {
      const opened = await eventually(async () => {
        const view = await openView(checkInView(c, seat), opener);
        expect(view.today?.both).not.toBeNull();
        return view;
      });
      expect(opened.today!.both!.map((e) => e.mood)).toEqual([4, 2]);
      expect(opened.today!.both![0].words?.need).toBe(`${canary}-need`);
      expect(opened.zones).toEqual({ room: 'Europe/London', roomSet: true, seats: ['Europe/London', 'Australia/Sydney'] });
    }

    // Grace stars the day: the memory's title is a date, its words sealed by her browser.
    const opened = await openView(checkInView(pair.grace, 1), opener);
    const { key, title } = starMemory(day);
    const entries = await Promise.all(starWords(opened.today!.both!).map(async (w) => ({ seat: w.seat, sealed: await pair.seal(w.seat, 'check-in', memorySlot(key), w.text) })));
    expect((await move(1, { type: 'star', day, starred: true, entries })).ok).toBe(true);
    await eventually(() => expect(pair.view(0).memories.map((m) => m.title)).toEqual([title]));

    // Ending keeps it in the lobby with its count; picking it up again brings the day back.
    expect((await pair.send(1, { type: 'end-activity' })).ok).toBe(true);
    await eventually(() => expect(pair.view(0).kept).toEqual([{ activity: 'check-in', summary: '1 check-in' }]));
    await pair.send(0, { type: 'propose', activity: 'check-in', options: { resume: true } });
    await pair.send(0, { type: 'ready' });
    await pair.send(1, { type: 'ready' });
    await eventually(() => expect(checkInView(pair.ada, 0).history.map((d) => d.day)).toEqual([day]));

    const redis = await redisSources(world.admin);
    expectMentions([{ name: 'redis', text: redis.map((s) => s.text).join('\n') }], pair.sealId);
    expectNoCanary([canary, 'Europe/London', 'Australia/Sydney', 'Sydney', '"high"'], [...redis, logSource(world.logs)]);
    expectNoCanary([canary, 'Europe/London', 'Australia/Sydney'], sent);
  });
});

describe('Check-in days follow the zone the room was made with', () => {
  const world = useServerOnRedis('check-in-zone', { logLevel: 'trace' });

  it('the creator’s zone, sealed at creation, is the room’s from the first check-in: the partner may open the day first', async () => {
    const pair = await sealedPair(world.server.url, ['Ada', 'Grace'], { zone: 'Pacific/Auckland' });
    world.clients.push(pair.ada, pair.grace);
    await pair.send(1, { type: 'propose', activity: 'check-in', options: {} });
    await pair.send(1, { type: 'ready' });
    expect((await pair.send(0, { type: 'ready' })).ok).toBe(true);

    const opener = (at: { activity: string; slot: string; seat: SeatIndex }, sealed: string) => pair.open(at.seat, at.activity, at.slot, sealed);
    for (const [c, seat] of [[pair.ada, 0], [pair.grace, 1]] as const) {
      const opened = await eventually(async () => openView(checkInView(c, seat), opener));
      expect(opened.zones.room).toBe('Pacific/Auckland');
      expect(opened.zones.roomSet).toBe(true);
    }
    // Grace opens the day, in the room's zone, before Ada's device has said anything.
    const day = dayIn('Pacific/Auckland', Date.now())!;
    expect((await pair.send(1, { type: 'move', move: { type: 'day', day } })).ok).toBe(true);
    await eventually(() => expect(checkInView(pair.ada, 0).today?.day).toBe(day));

    const redis = await redisSources(world.admin);
    expectNoCanary(['Pacific/Auckland', 'Auckland'], [...redis, logSource(world.logs)]);
  });

  it('a zone that is not a sealed value is refused with a sentence, and no room is made', async () => {
    const pair = await sealedPair(world.server.url);
    world.clients.push(pair.ada, pair.grace);
    const sealedName = pair.view(0).seats[0]!.name;
    const refused = await pair.ada.socket.emitWithAck('room:create', {
      commandId: cid(),
      name: sealedName,
      audience: 'partners',
      mode: 'two-devices',
      seal: pair.view(0).seal!,
      zone: 'Europe/London',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('BAD_REQUEST');
      expect(refused.error.message).toMatch(/\w+ \w+.*\./);
    }
  });
});
