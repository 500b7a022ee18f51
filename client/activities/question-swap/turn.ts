// On one shared device: who should hold it now. null means "look together" (a reveal, talking, the end).
import type { View } from '../../../shared/activities/question-swap/index.js';
import type { SeatIndex } from '../../../shared/protocol.js';

export function holder(views: [View, View]): SeatIndex | null {
  const [first, second] = views;
  if (first.phase === 'consent') {
    if (!first.consent.mine) return 0;
    if (!second.consent.mine) return 1;
    return null;
  }
  const round = first.round;
  if (first.phase !== 'play' || !round || round.revealed) return null;
  const open = round.card.type === 'question' || round.card.type === 'task' || round.card.type === 'finish';
  if (first.answerMode === 'talk' && open) return null;
  const reader = round.reader;
  const listener: SeatIndex = reader === 0 ? 1 : 0;
  if (!round.answered[reader]) return reader;
  if (!round.answered[listener]) return listener;
  return null;
}
