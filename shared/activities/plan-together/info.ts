// Plan something together as the lobby lists it (no logic, no ideas list).
import type { ActivityInfo } from '../types.js';

export const info = {
  id: 'plan-together',
  title: 'Plan something together',
  line: 'Bring ideas, agree on one shared project or date, and build its plan live.',
  minutes: [15, 40],
  audiences: ['partners', 'friends', 'family'],
  kinds: ['experiential', 'intellectual'],
  family: { title: 'Plan something together', line: 'Bring ideas, agree on one shared project or day out, and build its plan live.' },
} as const satisfies ActivityInfo;
