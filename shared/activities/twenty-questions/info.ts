// 20 Questions as the lobby lists it (no logic, no prompts).
import type { ActivityInfo } from '../types.js';

export const info = {
  id: 'twenty-questions',
  title: '20 Questions',
  line: 'One thinks of something you share; the other asks yes-or-no questions to guess it.',
  minutes: [10, 20],
  audiences: ['partners', 'friends', 'family'],
  suits: 'a light mood, side by side or on a call',
  kinds: ['experiential', 'intellectual', 'emotional'],
  howTo: [
    'One of you thinks of something you both know, and keeps it secret.',
    'The other asks questions that can be answered yes or no, up to twenty.',
    'Guess whenever you like. Found or not, the thing is shown at the end.',
  ],
} as const satisfies ActivityInfo;
