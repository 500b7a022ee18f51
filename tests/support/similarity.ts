// Near-duplicate checks for content tests: word sets compared by Jaccard similarity, and near-twins
// (the same phrasing, or the same ideas reworded) by word trigrams and content-word bigrams.
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

/** Every word in order, lowercased, apostrophes folded ("what’s" → "whats"), punctuation dropped. */
export function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** A contraction counts as its first word, so "What’s" and "What" open the same way. */
const CONTRACTION = /['’](s|re|ve|d|ll|m)$/i;

/** The first `n` words of a text, lowercased, each contraction folded into its word ("What’s a" → "what a"). */
export function opening(text: string, n = 1): string {
  const first = text.split(/\s+/).slice(0, n).map((w) => w.replace(/[^\p{L}\p{N}'’]/gu, '').replace(CONTRACTION, ''));
  return tokens(first.join(' ')).join(' ');
}

/** Every run of `n` consecutive words; `unordered` treats "want unwell" and "unwell want" as one. */
function shingles(ws: readonly string[], n: number, unordered = false): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= ws.length; i++) {
    const run = ws.slice(i, i + n);
    out.add((unordered ? [...run].sort() : run).join(' '));
  }
  return out;
}

/** Words that carry no topic, dropped before comparing ideas (frames like "would you rather" and pronouns). */
const FRAME_WORDS = new Set([
  ...STOPWORDS, 'we', 'us', 'our', 'they', 'them', 'their', 'one', 'thing', 'something', 'about', 'from', 'have',
  'has', 'if', 'so', 'most', 'more', 'than', 'some', 'any', 'each', 'other', 'ive', 'youve', 'youd', 'id', 'can',
  'could', 'will', 'were', 'been', 'just', 'still', 'really', 'even', 'into', 'up', 'out', 'all', 'am',
]);

/** A crude stem so "want", "wants" and "wanted" meet. */
const stem = (w: string): string => (w.length > 4 ? w.replace(/(ing|ed|es|s)$/, '') : w);

/**
 * Thresholds for `nearTwins`, chosen by reading the deck's closest pairs:
 * - trigram 0.3: in a card of a dozen words (about ten word-trigrams) two cards reach 0.3 only when half
 *   the sentence is the same run of words with one topic swapped in ("How do I most like to be greeted /
 *   hugged?"); distinct cards that merely open alike ("What’s a small…") sit at 0.1–0.2.
 * - content bigram 0.3: with frame words dropped, words stemmed and each pair taken in either order, a
 *   card has two to five bigrams, so 0.3 means the same pair of ideas side by side ("unwell … want", "big decision") — the same question in
 *   other words; cards that share one topic word but ask different things stay at 0 or near it.
 */
export const TWIN_THRESHOLDS = { trigram: 0.3, contentBigram: 0.3 } as const;

/**
 * Every pair of near-twins, as "id ~ id (how)": cards whose word-trigram Jaccard similarity (the same
 * phrasing) or content-word-bigram Jaccard similarity (the same ideas, reworded) reaches its threshold.
 */
export function nearTwins(
  items: readonly { id: string; text: string }[],
  thresholds: { trigram: number; contentBigram: number } = TWIN_THRESHOLDS,
): string[] {
  const sets = items.map((item) => {
    const ws = tokens(item.text);
    return { id: item.id, tri: shingles(ws, 3), bi: shingles(ws.filter((w) => !FRAME_WORDS.has(w)).map(stem), 2, true) };
  });
  const found: string[] = [];
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i]!;
      const b = sets[j]!;
      const tri = a.tri.size && b.tri.size ? jaccard(a.tri, b.tri) : 0;
      const bi = a.bi.size && b.bi.size ? jaccard(a.bi, b.bi) : 0;
      if (tri >= thresholds.trigram) found.push(`${a.id} ~ ${b.id} (trigrams ${tri.toFixed(2)})`);
      else if (bi >= thresholds.contentBigram) found.push(`${a.id} ~ ${b.id} (content bigrams ${bi.toFixed(2)})`);
    }
  }
  return found;
}
