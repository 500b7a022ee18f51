// The privacy note, where both people read it before writing anything: the start page and the page an
// invite opens. It says what is sealed and what the server still learns, in two plain sentences.
import { describe, expect, inject, it } from 'vitest';
import { createRoom, expectAccessible, shoot, useBrowserWorld } from '../support/people.js';

describe.runIf(inject('chromium'))('the privacy note', () => {
  const world = useBrowserWorld();

  it('on the start page and the invite’s join page: sealed on your devices, and what the server still learns', async () => {
    const ada = await world.people.open();
    await ada.goto(world.server.url);
    const note = ada.getByRole('region', { name: 'Your privacy' });
    await note.waitFor();
    const text = (await note.textContent()) ?? '';
    expect(text).toMatch(/sealed on your own devices, with a key .* our server never sees/);
    for (const learns of ['addresses', 'when you play', 'two people', 'which cards are drawn', "how far each of you said you'd go", 'how long your answers are']) {
      expect(text).toContain(learns);
    }
    await note.scrollIntoViewIfNeeded();
    await expectAccessible(ada, 'start page with the privacy note');
    await shoot(ada, 'privacy-note-home-phone');

    const link = await createRoom(ada, world.server.url, 'Ada');
    const grace = await world.people.open();
    await grace.goto(link);
    await grace.getByRole('heading', { name: 'Ada invited you' }).waitFor();
    expect(await grace.getByRole('region', { name: 'Your privacy' }).textContent()).toBe(text);
    await expectAccessible(grace, 'join page with the privacy note');
    await shoot(grace, 'privacy-note-join-phone');
  });
});
