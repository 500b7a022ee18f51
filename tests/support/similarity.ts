// Near-duplicate checks for content tests: word sets compared by Jaccard similarity.
const STOPWORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'as',
  'is', 'are', 'was', 'be', 'do', 'does', 'did', 'you', 'your', 'youre', 'i', 'im', 'me', 'my',
  'it', 'its', 'that', 'this', 'what', 'whats', 'which', 'who', 'when', 'how', 'would', 'rather',
]);

/** Lowercase, strip punctuation (straight and curly quotes, dashes, ellipses), split, drop stopwords. */
export function words(text: string): Set<string> {
  const tokens = text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && !STOPWORDS.has(w));
  return new Set(tokens);
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Every pair whose word sets are at least 80% the same, as "id ~ id (similarity)". */
export function nearDuplicates(items: readonly { id: string; text: string }[]): string[] {
  const sets = items.map((item) => ({ id: item.id, words: words(item.text) }));
  const pairs: string[] = [];
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i]!;
      const b = sets[j]!;
      const sim = jaccard(a.words, b.words);
      if (sim >= 0.8) pairs.push(`${a.id} ~ ${b.id} (${sim.toFixed(2)})`);
    }
  }
  return pairs;
}
