// The room's Memories as Markdown, newest first, with both people's words, the date and the activity.
import { CATALOG } from './activities/catalog.js';
import type { OpenMemory } from './opened-room.js';

export function memoriesToMarkdown(memories: readonly OpenMemory[], names: [string, string]): string {
  const lines = ['# Our Memories', ''];
  for (const memory of [...memories].reverse()) {
    const from = CATALOG[memory.activity]?.title;
    lines.push(`## ${memory.title}`, '', `_${new Date(memory.at).toISOString().slice(0, 10)}${from ? ` · ${from}` : ''}_`, '');
    for (const entry of memory.entries) lines.push(`- ${entry.forBoth ? '' : `**${names[entry.seat]}:** `}${entry.text.replace(/\n+/g, ' ')}`);
    lines.push('');
  }
  return lines.join('\n');
}
