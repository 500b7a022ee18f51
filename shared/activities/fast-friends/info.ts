// Fast friends as the lobby lists it (no logic, no questions).
import type { ActivityInfo } from '../types.js';

export const info = {
  id: 'fast-friends',
  title: 'Fast friends',
  line: 'Three sets of questions that open up a little more each time, taking turns to answer.',
  minutes: [30, 45],
  audiences: ['partners', 'friends'],
  suits: 'an unhurried evening, new couples and friends alike',
  kinds: ['emotional', 'intellectual'],
  howTo: [
    'Three sets of questions, about 15 minutes each, each a little closer than the last.',
    'For each question one of you answers first, then the other. Talk — on a call or side by side.',
    'Type a few words too if you like; the other sees them once you have both answered.',
    'Pass any question, no reason needed. You move on together, and end with a quiet minute.',
  ],
} as const satisfies ActivityInfo;
