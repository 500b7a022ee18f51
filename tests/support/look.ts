// How a screen holds for everyone, measured in the page: tap targets under 44 px, and what reaches past
// the right edge at 200 % text. Used by tests/e2e/design.test.ts and polish.test.ts.
import type { Page } from 'playwright-core';

/** Every visible button or button-like control smaller than 44 × 44 px, by its text. */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a.button, summary, .choice span, label:has(> input[type="radio"]) span, label:has(> input[type="checkbox"])')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ el, box }) => `${el.textContent?.trim()} (${Math.round(box.width)}×${Math.round(box.height)})`),
  );
}

/**
 * Text twice its size, as a person with large text set would see it: answers the elements that reach past
 * the screen's right edge when the page scrolls sideways (none when it does not).
 */
export async function sidewaysAtDoubleText(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const root = document.documentElement;
    root.style.fontSize = '200%';
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const wide = root.scrollWidth > root.clientWidth;
    const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent?.trim().slice(0, 30)}"`);
    root.style.fontSize = '';
    return wide ? ['(page scrolls sideways)', ...culprits] : [];
  });
}

/**
 * Words of the app's own controls and headings that the line wraps inside ("Person/al"): for each word
 * of a button, label, legend, heading or table header, whether its letters sit on more than one line.
 * A word may still wrap after a hyphen or a slash it has.
 */
export function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>('button, a.button, label, legend, h1, h2, h3, th, .choice span');
    for (const el of controls) {
      if (el.offsetParent === null) continue;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s\-/–—]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(`"${match[0]}" in ${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 40)}"`);
        }
      }
    }
    return broken;
  });
}
