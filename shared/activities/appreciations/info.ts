// Appreciations as the lobby lists it (no logic, no starters).
import type { ActivityInfo } from '../types.js';

export const info = {
  id: 'appreciations',
  title: 'Appreciations',
  line: 'Each writes what they appreciate about the other, then you read them one by one.',
  minutes: [5, 15],
  audiences: ['partners', 'friends', 'family'],
  suits: 'a hard week, or a day worth marking',
  kinds: ['emotional'],
  howTo: [
    'Each of you writes what you appreciate about the other.',
    'Nothing shows until you have both written.',
    'Then you read them one at a time, taking turns. Take a moment with each.',
  ],
} as const satisfies ActivityInfo;
