// The browser's side of the activity registry: each activity's screen, and the options it asks for when
// suggested, by id. Typed by the registry's ids, so a missing screen is a compile error. Each Screen
// puts its content inside SharedDeviceGate (the closeness question and the shared-device hand-off).
import type { Component } from 'svelte';
import type { OpenViewFor } from '../../shared/activities/opened.js';
import type { ActivityId } from '../../shared/activities/registry.js';
import type { Awaiting } from '../../shared/activities/types.js';
import type { SeatIndex } from '../../shared/protocol.js';
import Appreciations from './appreciations/Appreciations.svelte';
import CheckIn from './check-in/CheckIn.svelte';
import PlanTogether from './plan-together/PlanTogether.svelte';
import QuestionSwapOptions from './question-swap/Options.svelte';
import QuestionSwap from './question-swap/QuestionSwap.svelte';
import TwentyQuestions from './twenty-questions/TwentyQuestions.svelte';
import WhatItMeans from './what-it-means/WhatItMeans.svelte';

export interface ScreenProps<Id extends ActivityId> {
  /** A seat's view of the running activity: this device's seat, or either on one shared device. */
  viewOf: (seat: SeatIndex) => OpenViewFor<Id>;
  /** Whose input the activity waits for (drives the shared-device hand-off). */
  awaiting: Awaiting;
  names: [string, string];
}

/** The options an activity asks for in the lobby before it is suggested. */
export type OptionsComponent = Component<{ options?: Record<string, unknown> }, object, 'options'>;

export interface ActivityScreens<Id extends ActivityId> {
  Screen: Component<ScreenProps<Id>>;
  Options?: OptionsComponent;
}

export const SCREENS: { [Id in ActivityId]: ActivityScreens<Id> } = {
  'question-swap': { Screen: QuestionSwap, Options: QuestionSwapOptions },
  'plan-together': { Screen: PlanTogether },
  'what-it-means': { Screen: WhatItMeans },
  'twenty-questions': { Screen: TwentyQuestions },
  appreciations: { Screen: Appreciations },
  'check-in': { Screen: CheckIn },
};

export function optionsFor(id: ActivityId): OptionsComponent | undefined {
  return SCREENS[id].Options;
}
