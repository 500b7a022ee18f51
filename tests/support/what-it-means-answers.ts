// "What intimacy means to me" answers sealed as a browser seals them (a real key, the part's slot, the
// writer's seat), for the unit and integration tests, and an Opener with the same key to read views.
import type { Move } from '../../shared/activities/what-it-means/index.js';
import { writeRanking, writeRatings, writeSentences, type Ratings, type Sentence } from '../../shared/activities/what-it-means/answers.js';
import type { SeatIndex } from '../../shared/core.js';
import { FOUNDATIONS, type IntimacyKind } from '../../shared/intimacy.js';
import type { Opener } from '../../shared/sealed/opener.js';
import { open, seal, type RoomKey } from '../../shared/sealed/seal.js';

export const ACTIVITY = 'what-it-means';

export async function sealFor(key: RoomKey, room: string, seat: SeatIndex, slot: string, text: string, activity = ACTIVITY): Promise<string> {
  const sealed = await seal(key, { room, seat, activity, slot }, text);
  if (!sealed.ok) throw new Error(sealed.error.message);
  return sealed.value;
}

export function openerFor(key: RoomKey, room: string): Opener {
  return async (at, sealed) => {
    const opened = await open(key, { room, ...at }, sealed);
    return opened.ok ? opened.value : null;
  };
}

/** The three answer moves one seat sends, each part sealed for its own slot. */
export async function answerMoves(
  key: RoomKey,
  room: string,
  seat: SeatIndex,
  answers: { ranking: readonly IntimacyKind[]; ratings: Ratings; sentences: readonly Sentence[] },
): Promise<Move[]> {
  return [
    { type: 'rank', ranking: await sealFor(key, room, seat, 'ranking', writeRanking(answers.ranking)) },
    { type: 'rate', ratings: await sealFor(key, room, seat, 'ratings', writeRatings(answers.ratings)) },
    { type: 'sentences', sentences: await sealFor(key, room, seat, 'sentences', writeSentences(answers.sentences)) },
  ];
}

export const ratingsOf = (today: number | null, want: number | null): Ratings =>
  Object.fromEntries(FOUNDATIONS.map((f) => [f, { today, want }])) as Ratings;
