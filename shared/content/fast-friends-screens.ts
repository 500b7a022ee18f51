// What Fast friends' screens say beside the questions: each set's name and line, and the guided closing
// minute (a few short lines over about a minute, to sit with what was said). Original, written for
// Closer. Small and not secret, so the screens import it; the questions stay out of the browser bundle
// (shared/content/fast-friends.ts, one at a time in the view). Checked by tests/unit/fast-friends-content.test.ts.

/** What each set is called on screen, and a line that says where it goes. */
export const SET_NAMES: readonly { title: string; line: string }[] = [
  { title: 'Warming up', line: 'Easy questions, to get talking.' },
  { title: 'A little closer', line: 'Where you come from, and what matters to you.' },
  { title: 'Closer still', line: 'The things that are harder to say. Go only as far as feels right.' },
];

export const CLOSING_SECONDS = 60;

export const CLOSING_LINES: readonly string[] = [
  'Let the screen rest. Sit back, wherever you are. On a call, stay on it: no need to talk.',
  'Breathe in slowly, and let the breath out a little more slowly still.',
  'Bring back one thing the other said today that you would like to keep.',
  'Notice how you feel now, next to how you felt when you began. Nothing needs to change.',
  'When you are ready, tell each other one word for this time together — or just smile.',
];
