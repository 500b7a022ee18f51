// Check-in in Chromium, sealed: on two devices (Ada in London, Grace in Sydney) each checks in when she
// likes; the other sees only "Ada checked in" and receives nothing of the entry until both are in, then
// both side by side; a history of earlier days (seeded in the store with values sealed by the room key)
// draws the chart and the calendar; ending keeps it in the lobby with its count. And on one shared
// device: each checks in privately behind the hand-off, and the pair is seen together.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { addDays, dayIn, dayTitle } from '../../shared/activities/check-in/days.js';
import type { Day, State } from '../../shared/activities/check-in/index.js';
import { writeMood, writeWords, type Mood } from '../../shared/activities/check-in/model.js';
import { moodSlot, wordsSlot } from '../../shared/activities/check-in/open.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { importRoomKey, seal, type RoomKey } from '../../shared/sealed/seal.js';
import type { RoomStore } from '../../server/store/types.js';
import { PHONE, TABLET } from '../support/browser.js';
import { acceptSuggestion, createRoom, expectAccessible, framesFrom, framesTo, handTo, joinByLink, sharedDevice, shoot, shootBoth, skipCloseness, skipClosenessInTurn, startActivity, useBrowserWorld } from '../support/people.js';

async function inZone(page: Page, timezoneId: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId });
}

async function checkIn(page: Page, mood: string, high: string, low: string, need = ''): Promise<void> {
  await page.getByRole('heading', { name: "Today's check-in" }).waitFor();
  await page.getByRole('radio', { name: new RegExp(`^${mood}`) }).check();
  await page.getByLabel('A high').fill(high);
  await page.getByLabel('A low').fill(low);
  if (need) await page.getByLabel(/One thing I need/).fill(need);
  await page.getByRole('button', { name: 'Check in' }).click();
}

/** Earlier days written into the stored room as two browsers would have sealed them. */
async function seedDays(store: RoomStore, roomId: string, key: RoomKey, days: { day: string; moods: [Mood | null, Mood | null] }[]): Promise<void> {
  const { stored } = await store.load(roomId);
  if (!stored?.room.play.activity || !stored.room.seal) throw new Error('no check-in running');
  const sealId = stored.room.seal.id;
  const sealFor = async (seat: SeatIndex, slot: string, text: string) => {
    const r = await seal(key, { room: sealId, seat, activity: 'check-in', slot }, text);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const seeded: Day[] = [];
  for (const { day, moods } of days) {
    const entry = async (seat: SeatIndex) => {
      const mood = moods[seat];
      if (mood === null) return null;
      const words = writeWords({ high: `an earlier high ${day}`, low: `an earlier low ${day}`, need: '', thanks: seat === 0 ? 'for the tea' : '' });
      return { mood: await sealFor(seat, moodSlot(day), writeMood(mood)), words: await sealFor(seat, wordsSlot(day), words), at: Date.parse(`${day}T20:00:00Z`) };
    };
    seeded.push({ day, entries: [await entry(0), await entry(1)] });
  }
  const state = stored.room.play.activity.state as State;
  const room = { ...stored.room, play: { ...stored.room.play, activity: { ...stored.room.play.activity, state: { ...state, days: [...seeded, ...state.days] } } } };
  const outcome = await store.commit({ roomId, expectedVersion: stored.version, room, commandId: `seed-${Date.now()}`, result: '{"ok":true}', ttlMs: 3_600_000 });
  expect(outcome.status).toBe('ok');
}

describe.runIf(inject('chromium'))('Check-in in Chromium', () => {
  const world = useBrowserWorld();

  it('two devices hours apart: "Ada checked in" and nothing of hers reaches Grace until both are in; then side by side, the history, and kept in the lobby', async () => {
    const canary = `Canary${Date.now().toString(36)}`;
    const ada = await world.people.open(PHONE);
    await inZone(ada, 'Europe/London');
    const fromAda = framesFrom(ada);
    const link = await createRoom(ada, world.server.url, 'Ada');
    const grace = await world.people.open(TABLET);
    await inZone(grace, 'Australia/Sydney');
    const toGrace = framesTo(grace);
    await joinByLink(grace, link, 'Grace');
    await ada.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
    await startActivity('Check-in', [ada, grace]);
    for (const page of [ada, grace]) await skipCloseness(page);

    // The days follow the creator's zone; each sees both local times.
    await ada.getByText('Days follow London time.').waitFor();
    await grace.getByText('Days follow London time.').waitFor();
    await ada.getByText(/for you, \d\d:\d\d for Grace\./).waitFor();
    await grace.getByText(/for you, \d\d:\d\d for Ada\./).waitFor();
    await expectAccessible(grace, 'check-in form');
    await shootBoth(grace, 'check-in-form');

    await checkIn(ada, 'Good', `${canary}-ada-high`, `${canary}-ada-low`, `${canary}-ada-need`);
    await ada.getByRole('heading', { name: "You're in" }).waitFor();
    await ada.getByText('What you wrote').click();
    await ada.getByText(`${canary}-ada-need`).waitFor();
    await grace.getByText(/^Ada checked in at \d\d:\d\d\. You'll see both once you're in too\.$/).waitFor();
    const sent = fromAda.join('\n').match(/"type":"answer","day":"([^"]+)","mood":"([^"]+)","words":"([^"]+)"/);
    expect(sent, 'Ada sent her check-in').not.toBeNull();
    const [, day, sealedMood, sealedWords] = sent!;
    expect(day).toBe(dayIn('Europe/London', Date.now()));
    // Grace's device has received nothing of Ada's entry, sealed or not.
    for (const secret of [sealedMood!, sealedWords!, canary]) expect(toGrace.join('\n')).not.toContain(secret);
    expect(fromAda.join('\n')).not.toContain(canary);
    await expectAccessible(ada, 'checked in, waiting');
    await shootBoth(ada, 'check-in-waiting');

    await checkIn(grace, 'Low', `${canary}-grace-high`, `${canary}-grace-low`);
    for (const page of [ada, grace]) {
      await page.getByRole('heading', { name: /^Today, / }).waitFor();
      for (const text of ['ada-high', 'ada-low', 'ada-need', 'grace-high', 'grace-low']) await page.getByText(`${canary}-${text}`).waitFor();
    }
    expect(toGrace.join('\n')).toContain(sealedWords!);
    await expectAccessible(ada, 'both in');
    await shootBoth(ada, 'check-in-both');

    // Star the day: it goes to Memories under a date, not anyone's words.
    await grace.getByRole('button', { name: /Keep in Memories/ }).click();
    await grace.getByRole('button', { name: /In Memories/ }).waitFor();

    // Earlier days: 3 weeks, some with both, some with one, some with nobody (gaps, said nowhere).
    const roomId = new URL(link).pathname.split('/').at(-1)!;
    const key = await importRoomKey(new URL(link).hash.replace(/^#k=/, ''));
    if (!key.ok) throw new Error('no key in the link');
    const moods: [Mood | null, Mood | null][] = [[3, 4], [4, 4], [null, 2], [2, 3], [5, 4], [null, null], [3, 3], [4, 5], [1, 2], [3, null], [4, 4], [5, 5], [null, null], [2, 4], [3, 4], [4, 3], [4, 4], [3, 5], [null, null], [5, 4], [4, 4]];
    await seedDays(world.server.store, roomId, key.value, moods.map((m, i) => ({ day: addDays(day!, i - moods.length), moods: m })));
    for (const page of [ada, grace]) await page.reload();
    for (const page of [ada, grace]) await page.getByRole('img', { name: /Both moods by day/ }).waitFor();
    expect(await ada.locator('svg[role="img"] circle').count()).toBe(2 * 16 + 2);
    await ada.getByRole('button', { name: /read it again/ }).first().waitFor();
    const earlier = addDays(day!, 1 - moods.length);
    await ada.getByRole('button', { name: `${dayTitle(earlier)}, read it again` }).click();
    await ada.getByText(`an earlier high ${earlier}`).first().waitFor();
    await expectAccessible(ada, 'history');
    await shootBoth(ada, 'check-in-history');
    await shoot(grace, 'check-in-history-grace-tablet');
    expect(await ada.getByText(/streak|missed/i).count()).toBe(0);

    // Ending keeps it: the lobby offers it again with its count.
    await ada.getByRole('button', { name: 'End', exact: true }).click();
    await ada.getByRole('button', { name: 'End for both' }).click();
    await grace.getByRole('button', { name: /Pick up Check-in where you left it \(17 check-ins\)/ }).waitFor();
    await grace.getByRole('heading', { name: 'Memories' }).waitFor();
    await grace.getByText(`Check-in, ${dayTitle(day!)}`).first().waitFor();
    await grace.getByText(new RegExp(`A high: ${canary}-ada-high`)).first().waitFor();
    await shoot(grace, 'check-in-lobby-kept-tablet');
  });

  it('the room keeps the creator’s zone from its making: Grace, alone after Ada has gone, opens the day and checks in', async () => {
    const ada = await world.people.open(PHONE);
    await inZone(ada, 'Pacific/Auckland');
    const link = await createRoom(ada, world.server.url, 'Ada');
    const grace = await world.people.open(PHONE);
    await inZone(grace, 'Europe/London');
    await joinByLink(grace, link, 'Grace');
    await ada.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
    // Ada suggests it (which says she is ready) and goes before it starts: her device never opens the
    // check-in (before rooms kept their zone from their making, Grace's days waited for it).
    await ada.getByRole('button', { name: 'Suggest Check-in' }).click();
    await ada.getByText('Waiting for Grace…').waitFor();
    await grace.getByRole('region', { name: 'Ada suggested Check-in' }).waitFor();
    await ada.close();
    await acceptSuggestion(grace, 'Check-in');
    await skipCloseness(grace);
    await grace.getByText('Days follow Auckland time.').waitFor();
    await checkIn(grace, 'Good', 'a high', 'a low');
    await grace.getByRole('heading', { name: "You're in" }).waitFor();
  });

  it('one shared device: each checks in privately behind the hand-off, and they see both together', async () => {
    const tablet = await world.people.open(TABLET);
    await sharedDevice(tablet, world.server.url);
    await startActivity('Check-in', [tablet, tablet], ['Ada is ready', 'Grace is ready']);
    await skipClosenessInTurn(tablet);
    await handTo(tablet, 'Ada');
    await checkIn(tablet, 'Bright', 'ada-private-high', 'ada-private-low');
    await handTo(tablet, 'Grace');
    await tablet.getByRole('heading', { name: "Today's check-in" }).waitFor();
    await tablet.getByText('Ada checked in.', { exact: false }).first().waitFor();
    expect(await tablet.getByText('ada-private-high').count()).toBe(0);
    await expectAccessible(tablet, 'shared device, Grace checks in');
    await shootBoth(tablet, 'check-in-shared-grace');
    await checkIn(tablet, 'Steady', 'grace-private-high', 'grace-private-low');
    await tablet.getByRole('heading', { name: /^Today, / }).waitFor();
    for (const text of ['ada-private-high', 'grace-private-low']) await tablet.getByText(text).waitFor();
    expect(await tablet.getByRole('heading', { name: /Pass the device/ }).count()).toBe(0);
    await expectAccessible(tablet, 'shared device, both in');
    await shootBoth(tablet, 'check-in-shared-both');
  });
});
