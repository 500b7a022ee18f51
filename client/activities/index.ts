// The browser's side of the activity registry: each activity's screen, and the options it asks for when
// suggested, by id. Typed by the registry's ids, so a missing screen is a compile error. Each Screen
// puts its content inside SharedDeviceGate (the closeness question and the shared-device hand-off).
// Screens load when their activity starts (client/lib/Lazy.svelte), so none is in the first load; the
// options are small and shown in the lobby, which loads this map.
import type { Component } from 'svelte';
import type { OpenViewFor } from '../../shared/activities/opened.js';
import type { ActivityId } from '../../shared/activities/registry.js';
import type { Awaiting } from '../../shared/activities/types.js';
import type { SeatIndex } from '../../shared/protocol.js';
import QuestionSwapOptions from './question-swap/Options.svelte';

export interface ScreenProps<Id extends ActivityId> {
  /** A seat's view of the running activity: this device's seat, or either on one shared device. */
  viewOf: (seat: SeatIndex) => OpenViewFor<Id>;
  /** Whose input the activity waits for (drives the shared-device hand-off). */
  awaiting: Awaiting;
  names: [string, string];
}

/** The options an activity asks for in the lobby before it is suggested, and the choice said in one line. */
export type OptionsComponent = Component<{ options?: Record<string, unknown>; summary?: string }, object, 'options' | 'summary'>;

export interface ActivityScreens<Id extends ActivityId> {
  /** Loads the activity's screen (a chunk of its own). */
  Screen: () => Promise<{ default: Component<ScreenProps<Id>> }>;
  Options?: OptionsComponent;
}

export const SCREENS: { [Id in ActivityId]: ActivityScreens<Id> } = {
  'question-swap': { Screen: () => import('./question-swap/QuestionSwap.svelte'), Options: QuestionSwapOptions },
  'plan-together': { Screen: () => import('./plan-together/PlanTogether.svelte') },
  'what-it-means': { Screen: () => import('./what-it-means/WhatItMeans.svelte') },
  'twenty-questions': { Screen: () => import('./twenty-questions/TwentyQuestions.svelte') },
  appreciations: { Screen: () => import('./appreciations/Appreciations.svelte') },
  'check-in': { Screen: () => import('./check-in/CheckIn.svelte') },
  'fast-friends': { Screen: () => import('./fast-friends/FastFriends.svelte') },
};

export function optionsFor(id: ActivityId): OptionsComponent | undefined {
  return SCREENS[id].Options;
}
