// Question Swap as the lobby lists it (no logic, no cards: the browser imports this).
import { INTIMACY_KINDS } from '../../intimacy.js';
import type { ActivityInfo } from '../types.js';

export const info = {
  id: 'question-swap',
  title: 'Question Swap',
  line: 'Take turns with cards from light to deep; answers are revealed together.',
  minutes: [15, 30],
  audiences: ['partners', 'friends', 'family'],
  suits: 'any two, new or long-standing',
  kinds: INTIMACY_KINDS,
  howTo: [
    'A card shows a question. You both answer it: in writing, or out loud if you chose to talk.',
    'Written answers stay hidden until you have both answered, then turn over together.',
    'Some cards ask you to guess what the other will say; a few are small things to do together.',
    'Pass any card, no reason needed. The next card comes when you are both ready.',
    'Now and then a wildcard lets one of you choose the next card. Mark one “Come back to this” for another day, or write your own after a game.',
  ],
} as const satisfies ActivityInfo;
