// Question Swap as the lobby lists it (no logic, no cards: the browser imports this).
import { INTIMACY_KINDS } from '../../intimacy.js';
import type { ActivityInfo } from '../types.js';

export const info = {
  id: 'question-swap',
  title: 'Question Swap',
  line: 'Take turns with cards from light to deep; answers are revealed together.',
  minutes: [15, 30],
  audiences: ['partners', 'friends', 'family'],
  kinds: INTIMACY_KINDS,
} as const satisfies ActivityInfo;
