// Closer as deployed on several nodes, in Chromium: two server processes on one Redis behind the
// shipped nginx config. Two people play Question Swap on different nodes; one node is killed mid-round;
// that person's page says it is reconnecting, comes back through nginx on the other node, and the game
// goes on with nothing lost and no error on either page.
import { resolve } from 'node:path';
import { nanoid } from 'nanoid';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, PHONE, TABLET } from '../support/browser.js';
import { nginxInstalled, startNginx, type Nginx } from '../support/nginx.js';
import { startNode, type Node } from '../support/nodes.js';
import { People, seatedPair, shoot, startActivity } from '../support/people.js';
import { answer, answered, cardText, openTo } from '../support/question-swap-page.js';
import { redisServerInstalled, startRedis, type RedisProcess } from '../support/redis-server.js';
import { missing } from '../support/requirements.js';
import type { Browser } from 'playwright-core';

const ready = nginxInstalled() && redisServerInstalled();
if (!nginxInstalled()) missing('nginx', 'apt-get install -y nginx');

describe.runIf(inject('chromium') && ready)('two nodes behind nginx, in Chromium', () => {
  let redis: RedisProcess;
  let nodes: Node[] = [];
  let nginx: Nginx;
  let browser: Browser;
  let people: People;
  beforeAll(async () => {
    redis = await startRedis();
    const env = { CLIENT_DIR: resolve(inject('clientDir')), TRUST_PROXY: 'true' };
    const prefix = `e2e-nodes-${nanoid(8)}`;
    nodes = await Promise.all([startNode(redis.url, prefix, env), startNode(redis.url, prefix, env)]);
    nginx = await startNginx(nodes.map((n) => n.port));
    browser = await launchBrowser();
    people = new People(browser);
  });
  afterEach(() => {
    // A page may log that its socket dropped when its node died; nothing else.
    expect(people.problems.splice(0).filter((p) => !/WebSocket/.test(p))).toEqual([]);
  });
  afterAll(async () => {
    await people?.closeAll();
    await browser?.close();
    await nginx?.stop();
    await Promise.all(nodes.map((n) => n.stop('SIGKILL')));
    await redis?.stop();
  });

  it('a node dies mid-round: its person reconnects through nginx and the round goes on', async () => {
    const { ada, grace } = await seatedPair({ people, server: { url: nginx.url } }, [PHONE, TABLET]);
    await startActivity('Question Swap', [ada, grace]);
    for (const page of [ada, grace]) await openTo(page);
    await ada.locator('#card-text').waitFor();
    // A card that takes words (a guess card has none to look for): pass until one is on the table.
    for (let i = 0; i < 40 && !(await ada.getByRole('textbox').count()); i++) {
      const before = await cardText(ada);
      await ada.getByRole('button', { name: 'Pass this card' }).click();
      await expect.poll(() => cardText(ada)).not.toBe(before);
    }
    await answer(ada, 'words from before the fall');
    await answered(ada);

    // Node 1 dies. Whoever was on it (nginx spread the two) sees "Reconnecting…", then carries on.
    await nodes[0]!.stop('SIGKILL');
    const banner = (page: typeof ada) => page.getByText('Reconnecting… your place is kept.');
    for (const page of [ada, grace]) await banner(page).waitFor({ state: 'hidden', timeout: 10_000 });

    await answer(grace, 'words from after');
    await answered(grace);
    // Both answers on both screens: Ada's from before the kill was kept.
    for (const page of [ada, grace]) {
      await page.getByText('words from before the fall').waitFor();
      await page.getByText('words from after').waitFor();
    }
    await shoot(ada, 'nodes-after-kill-phone');
    // Moving on is agreed: the card changes once both have said so.
    await ada.getByRole('button', { name: 'Next card' }).click();
    await grace.getByRole('button', { name: 'Next card' }).click();
    await grace.getByText('Card 2 of 8').waitFor();
  });
});
