// Checks the content behind "Plan something together" (shared/content/ideas.ts) and "What intimacy
// means to me" (shared/content/starters.ts, shared/content/gap-prompts.ts): size and spread, ids,
// text rules, no near-duplicates, and prompts that speak to both people without revealing who
// answered what.
import { describe, expect, it } from 'vitest';
import { FOUNDATION_BETWEEN, FOUNDATION_WANT, KIND_RANKED_APART } from '../../shared/content/gap-prompts.js';
import { IDEAS, IDEA_GROUPS, IDEA_GROUP_LABELS } from '../../shared/content/ideas.js';
import { STARTERS } from '../../shared/content/starters.js';
import { FOUNDATIONS, INTIMACY_KINDS } from '../../shared/intimacy.js';
import { nearDuplicates } from '../support/similarity.js';

function duplicateIds(items: readonly { id: string }[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const { id } of items) (seen.has(id) ? dupes : seen).add(id);
  return [...dupes];
}

/** Sentence case: starts with a capital letter and is not Title Case (most later words lower case). */
function isSentenceCase(text: string): boolean {
  const [first, ...rest] = text.split(/\s+/);
  if (!first || !/^\p{Lu}/u.test(first)) return false;
  const capitalised = rest.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised <= rest.length / 3;
}

describe('Plan something together ideas: size and spread', () => {
  it('has at least 63 ideas', () => {
    expect(IDEAS.length).toBeGreaterThanOrEqual(63);
  });

  it('uses only known groups, and every group has a label', () => {
    const unknown = IDEAS.filter((idea) => !(IDEA_GROUPS as readonly string[]).includes(idea.group)).map((i) => i.id);
    expect(unknown, `ideas in unknown groups: ${unknown.join(', ')}`).toEqual([]);
    for (const group of IDEA_GROUPS) expect(IDEA_GROUP_LABELS[group]?.trim(), group).toBeTruthy();
  });

  it('every group has at least 9 ideas', () => {
    const short = IDEA_GROUPS.map((group) => [group, IDEAS.filter((i) => i.group === group).length] as const)
      .filter(([, n]) => n < 9)
      .map(([group, n]) => `${group}: ${n}`);
    expect(short, `groups with fewer than 9 ideas: ${short.join(', ')}`).toEqual([]);
  });
});

describe('Plan something together ideas: ids', () => {
  it('ids are unique', () => {
    const dupes = duplicateIds(IDEAS);
    expect(dupes, `duplicate ids: ${dupes.join(', ')}`).toEqual([]);
  });

  it('ids follow <group>-<nn> and match the idea’s own group', () => {
    const bad = IDEAS.filter((idea) => !new RegExp(`^${idea.group}-\\d{2}$`).test(idea.id)).map((i) => i.id);
    expect(bad, `ids not matching <group>-<nn>: ${bad.join(', ')}`).toEqual([]);
  });
});

describe('Plan something together ideas: text', () => {
  it('text is trimmed, sentence case, at most 80 characters, with no trailing period', () => {
    const bad = IDEAS.filter(
      (i) => i.text !== i.text.trim() || i.text.length > 80 || /\.$/.test(i.text) || !isSentenceCase(i.text),
    ).map((i) => `${i.id}: "${i.text}"`);
    expect(bad, `ideas breaking the text rules: ${bad.join('; ')}`).toEqual([]);
  });

  it('text is a short phrase of 3 to 12 words', () => {
    const bad = IDEAS.filter((i) => {
      const n = i.text.trim().split(/\s+/).length;
      return n < 3 || n > 12;
    }).map((i) => `${i.id} (${i.text.trim().split(/\s+/).length} words)`);
    expect(bad, `ideas outside 3–12 words: ${bad.join(', ')}`).toEqual([]);
  });

  it('no two ideas are near-identical (word-set Jaccard similarity below 0.8)', () => {
    const pairs = nearDuplicates(IDEAS);
    expect(pairs, `near-identical ideas: ${pairs.join('; ')}`).toEqual([]);
  });
});

describe('What intimacy means to me: sentence starters', () => {
  it('has at least 30 starters', () => {
    expect(STARTERS.length).toBeGreaterThanOrEqual(30);
  });

  it('ids are unique and follow st-<nn>', () => {
    const dupes = duplicateIds(STARTERS);
    expect(dupes, `duplicate ids: ${dupes.join(', ')}`).toEqual([]);
    const bad = STARTERS.filter((s) => !/^st-\d{2}$/.test(s.id)).map((s) => s.id);
    expect(bad, `ids not matching st-<nn>: ${bad.join(', ')}`).toEqual([]);
  });

  it('text is trimmed, starts with a capital, ends with "…" and is at most 90 characters', () => {
    const bad = STARTERS.filter(
      (s) => s.text !== s.text.trim() || !/^\p{Lu}/u.test(s.text) || !s.text.endsWith('…') || s.text.length > 90,
    ).map((s) => `${s.id}: "${s.text}"`);
    expect(bad, `starters breaking the text rules: ${bad.join('; ')}`).toEqual([]);
  });

  it('no two starters are near-identical (word-set Jaccard similarity below 0.8)', () => {
    const pairs = nearDuplicates(STARTERS);
    expect(pairs, `near-identical starters: ${pairs.join('; ')}`).toEqual([]);
  });
});

describe('What intimacy means to me: gap prompts', () => {
  const all = [
    ...FOUNDATIONS.map((f) => ({ id: `between:${f}`, text: FOUNDATION_BETWEEN[f] })),
    ...FOUNDATIONS.map((f) => ({ id: `want:${f}`, text: FOUNDATION_WANT[f] })),
    ...INTIMACY_KINDS.map((k) => ({ id: `apart:${k}`, text: KIND_RANKED_APART[k] })),
  ];

  it('every foundation and every kind has a trimmed, non-empty prompt of at most 200 characters', () => {
    const bad = all
      .filter(({ text }) => typeof text !== 'string' || text.trim().length === 0 || text !== text.trim() || text.length > 200)
      .map(({ id, text }) => `${id} (${text?.length ?? 'missing'})`);
    expect(bad, `missing, empty, untrimmed or too long prompts: ${bad.join(', ')}`).toEqual([]);
  });

  it('has no prompts for unknown foundations or kinds', () => {
    expect(Object.keys(FOUNDATION_BETWEEN).sort()).toEqual([...FOUNDATIONS].sort());
    expect(Object.keys(FOUNDATION_WANT).sort()).toEqual([...FOUNDATIONS].sort());
    expect(Object.keys(KIND_RANKED_APART).sort()).toEqual([...INTIMACY_KINDS].sort());
  });

  it('never say who scored what: no "you scored", "your partner rated", scores, ratings or digits', () => {
    const banned = /you scored|your partner rated|\d|\bscor\w*|\brat(ed|ing|ings)\b|\bpartners?\b|\bone of you\b/i;
    const bad = all.filter(({ text }) => banned.test(text)).map(({ id, text }) => `${id}: "${text}"`);
    expect(bad, `prompts that could reveal answers: ${bad.join('; ')}`).toEqual([]);
  });

  it('speak to both people and end with a question', () => {
    const both = /\b(you two|each of you|you each|you both|both of you|between you|each other)/i;
    const bad = all.filter(({ text }) => !both.test(text) || !text.endsWith('?')).map(({ id }) => id);
    expect(bad, `prompts not addressing both people, or not asking a question: ${bad.join(', ')}`).toEqual([]);
  });

  it('stay gentle: no blaming or judging words', () => {
    const harsh = /\b(should|must|wrong|fault|blame\w*|fail\w*|problem\w*|bad|lack\w*|never|always)\b/i;
    const bad = all.filter(({ text }) => harsh.test(text)).map(({ id, text }) => `${id}: "${text}"`);
    expect(bad, `prompts with judging words: ${bad.join('; ')}`).toEqual([]);
  });

  it('do not share one template: no two of a set open with the same two words', () => {
    const opening = (text: string) => text.toLowerCase().split(/\s+/).slice(0, 2).join(' ');
    for (const set of [FOUNDATION_BETWEEN, FOUNDATION_WANT, KIND_RANKED_APART]) {
      const openings = Object.values(set).map(opening);
      const repeated = openings.filter((o, i) => openings.indexOf(o) !== i);
      expect(repeated, `openings used twice: ${repeated.join(', ')}`).toEqual([]);
    }
  });

  it('no two prompts are near-identical (word-set Jaccard similarity below 0.8)', () => {
    const pairs = nearDuplicates(all);
    expect(pairs, `near-identical prompts: ${pairs.join('; ')}`).toEqual([]);
  });
});
