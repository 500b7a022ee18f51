// The closeness circles in Chromium, sealed: each answer leaves its page sealed (no frame either page sends
// holds an answer in the clear), the partner's page receives not even the sealed answer before both have
// answered, and both then see the pair opened, side by side.
import { describe, expect, inject, it } from 'vitest';
import { PHONE, TABLET } from '../support/browser.js';
import { createRoom, framesFrom, framesTo, joinByLink, shootBoth, startActivity, useBrowserWorld } from '../support/people.js';


/** A closeness command as a page sends it; its answer's value, which must be sealed text. */
function closenessValues(frames: string[]): unknown[] {
  return frames.flatMap((f) => {
    const match = /^\d+(\[.*\])$/s.exec(f);
    if (!match) return [];
    const [event, payload] = JSON.parse(match[1]!) as [string, { command?: { type?: string; value?: unknown } }];
    return event === 'room:command' && payload.command?.type === 'closeness' ? [payload.command.value] : [];
  });
}

describe.runIf(inject('chromium'))('closeness circles, sealed, in the browser', () => {
  const world = useBrowserWorld();

  it('each answer leaves its page sealed, reaches the other only once both answered, and both see the pair', async () => {
    const ada = await world.people.open(PHONE);
    const fromAda = framesFrom(ada);
    const link = await createRoom(ada, world.server.url, 'Ada');
    const grace = await world.people.open(TABLET);
    const fromGrace = framesFrom(grace);
    const toGrace = framesTo(grace);
    await joinByLink(grace, link, 'Grace');
    await ada.getByRole('heading', { name: 'Ada & Grace' }).waitFor();
    await startActivity('What intimacy means to me', [ada, grace]);

    await ada.getByRole('heading', { name: 'How close do you feel right now?' }).waitFor();
    await ada.getByRole('button', { name: '6 of 7' }).click();
    await ada.getByText('your answer is in').waitFor();
    const [adaSealed] = closenessValues(fromAda);
    expect(typeof adaSealed).toBe('string');
    expect(adaSealed as string).toMatch(/^[A-Za-z0-9_-]{100,}$/);
    expect(toGrace.join('\n')).not.toContain(adaSealed as string);

    await grace.getByRole('button', { name: '2 of 7' }).click();
    for (const page of [ada, grace]) {
      const result = page.getByRole('region', { name: 'How close you both feel' });
      await result.getByText('6 of 7').waitFor();
      await result.getByText('2 of 7').waitFor();
    }
    const sent = [...closenessValues(fromAda), ...closenessValues(fromGrace)];
    expect(sent).toHaveLength(2);
    for (const value of sent) expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect([...fromAda, ...fromGrace].join('\n')).not.toMatch(/"value":\d/);
    await shootBoth(ada, 'closeness-sealed-reveal');
    // Once both are done the pair folds away by itself (it does not sit above every later screen).
    for (const page of [ada, grace]) await page.getByRole('region', { name: 'How close you both feel' }).waitFor({ state: 'detached', timeout: 20_000 });
  });
});
