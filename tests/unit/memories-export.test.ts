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

  it('words for both of them (a question to talk about) are Closer’s prompt, under nobody’s name', () => {
    const question: OpenMemory = { id: 'q', activity: 'what-it-means', at: 0, title: 'A question to talk about', entries: [{ seat: 1, text: 'What helps?', forBoth: true }] };
    const markdown = memoriesToMarkdown([question], ['Ada', 'Grace']);
    expect(markdown).toContain('- _Closer asked:_ What helps?');
    expect(markdown).not.toContain('Grace');
  });

  it('a reaction someone chose ("Keeping this") reads as their reaction, not as words they wrote', () => {
    const kept: OpenMemory = {
      id: 'r', activity: 'appreciations', at: 0, title: 'An appreciation',
      entries: [{ seat: 0, text: 'You always listen.' }, { seat: 1, text: 'Keeping this', reaction: true }],
    };
    const lines = memoriesToMarkdown([kept], ['Ada', 'Grace']).split('\n');
    expect(lines).toContain('- **Ada:** You always listen.');
    expect(lines).toContain('- _Grace reacted:_ Keeping this');
    expect(lines).not.toContain('- **Grace:** Keeping this');
  });

  it('a card’s text is the heading and each answer stands under its own person’s name', () => {
    const card: OpenMemory = { id: 'c', activity: 'question-swap', at: 0, title: 'What made you laugh this week?', entries: [{ seat: 1, text: 'the dog' }, { seat: 0, text: 'the rain' }] };
    const lines = memoriesToMarkdown([card], ['Ada', 'Grace']).split('\n');
    expect(lines).toContain('## What made you laugh this week?');
    expect(lines).toContain('- **Grace:** the dog');
    expect(lines).toContain('- **Ada:** the rain');
  });
});
