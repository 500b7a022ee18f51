// Check-in on a Redis that keeps an append-only file: two real clients give their zones and a day's
// check-in, sealed with a real key, and star it; neither a word they wrote nor either time zone is in the
// clear in any Redis value, the adapter stream, the AOF files, the logs at trace or any frame either side saw.
import { nanoid } from 'nanoid';
import { afterAll, describe, expect, it } from 'vitest';
import { dayIn } from '../../shared/activities/check-in/days.js';
import { starMemory } from '../../shared/activities/check-in/index.js';
import { writeMood, writeWords } from '../../shared/activities/check-in/model.js';
import { moodSlot, openView, ROOM_ZONE_SLOT, starWords, wordsSlot, ZONE_SLOT } from '../../shared/activities/check-in/open.js';
import { memorySlot } from '../../shared/activities/types.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { expectMentions, expectNoCanary, logSource, recordSent, redisSources, streamSources, type Source, startAofWorld, type AofWorld } from '../support/canary.js';
import { redisServerInstalled } from '../support/redis-server.js';
import { sealedPair } from '../support/sealed-pair.js';
import { eventually } from '../support/server.js';

/** Zones no other test uses, so finding one means a check-in zone leaked. */
const ZONES = ['America/Argentina/Ushuaia', 'Pacific/Chatham'] as const;

describe.runIf(redisServerInstalled())('Check-in, on a Redis that keeps an append-only file', () => {
  let world: AofWorld | undefined;
  afterAll(() => world?.close());

  it('leaves no word and no time zone in Redis, its AOF, the stream, the logs at trace or any frame', { timeout: 60_000 }, async () => {
    world = await startAofWorld(`aof-check-in-${nanoid(8)}`);
    const { redis, admin, server, logs, received, clients } = world;
    const sent: Source[] = [];
    const canary = `CheckInAof${nanoid(8)}`;
    const pair = await sealedPair(server.url, ['Ada', 'Grace'], { onClient: (c, name) => sent.push(recordSent(c, name)) });
    clients.push(pair.ada, pair.grace);
    const move = async (seat: SeatIndex, m: Record<string, unknown>) => expect((await pair.send(seat, { type: 'move', move: m })).ok).toBe(true);
    const seal = (seat: SeatIndex, slot: string, text: string) => pair.seal(seat, 'check-in', slot, text);

    await pair.send(0, { type: 'propose', activity: 'check-in', options: {} });
    await pair.send(0, { type: 'ready' });
    await pair.send(1, { type: 'ready' });
    await move(0, { type: 'room-zone', zone: await seal(0, ROOM_ZONE_SLOT, ZONES[0]) });
    for (const seat of [0, 1] as const) await move(seat, { type: 'zone', zone: await seal(seat, ZONE_SLOT, ZONES[seat]) });
    const day = dayIn(ZONES[0], Date.now())!;
    for (const seat of [0, 1] as const) {
      const words = writeWords({ high: `${canary} high ${seat}`, low: `${canary} low ${seat}`, need: `${canary} need ${seat}`, thanks: `${canary} thanks ${seat}` });
      await move(seat, { type: 'answer', day, mood: await seal(seat, moodSlot(day), writeMood(5)), words: await seal(seat, wordsSlot(day), words) });
    }
    const opener = (at: { activity: string; slot: string; seat: SeatIndex }, sealed: string) => pair.open(at.seat, at.activity, at.slot, sealed);
    const opened = await eventually(async () => {
      const activity = pair.view(0).activity;
      if (activity?.id !== 'check-in' || !activity.view.today?.both) throw new Error('not both in yet');
      return openView(activity.view, opener);
    });
    expect(opened.zones.seats).toEqual([...ZONES]);
    const { key } = starMemory(day);
    const entries = await Promise.all(starWords(opened.today!.both!).map(async (w) => ({ seat: w.seat, sealed: await seal(w.seat, memorySlot(key), w.text) })));
    await move(0, { type: 'star', day, starred: true, entries });
    await eventually(() => expect(pair.view(1).memories).toHaveLength(1));

    const streams = await streamSources(admin);
    const values = await redisSources(admin);
    const aof = (await redis.files()).filter((f) => f.name.endsWith('.aof'));
    expect(aof.length, 'Redis wrote append-only files').toBeGreaterThan(0);
    expectMentions([{ name: 'aof files', text: aof.map((f) => f.text).join('\n') }, ...streams, received], pair.sealId);
    expectNoCanary([canary, ...ZONES, 'Ushuaia', 'Chatham', /"high":"/], [...values, ...streams, ...aof, logSource(logs), received, ...sent]);
  });
});
