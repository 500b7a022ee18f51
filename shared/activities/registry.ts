// Every activity the lobby can offer. Add a new one here, in ActivityView, and in client/activities/.
import { questionSwap, type View as QuestionSwapView } from './question-swap.js';
import type { Activity, ActivityInfo } from './types.js';

export const ACTIVITIES = {
  'question-swap': questionSwap,
} as const;

export type ActivityId = keyof typeof ACTIVITIES;
export const ACTIVITY_IDS = Object.keys(ACTIVITIES) as ActivityId[];

/** What the lobby lists. */
export const ACTIVITY_LIST: readonly ActivityInfo[] = ACTIVITY_IDS.map((id) => ACTIVITIES[id].info);

/** The running activity as one seat sees it; the id tells the client which screen to show. */
export type ActivityView = { id: 'question-swap'; view: QuestionSwapView; finished: boolean };

/** The registry, with each activity's own types erased, for the room to run any of them. */
export function activityById(id: ActivityId): Activity<unknown, unknown, unknown, unknown> {
  return ACTIVITIES[id] as unknown as Activity<unknown, unknown, unknown, unknown>;
}
