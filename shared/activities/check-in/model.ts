// The check-in's shapes and limits, shared by the core and the screens (no content): how one person's
// words are written before sealing and strictly read back after opening, and what is checked first.
import type { Bucket } from '../../sealed/shape.js';

export const ACTIVITY = 'check-in';
/** The room keeps this many check-in days; the oldest goes first. */
export const MAX_DAYS = 60;
/** The chart's span, and how far back the view carries moods. */
export const CHART_DAYS = 30;
/** A mood ("1"…"5") seals into the smallest bucket. */
export const MOOD_BUCKET: Bucket = 64;
/** High and low of up to 280 characters, need and thanks of up to 200, as JSON: under 4,096 bytes of UTF-8. */
export const WORDS_BUCKET: Bucket = 4096;
/** A time zone name ("America/Argentina/Buenos_Aires") seals into the smallest bucket. */
export const ZONE_BUCKET: Bucket = 64;
export const LIMITS = { high: 280, low: 280, need: 200, thanks: 200 } as const;

export type Mood = 1 | 2 | 3 | 4 | 5;

/** What one person wrote for a day. need and thanks are optional: empty strings. */
export interface Words {
  high: string;
  low: string;
  need: string;
  thanks: string;
}

const FIELDS = ['high', 'low', 'need', 'thanks'] as const;
// Control characters would grow in JSON (\u0000) and mean nothing here; new lines are fine.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;

/** What is wrong with a check-in before it is sealed, as a sentence; null when it can be sent. */
export function checkInProblem(mood: number | null, words: Words): string | null {
  if (mood === null || !Number.isInteger(mood) || mood < 1 || mood > 5) return 'Choose how today felt.';
  if (!words.high.trim()) return 'Write a high — even a small one.';
  if (!words.low.trim()) return 'Write a low — or "nothing much".';
  for (const field of FIELDS) {
    if (words[field].length > LIMITS[field]) return `That is more than ${LIMITS[field]} characters; shorten it a little.`;
    if (CONTROL.test(words[field])) return 'That holds characters that cannot be kept; retype it.';
  }
  return null;
}

export function writeMood(mood: Mood): string {
  return String(mood);
}

export function readMood(text: string): Mood | null {
  return /^[1-5]$/.test(text) ? (Number(text) as Mood) : null;
}

export function writeWords(words: Words): string {
  return JSON.stringify({ high: words.high.trim(), low: words.low.trim(), need: words.need.trim(), thanks: words.thanks.trim() });
}

/** Reads words strictly: anything but four strings within their limits is unreadable (null). */
export function readWords(text: string): Words | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const out: Partial<Words> = {};
  for (const field of FIELDS) {
    const v = record[field];
    if (typeof v !== 'string' || v.length > LIMITS[field]) return null;
    out[field] = v;
  }
  return out as Words;
}

/** A time zone as sealed: its IANA name, at most 64 characters. */
export function zoneProblem(zone: string): string | null {
  return /^[A-Za-z0-9_+\-/]{1,60}$/.test(zone) ? null : 'That time zone is not one Closer knows.';
}
