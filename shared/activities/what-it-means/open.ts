// How this activity's view opens in the browser (shared/activities/opened.ts): each part of each answer
// opened with the Opener where its writer sealed it (this activity, the part's slot, the writer's seat)
// and read strictly; after the reveal, the gaps between the two and their prompts computed here. A part
// that does not open is named in `unreadable` (the screen says "Couldn't read this.") and the rest works.
import type { SeatIndex } from '../../core.js';
import type { Opener } from '../../sealed/opener.js';
import { biggestGaps, rankingLine, ratingsLine, readRanking, readRatings, readSentences, sentenceLine, type Answers, type Gap } from './answers.js';
import type { Entry, Part, StarTarget, View } from './index.js';

const ACTIVITY = 'what-it-means';

/** One person's answers opened: a part is null when not given or unreadable; `unreadable` tells which. */
export interface OpenEntry extends Answers {
  done: boolean;
  /** Parts that were given but did not open (damaged, or sent broken by the other device). */
  unreadable: Part[];
}

export type OpenView = Omit<View, 'mine' | 'both'> & {
  mine: OpenEntry;
  both: [OpenEntry, OpenEntry] | null;
  /** The biggest differences between the two, as questions for both; empty before the reveal. */
  gaps: Gap[];
};

const READERS = { ranking: readRanking, ratings: readRatings, sentences: readSentences } satisfies Record<Part, (text: string) => unknown>;

async function openPart<P extends Part>(part: P, entry: Entry, seat: SeatIndex, open: Opener): Promise<ReturnType<(typeof READERS)[P]> | undefined | null> {
  const sealed = entry[part];
  if (sealed === null) return null;
  const text = await open({ activity: ACTIVITY, slot: part, seat }, sealed);
  // undefined: given, but it did not open or does not read as this part.
  return ((text === null ? null : READERS[part](text)) ?? undefined) as ReturnType<(typeof READERS)[P]> | undefined;
}

export async function openEntry(entry: Entry, seat: SeatIndex, open: Opener): Promise<OpenEntry> {
  const [ranking, ratings, sentences] = await Promise.all([
    openPart('ranking', entry, seat, open),
    openPart('ratings', entry, seat, open),
    openPart('sentences', entry, seat, open),
  ]);
  const opened = { ranking, ratings, sentences };
  return {
    ranking: ranking ?? null,
    ratings: ratings ?? null,
    sentences: sentences ?? null,
    done: entry.done,
    unreadable: (Object.keys(opened) as Part[]).filter((p) => opened[p] === undefined),
  };
}

export async function openView(view: View, open: Opener): Promise<OpenView> {
  const [mine, both] = await Promise.all([
    openEntry(view.mine, view.seat, open),
    view.both ? Promise.all([openEntry(view.both[0], 0, open), openEntry(view.both[1], 1, open)]) : null,
  ]);
  return { ...view, mine, both, gaps: both ? biggestGaps(both[0], both[1]) : [] };
}

/**
 * The words a star keeps in Memories, one per person who has some (a part that did not open is left out),
 * for the starring browser to seal (sealMemory). A gap's question is for both of them: it is kept once,
 * under the seat that starred it.
 */
export function starWords(view: OpenView, target: StarTarget): { seat: SeatIndex; text: string }[] {
  if (!view.both) return [];
  if (target.part === 'gap') {
    const gap = view.gaps[target.index];
    return gap ? [{ seat: view.seat, text: gap.prompt }] : [];
  }
  return ([0, 1] as const).flatMap((seat) => {
    const entry = view.both![seat];
    const text =
      target.part === 'ranking'
        ? entry.ranking && rankingLine(entry.ranking)
        : target.part === 'ratings'
          ? entry.ratings && ratingsLine(entry.ratings)
          : entry.sentences?.[target.index] && sentenceLine(entry.sentences[target.index]!);
    return text ? [{ seat, text }] : [];
  });
}
