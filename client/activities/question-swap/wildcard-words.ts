// What both are told about a wildcard played: who chose what, and what it changes — said with the
// revealed card before ("Ada chose …") and again on the card it chose ("Ada's wildcard: …").
import type { Steer } from '../../../shared/activities/question-swap/wildcard.js';
import { WILDCARD_CHOICES } from '../../../shared/activities/question-swap/wildcard.js';
import { KIND_LABELS } from '../../../shared/intimacy.js';

export function steerLine(steer: Steer, names: readonly [string, string], when: 'before' | 'now'): string {
  const kind = steer.kind && KIND_LABELS[steer.kind].title.toLowerCase();
  if (when === 'before') return `${names[steer.by]} chose: ${kind ? `a ${kind} card next.` : `${WILDCARD_CHOICES[steer.to].label.toLowerCase()}. ${WILDCARD_CHOICES[steer.to].then}`}`;
  return `${names[steer.by]}'s wildcard: ${kind ? `a ${kind} card` : WILDCARD_CHOICES[steer.to].label.toLowerCase()}.`;
}
