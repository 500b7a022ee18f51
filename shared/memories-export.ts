// The room's Memories as Markdown, newest first, with the date, the activity and whose words each line
// is: a person's under their name, a reaction as one ("Grace reacted:"), words for both (a question to talk about) as Closer's prompt; and
// every page of them fetched for it (the views carry only the newest few).
import { CATALOG } from './activities/catalog.js';
import type { AppError } from './core.js';
import type { OpenMemory } from './opened-room.js';

export function memoriesToMarkdown(memories: readonly OpenMemory[], names: [string, string]): string {
  const lines = ['# Our Memories', ''];
  for (const memory of [...memories].reverse()) {
    const from = CATALOG[memory.activity]?.title;
    lines.push(`## ${memory.title}`, '', `_${new Date(memory.at).toISOString().slice(0, 10)}${from ? ` · ${from}` : ''}_`, '');
    for (const entry of memory.entries) lines.push(`- ${whose(entry, names)}${entry.text.replace(/\n+/g, ' ')}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Whose a line is: Closer's prompt, a person's reaction (chosen, not written), or a person's own words. */
function whose(entry: OpenMemory['entries'][number], names: [string, string]): string {
  if (entry.forBoth) return '_Closer asked:_ ';
  return entry.reaction ? `_${names[entry.seat]} reacted:_ ` : `**${names[entry.seat]}:** `;
}

/** A page of Memories as the export reads one: newest first, and the cursor for the next (null: none). */
export type PageOf<M> = { ok: true; value: { memories: M[]; next: string | null } } | { ok: false; error: AppError };

/**
 * Every page of the room's Memories, oldest first (as memoriesToMarkdown takes them), fetched one after
 * another; the first refusal is answered instead. At most `maxPages`, so a cursor that never ends cannot loop.
 */
export async function allPages<M>(fetchPage: (before: string | null) => Promise<PageOf<M>>, maxPages: number): Promise<PageOf<M>> {
  const newestFirst: M[] = [];
  let before: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const got: PageOf<M> = await fetchPage(before);
    if (!got.ok) return got;
    newestFirst.push(...got.value.memories);
    before = got.value.next;
    if (before === null) break;
  }
  return { ok: true, value: { memories: newestFirst.reverse(), next: null } };
}
