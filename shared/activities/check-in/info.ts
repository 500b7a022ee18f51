// The check-in as the lobby lists it (no logic, no words).
import type { ActivityInfo } from '../types.js';

export const info = {
  id: 'check-in',
  title: 'Check-in',
  line: 'Two minutes a day, whenever suits each of you: a mood, a high, a low. Shown once you are both in.',
  minutes: [2, 5],
  audiences: ['partners', 'friends', 'family'],
  suits: "every day, even when you're apart",
  kinds: ['emotional'],
  howTo: [
    'Once a day, whenever suits you, each of you shares a mood, a high and a low.',
    'You can answer hours apart; both answers show once you are both in.',
    'A short history keeps the last days. Skipping a day is fine: there is nothing to keep up.',
  ],
} as const satisfies ActivityInfo;
