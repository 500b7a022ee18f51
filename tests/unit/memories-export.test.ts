// Memories as Markdown: newest first, both people's words, the date.
import { describe, expect, it } from 'vitest';
import { memoriesToMarkdown } from '../../shared/memories-export.js';
import type { OpenMemory } from '../../shared/opened-room.js';

describe('memories as Markdown', () => {
  it('lists every memory newest first, with names, words and dates', () => {
    const memories: OpenMemory[] = [
      { id: 'a', activity: 'question-swap', at: Date.UTC(2026, 10, 1), title: 'First card', entries: [{ seat: 0, text: 'one' }, { seat: 1, text: 'two\nlines' }] },
      { id: 'b', activity: 'plan-together', at: Date.UTC(2026, 10, 20), title: 'We finished: a cake', entries: [{ seat: 1, text: 'thanks' }] },
    ];
    const markdown = memoriesToMarkdown(memories, ['Ada', 'Grace']);
    expect(markdown.indexOf('We finished: a cake')).toBeLessThan(markdown.indexOf('First card'));
    expect(markdown).toContain('_2026-11-01 · Question Swap_');
    expect(markdown).toContain('_2026-11-20 · Plan something together_');
    expect(markdown).toContain('- **Grace:** two lines');
    expect(markdown).toContain('- **Grace:** thanks');
  });

  it('words for both of them (a question to talk about) stand under nobody’s name', () => {
    const question: OpenMemory = { id: 'q', activity: 'what-it-means', at: 0, title: 'A question to talk about', entries: [{ seat: 1, text: 'What helps?', forBoth: true }] };
    const markdown = memoriesToMarkdown([question], ['Ada', 'Grace']);
    expect(markdown).toContain('- What helps?');
    expect(markdown).not.toContain('Grace');
  });
});
