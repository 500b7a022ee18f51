// Checks Fast friends' questions (shared/content/fast-friends.ts) and the words around them
// (fast-friends-screens.ts): three sets of 10–12, ids stable and unique, short, varied openings, no
// near-twins among them or with the Question Swap deck, fit for friends as much as couples, `{them}`
// only where "each other" reads right, and none on the themes of the 1997 study's own questions (the
// design is borrowed, the questions are not: each theme below is our own few-word marker of one).
import { describe, expect, it } from 'vitest';
import { CARDS } from '../../shared/content/cards.js';
import { FAST_FRIENDS_QUESTIONS, questionsOf, SET_COUNT } from '../../shared/content/fast-friends.js';
import { CLOSING_LINES, CLOSING_SECONDS, SET_NAMES } from '../../shared/content/fast-friends-screens.js';
import { nearDuplicates } from '../support/similarity.js';

/** Themes of the study's questions, as markers of our own: a question that matches one is too close. */
const STUDY_THEMES: readonly RegExp[] = [
  /dinner guest/i, /\bfamous\b/i, /rehears/i, /tele?phone|phone call/i, /perfect day/i, /\bs[ia]ng\b/i,
  /\b90\b|ninety/i, /\b(die|dies|died|dying|death)\b/i, /in common/i, /most grateful/i, /were raised/i,
  /life story/i, /quality or ability/i, /crystal ball/i, /accomplishment/i, /in a friendship/i,
  /(treasured|terrible) memory/i, /love and affection/i, /positive characteristic/i, /\bmother\b/i,
  /["“]we["”]/i, /I wish I had someone/i, /close friend/i, /embarrass/i, /\bcr(y|ied|ying)\b/i,
  /jok(e|ed|ing) about/i, /\bfire\b/i, /personal problem/i, /\badvice on\b/i,
];

describe('Fast friends: the questions', () => {
  it('three sets of 10 to 12, in the order of their ids', () => {
    expect(SET_COUNT).toBe(3);
    for (let set = 0; set < SET_COUNT; set++) {
      const qs = questionsOf(set);
      expect(qs.length, `set ${set + 1}`).toBeGreaterThanOrEqual(10);
      expect(qs.length, `set ${set + 1}`).toBeLessThanOrEqual(12);
      qs.forEach((q, i) => expect(q.id).toBe(`ff-${set + 1}-${String(i + 1).padStart(2, '0')}`));
    }
    expect(FAST_FRIENDS_QUESTIONS.every((q) => q.set >= 0 && q.set < SET_COUNT)).toBe(true);
    expect(new Set(FAST_FRIENDS_QUESTIONS.map((q) => q.id)).size).toBe(FAST_FRIENDS_QUESTIONS.length);
  });

  it('each is one short question or invitation, read aloud in a breath', () => {
    for (const q of FAST_FRIENDS_QUESTIONS) {
      expect(q.text.length, q.id).toBeLessThanOrEqual(140);
      expect(q.text, q.id).toMatch(/[?.]$/);
      expect(q.text, q.id).not.toMatch(/\s{2}|^\s|\s$/);
    }
  });

  it('no opening word starts more than a quarter of them', () => {
    const counts = new Map<string, number>();
    for (const q of FAST_FRIENDS_QUESTIONS) {
      const first = q.text.split(/\s/)[0]!.toLowerCase();
      counts.set(first, (counts.get(first) ?? 0) + 1);
    }
    const over = [...counts].filter(([, n]) => n > FAST_FRIENDS_QUESTIONS.length / 4);
    expect(over).toEqual([]);
  });

  it('has no near-twins, among themselves or with any Question Swap card', () => {
    const pairs = nearDuplicates([...FAST_FRIENDS_QUESTIONS, ...CARDS.map((c) => ({ id: c.id, text: c.text }))]);
    expect(pairs.filter((p) => p.includes('ff-'))).toEqual([]);
  });

  it('keeps clear of the themes of the study’s own questions', () => {
    const close = FAST_FRIENDS_QUESTIONS.flatMap((q) => STUDY_THEMES.filter((t) => t.test(q.text)).map((t) => `${q.id} ${t}`));
    expect(close).toEqual([]);
  });

  it('fits friends as much as couples: nothing romantic, nothing that assumes the same room', () => {
    const romantic = /\b(partners?|kiss\w*|dates?|dating|romantic\w*|romance|lover|bed|sexy|sex\w*|love life)\b/i;
    const samePlace = /\b(across from you|next to you|hold hands|hug|touch)\b/i;
    expect(FAST_FRIENDS_QUESTIONS.filter((q) => romantic.test(q.text) || samePlace.test(q.text)).map((q) => q.id)).toEqual([]);
  });

  it('{them} comes only after about/to/with/from/for, so "each other" reads right in its place', () => {
    const uses = FAST_FRIENDS_QUESTIONS.filter((q) => q.text.includes('{them}'));
    expect(uses.length).toBeGreaterThan(0);
    for (const q of uses) expect(q.text.match(/\S+ \{them\}/g)!.every((m) => /^(about|to|with|from|for) /.test(m)), q.id).toBe(true);
    expect(FAST_FRIENDS_QUESTIONS.filter((q) => /[{}]/.test(q.text.replaceAll('{them}', ''))).map((q) => q.id)).toEqual([]);
    // The others' places come later, once the two have talked a while.
    expect(uses.every((q) => q.set === SET_COUNT - 1)).toBe(true);
  });
});

describe('Fast friends: the words around them', () => {
  it('names each set, and guides the closing minute in a few short lines', () => {
    expect(SET_NAMES).toHaveLength(SET_COUNT);
    expect(CLOSING_SECONDS).toBe(60);
    expect(CLOSING_LINES.length).toBeGreaterThanOrEqual(3);
    expect(CLOSING_LINES.length).toBeLessThanOrEqual(6);
    for (const line of CLOSING_LINES) expect(line.length).toBeLessThanOrEqual(110);
    expect(new Set(CLOSING_LINES).size).toBe(CLOSING_LINES.length);
  });
});
