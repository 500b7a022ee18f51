// 20 Questions in Chromium, as both e2e files read it.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Which page is the thinker's: it is asked to think of something. */
export async function rolesOf(pages: [Page, Page]): Promise<{ thinker: Page; asker: Page; thinkerName: string; askerName: string }> {
  const heading = /Think of something for (Ada|Grace) to guess/;
  await expect.poll(async () => (await pages[0].getByRole('heading', { name: heading }).count()) + (await pages[1].getByRole('heading', { name: heading }).count())).toBe(1);
  const first = (await pages[0].getByRole('heading', { name: heading }).count()) === 1;
  const [thinker, asker] = first ? pages : [pages[1], pages[0]];
  const askerName = (await thinker.getByRole('heading', { name: heading }).textContent())!.match(heading)![1]!;
  return { thinker, asker, askerName, thinkerName: askerName === 'Ada' ? 'Grace' : 'Ada' };
}
