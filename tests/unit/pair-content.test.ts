// What each kind of pair reads (issue 17): family rooms get family-fitting titles, friends and family plan
// a day out rather than a date, and "we live apart" still leaves ideas in every group.
import { describe, expect, it } from 'vitest';
import { ACTIVITY_IDS, catalogFor, infoFor } from '../../shared/activities/catalog.js';
import { IDEA_GROUPS, IDEAS, ideaGroupLabel, ideasFor } from '../../shared/content/ideas.js';

const ROMANTIC = /\b(date|dates|intimacy|intimate|romantic|romance|partner|partners|couple)\b/i;

describe('family rooms', () => {
  it('no activity title or line in a family room sounds romantic', () => {
    const bad = catalogFor('family').filter((info) => ROMANTIC.test(`${info.title} ${info.line}`)).map((info) => info.id);
    expect(bad).toEqual([]);
  });

  it('couples keep the titles they know', () => {
    expect(infoFor('what-it-means', 'partners').title).toBe('What intimacy means to me');
    expect(infoFor('what-it-means', 'family').title).toBe('What closeness means to me');
    expect(catalogFor('partners').map((i) => i.id)).toEqual(ACTIVITY_IDS);
  });

  it('friends and family plan a day out, couples a date', () => {
    for (const audience of ['friends', 'family'] as const) {
      for (const group of IDEA_GROUPS) expect(ideaGroupLabel(group, audience), group).not.toMatch(ROMANTIC);
    }
    expect(ideaGroupLabel('date', 'partners')).toBe('Plan a date');
  });
});

describe('ideas for people who live apart', () => {
  it('hide every idea that needs the same place, and only those', () => {
    const apart = ideasFor(true);
    expect(apart.some((idea) => idea.samePlace)).toBe(false);
    expect(apart.length).toBe(IDEAS.filter((idea) => !idea.samePlace).length);
    expect(ideasFor(false)).toBe(IDEAS);
  });

  it('still leave at least three ideas in every group', () => {
    for (const group of IDEA_GROUPS) expect(ideasFor(true).filter((i) => i.group === group).length, group).toBeGreaterThanOrEqual(3);
  });
});
