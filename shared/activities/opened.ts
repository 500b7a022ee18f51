// How each running activity's view opens in the browser: `open(view, opener)` turns the sealed values of
// a view into what its screen reads (and computes what follows from content — a right guess, a gap, an
// idea both brought — there, after the reveal). Kept apart from registry.ts, which holds the decks: the
// browser imports this file, never the activity objects. A missing activity is a compile error.
import type { Opener } from '../sealed/opener.js';
import { openView as openAppreciations } from './appreciations/open.js';
import { openView as openCheckIn } from './check-in/open.js';
import { openView as openFastFriends } from './fast-friends/open.js';
import { openView as openPlanTogether } from './plan-together/open.js';
import { openView as openQuestionSwap } from './question-swap/open.js';
import type { ActivityId, ViewFor } from './registry.js';
import { openView as openTwentyQuestions } from './twenty-questions/open.js';
import type { Awaiting } from './types.js';
import { openView as openWhatItMeans } from './what-it-means/open.js';

const OPEN = {
  'question-swap': openQuestionSwap,
  'plan-together': openPlanTogether,
  'what-it-means': openWhatItMeans,
  'twenty-questions': openTwentyQuestions,
  appreciations: openAppreciations,
  'check-in': openCheckIn,
  'fast-friends': openFastFriends,
} satisfies { [Id in ActivityId]: (view: ViewFor<Id>, open: Opener) => Promise<unknown> };

/** A seat's view of an activity as its screen reads it: every sealed value opened. */
export type OpenViewFor<Id extends ActivityId> = Awaited<ReturnType<(typeof OPEN)[Id]>>;

/** The running activity as the screens read it. */
export type OpenActivityView = { [Id in ActivityId]: { id: Id; view: OpenViewFor<Id>; awaiting: Awaiting } }[ActivityId];

export async function openActivityView<Id extends ActivityId>(
  running: { id: Id; view: ViewFor<Id>; awaiting: Awaiting },
  open: Opener,
): Promise<OpenActivityView> {
  const opener = OPEN[running.id] as unknown as (view: ViewFor<Id>, open: Opener) => Promise<OpenViewFor<Id>>;
  return { id: running.id, view: await opener(running.view, open), awaiting: running.awaiting } as OpenActivityView;
}
