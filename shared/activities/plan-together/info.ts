// Plan something together as the lobby lists it (no logic, no ideas list).
import type { ActivityInfo } from '../types.js';

export const info = {
  id: 'plan-together',
  title: 'Plan something together',
  line: 'Bring ideas, agree on one shared project or date, and build its plan live.',
  minutes: [15, 40],
  audiences: ['partners', 'friends', 'family'],
  suits: 'two who like making things happen',
  kinds: ['experiential', 'intellectual'],
  family: { title: 'Plan something together', line: 'Bring ideas, agree on one shared project or day out, and build its plan live.' },
  howTo: [
    'Each of you brings a few ideas: a date, a project, something to learn together.',
    'Look at them side by side and agree on one.',
    'Build its plan step by step; you both see each change as it happens.',
  ],
} as const satisfies ActivityInfo;
