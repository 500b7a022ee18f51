// Every activity's logic, by id. Add a new one here, in catalog.ts, in ActivityView, and in client/activities/.
import type { ActivityId } from './catalog.js';
import { planTogether, type View as PlanTogetherView } from './plan-together.js';
import { questionSwap, type View as QuestionSwapView } from './question-swap.js';
import { whatItMeans, type View as WhatItMeansView } from './what-it-means.js';
import type { Activity } from './types.js';

export { ACTIVITY_IDS, ACTIVITY_LIST, type ActivityId } from './catalog.js';

const ACTIVITIES = {
  'question-swap': questionSwap,
  'plan-together': planTogether,
  'what-it-means': whatItMeans,
} as const satisfies Record<ActivityId, unknown>;

/** The running activity as one seat sees it; the id tells the client which screen to show. */
export type ActivityView =
  | { id: 'question-swap'; view: QuestionSwapView; finished: boolean }
  | { id: 'plan-together'; view: PlanTogetherView; finished: boolean }
  | { id: 'what-it-means'; view: WhatItMeansView; finished: boolean };

/** The registry, with each activity's own types erased, for the room to run any of them. */
export function activityById(id: ActivityId): Activity<unknown, unknown, unknown, unknown> {
  return ACTIVITIES[id] as unknown as Activity<unknown, unknown, unknown, unknown>;
}
