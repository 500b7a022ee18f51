// The check-in's words: five mood steps (each a word and a short line, not only a face) and the
// prompts for a high, a low, one thing I need and one small thanks. Original writing for Closer.

export interface MoodStep {
  value: 1 | 2 | 3 | 4 | 5;
  word: string;
  /** A few words under the word, so the steps read as more than faces. */
  line: string;
  /** A small drawn face (the screen draws it; this names its mouth). */
  face: 'down' | 'flat-down' | 'flat' | 'up' | 'wide';
}

export const MOODS: readonly MoodStep[] = [
  { value: 1, word: 'Heavy', line: 'A hard day', face: 'down' },
  { value: 2, word: 'Low', line: 'Running on little', face: 'flat-down' },
  { value: 3, word: 'Steady', line: 'Neither up nor down', face: 'flat' },
  { value: 4, word: 'Good', line: 'Things felt okay', face: 'up' },
  { value: 5, word: 'Bright', line: 'A lovely day', face: 'wide' },
];

export interface Prompt {
  field: 'high' | 'low' | 'need' | 'thanks';
  label: string;
  hint: string;
  optional: boolean;
}

export const PROMPTS: readonly Prompt[] = [
  { field: 'high', label: 'A high', hint: 'Something that went well, or made you smile', optional: false },
  { field: 'low', label: 'A low', hint: 'Something that was hard, big or small', optional: false },
  { field: 'need', label: 'One thing I need', hint: 'A hug, a quiet evening, a call tomorrow…', optional: true },
  { field: 'thanks', label: 'One small thanks', hint: 'Thank you for…', optional: true },
];
