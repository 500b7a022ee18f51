// Every activity, by id: the one list the rest is derived from. The ids (ActivityId), the view union
// (ActivityView) and the lobby's catalog (catalog.ts) follow from it by types. Add an activity here.
import type { Awaiting, AnyActivity, MoveOf, StateOf, ViewOf } from './types.js';
import { appreciations } from './appreciations/index.js';
import { checkIn } from './check-in/index.js';
import { fastFriends } from './fast-friends/index.js';
import { planTogether } from './plan-together/index.js';
import { questionSwap } from './question-swap/index.js';
import { twentyQuestions } from './twenty-questions/index.js';
import { whatItMeans } from './what-it-means/index.js';

const ACTIVITIES = {
  'question-swap': questionSwap,
  'plan-together': planTogether,
  'what-it-means': whatItMeans,
  'twenty-questions': twentyQuestions,
  appreciations,
  'check-in': checkIn,
  'fast-friends': fastFriends,
};

type Registry = typeof ACTIVITIES;
export type ActivityId = keyof Registry;

// Each entry is an activity, filed under its own id.
void (ACTIVITIES satisfies { [Id in ActivityId]: AnyActivity & { info: { id: Id } } });

export type StateFor<Id extends ActivityId> = StateOf<Registry[Id]>;
export type MoveFor<Id extends ActivityId> = MoveOf<Registry[Id]>;
export type ViewFor<Id extends ActivityId> = ViewOf<Registry[Id]>;

/** The running activity as one seat sees it; the id tells the client which screen to show. */
export type ActivityView = { [Id in ActivityId]: { id: Id; view: ViewFor<Id>; awaiting: Awaiting } }[ActivityId];

export function activityById(id: ActivityId): AnyActivity {
  return ACTIVITIES[id];
}
