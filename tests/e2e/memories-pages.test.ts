// The Memories screen a page at a time: a room with more Memories than one page shows the newest page,
// opened in the browser, then the older ones on request; the file saved holds every one of them.
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { MEMORIES_PAGE_SIZE } from '../../shared/memory-pages.js';
import type { Credential } from '../../shared/protocol.js';
import { readKeyFragment } from '../../shared/room-link.js';
import { importRoomKey } from '../../shared/sealed/seal.js';
import { keepMany } from '../support/memories.js';
import { startGame } from '../support/question-swap.js';
import { sealer } from '../support/question-swap-state.js';
import { PHONE } from '../support/browser.js';
import { expectAccessible, seatedPair, shoot, SHOTS, useBrowserWorld } from '../support/people.js';
import { cid, client, connected, eventually } from '../support/server.js';

describe.runIf(inject('chromium'))('Memories, a page at a time, in Chromium', () => {
  const world = useBrowserWorld();

  it('shows the newest page, the older ones on request, and saves every Memory in the file', async () => {
    const { ada, grace, link } = await seatedPair(world, [PHONE, PHONE]);
    const roomId = new URL(link).pathname.split('/').at(-1)!;
    const fragment = readKeyFragment(new URL(link).hash);
    if (typeof fragment === 'string') throw new Error(`the link's key: ${fragment}`);
    const key = await importRoomKey(fragment.key);
    if (!key.ok) throw new Error('no key');
    // Two more devices of the same two people, as sockets, make the Memories quickly.
    const token = (page: typeof ada) =>
      page.evaluate((id) => (JSON.parse(localStorage.getItem('closer.rooms')!)[id].credentials as Credential[])[0]!.token, roomId);
    const [adaSocket, graceSocket] = [client(world.server.url, { roomId, tokens: [await token(ada)] }), client(world.server.url, { roomId, tokens: [await token(grace)] })];
    try {
      await Promise.all([connected(adaSocket), connected(graceSocket)]);
      await eventually(() => expect(adaSocket.snapshots.at(-1)?.view.seal).toBeTruthy());
      const players = {
        ada: adaSocket,
        grace: graceSocket,
        send: (seat: 0 | 1, command: Parameters<typeof adaSocket.socket.emitWithAck<'room:command'>>[1]['command']) =>
          [adaSocket, graceSocket][seat]!.socket.emitWithAck('room:command', { commandId: cid(), seat, command }),
      };
      await startGame(adaSocket, graceSocket);
      const kept = MEMORIES_PAGE_SIZE + 4;
      const words = await keepMany(players, sealer(key.value, adaSocket.snapshots.at(-1)!.view.seal!.id), kept, (i) => [`Ada remembers ${i}`, `Grace remembers ${i}`]);
      await players.send(0, { type: 'end-activity' });

      await grace.getByRole('button', { name: `Open Memories (${kept})` }).click();
      await grace.getByRole('heading', { name: 'Memories', level: 1 }).waitFor();
      const items = grace.locator('main ul > li');
      await eventually(async () => expect(await items.count()).toBe(MEMORIES_PAGE_SIZE));
      await expect(items.first().textContent()).resolves.toContain(words.at(-1));
      await grace.getByText(`${MEMORIES_PAGE_SIZE} of ${kept}`).waitFor();
      await expectAccessible(grace, 'memories, first page');
      await shoot(grace, 'memories-pages-phone');
      // The end of the first page, as the phone shows it: how many of how many, and the way to the older ones.
      await grace.getByRole('button', { name: 'Show older Memories' }).scrollIntoViewIfNeeded();
      await grace.screenshot({ path: `${SHOTS}/memories-pages-end-phone.png` });

      await grace.getByRole('button', { name: 'Show older Memories' }).click();
      await eventually(async () => expect(await items.count()).toBe(kept));
      await expect(items.last().textContent()).resolves.toContain(words[0]);
      expect(await grace.getByRole('button', { name: 'Show older Memories' }).count()).toBe(0);

      const [download] = await Promise.all([grace.waitForEvent('download'), grace.getByRole('button', { name: 'Download as text' }).click()]);
      const file = await readFile((await download.path())!, 'utf8');
      for (const said of words) expect(file).toContain(said);
    } finally {
      adaSocket.close();
      graceSocket.close();
    }
  });
});
