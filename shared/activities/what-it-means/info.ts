// "What intimacy means to me" as the lobby lists it (no logic, no starters).
import type { ActivityInfo } from '../types.js';

export const info = {
  id: 'what-it-means',
  title: 'What intimacy means to me',
  line: 'Rank, rate and finish a few sentences privately, then see both side by side.',
  minutes: [10, 20],
  audiences: ['partners', 'friends', 'family'],
  suits: 'learning what helps each of you feel close',
  kinds: ['emotional', 'intellectual'],
  family: {
    title: 'What closeness means to me',
    line: 'Rank, rate and finish a few sentences privately, then see how each of you feels close.',
  },
  howTo: [
    'On your own, put the five kinds of closeness in the order that matters to you.',
    'Rate the seven things closeness rests on, and finish a few sentences.',
    'Nothing shows until you have both finished. Then you see both sides, and the biggest differences become things to talk about.',
  ],
} as const satisfies ActivityInfo;
