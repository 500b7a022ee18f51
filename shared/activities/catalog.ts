// What the lobby lists about each activity, without its logic or content, so the browser bundle
// stays small. The logic is joined to these ids in registry.ts.
import { INTIMACY_KINDS } from '../intimacy.js';
import type { ActivityInfo } from './types.js';

export const ACTIVITY_IDS = ['question-swap', 'plan-together', 'what-it-means'] as const;
export type ActivityId = (typeof ACTIVITY_IDS)[number];

export const ACTIVITY_LIST: readonly (ActivityInfo & { id: ActivityId })[] = [
  {
    id: 'question-swap',
    title: 'Question Swap',
    description: 'Take turns with cards from light to deep; answers are revealed together.',
    kinds: INTIMACY_KINDS,
  },
  {
    id: 'plan-together',
    title: 'Plan something together',
    description: 'Bring ideas, agree on one shared project or date, and build its plan live.',
    kinds: ['experiential', 'intellectual'],
  },
  {
    id: 'what-it-means',
    title: 'What intimacy means to me',
    description: 'Rank, rate and finish a few sentences privately, then see both side by side.',
    kinds: ['emotional', 'intellectual'],
  },
];

export function activityInfo(id: ActivityId): ActivityInfo {
  const info = ACTIVITY_LIST.find((a) => a.id === id);
  if (!info) throw new Error(`unknown activity ${id}`);
  return info;
}
