// What the lobby lists about each activity, without its logic or content, so the browser bundle stays
// small (a test checks the deck is not in it). Checked against the registry's ids: an activity missing
// here, or one the registry does not know, is a compile error.
import { info as appreciations } from './appreciations/info.js';
import { info as checkIn } from './check-in/info.js';
import { info as fastFriends } from './fast-friends/info.js';
import type { ActivityId } from './registry.js';
import { info as planTogether } from './plan-together/info.js';
import { info as questionSwap } from './question-swap/info.js';
import { info as twentyQuestions } from './twenty-questions/info.js';
import type { Audience } from '../core.js';
import type { ActivityInfo } from './types.js';
import { info as whatItMeans } from './what-it-means/info.js';

export type { ActivityId };

export const CATALOG = {
  'question-swap': questionSwap,
  'plan-together': planTogether,
  'what-it-means': whatItMeans,
  'twenty-questions': twentyQuestions,
  appreciations,
  'check-in': checkIn,
  'fast-friends': fastFriends,
} as const satisfies { [Id in ActivityId]: ActivityInfo & { id: Id } };

export const ACTIVITY_LIST: readonly (ActivityInfo & { id: ActivityId })[] = Object.values(CATALOG);
export const ACTIVITY_IDS = ACTIVITY_LIST.map((a) => a.id);

/** An activity as this room's audience reads it: a family room gets its family title and line. */
export function infoFor(id: ActivityId, audience: Audience): ActivityInfo & { id: ActivityId } {
  const info: ActivityInfo & { id: ActivityId } = CATALOG[id];
  return audience === 'family' && info.family ? { ...info, ...info.family } : info;
}

/** The lobby's list as this room's audience reads it. */
export function catalogFor(audience: Audience): (ActivityInfo & { id: ActivityId })[] {
  return ACTIVITY_IDS.map((id) => infoFor(id, audience));
}
