// The prompt deck of 20 Questions: original suggestions, written for Closer, for what the thinker might
// choose for the other to guess. A prompt only suggests: the thinker writes the thing itself. Each fits
// some audiences (a room's audience is chosen at creation); ids are stable, never reused or renumbered.
// Checked by tests/unit/twenty-questions.test.ts.
import type { Audience } from '../core.js';

export const PROMPT_KINDS = ['memory', 'place', 'me', 'story', 'object'] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

export interface Prompt {
  id: string;
  kind: PromptKind;
  audiences: readonly Audience[];
  text: string;
}

const ALL: readonly Audience[] = ['partners', 'friends', 'family'];
const PARTNERS: readonly Audience[] = ['partners'];
const FRIENDS: readonly Audience[] = ['friends'];
const FAMILY: readonly Audience[] = ['family'];

export const PROMPTS: readonly Prompt[] = [
  // A shared memory
  { id: 'mem-01', kind: 'memory', audiences: ALL, text: 'A meal we still talk about' },
  { id: 'mem-02', kind: 'memory', audiences: ALL, text: 'A time we laughed until it hurt' },
  { id: 'mem-03', kind: 'memory', audiences: ALL, text: 'A day that went wrong and became a good story' },
  { id: 'mem-04', kind: 'memory', audiences: PARTNERS, text: 'Something from our first weeks together' },
  { id: 'mem-05', kind: 'memory', audiences: PARTNERS, text: 'A small gesture of yours I never forgot' },
  { id: 'mem-06', kind: 'memory', audiences: FRIENDS, text: 'The moment I knew we would be friends' },
  { id: 'mem-07', kind: 'memory', audiences: FAMILY, text: 'A holiday tradition from when we were younger' },
  { id: 'mem-08', kind: 'memory', audiences: FAMILY, text: 'Something one of us made for the other' },
  // A place we have been, or dream of
  { id: 'place-01', kind: 'place', audiences: ALL, text: 'A place we have been together' },
  { id: 'place-02', kind: 'place', audiences: ALL, text: 'Somewhere I would love to take you' },
  { id: 'place-03', kind: 'place', audiences: ALL, text: 'A spot where I go to think' },
  { id: 'place-04', kind: 'place', audiences: ALL, text: 'A city I keep daydreaming about' },
  { id: 'place-05', kind: 'place', audiences: PARTNERS, text: 'Where I would choose for our next trip' },
  { id: 'place-06', kind: 'place', audiences: FRIENDS, text: 'Where we always seem to end up' },
  { id: 'place-07', kind: 'place', audiences: FAMILY, text: 'A room in a home we grew up around' },
  { id: 'place-08', kind: 'place', audiences: ALL, text: 'A place from a dream I once had' },
  // Something about me
  { id: 'me-01', kind: 'me', audiences: ALL, text: 'A habit of mine you may not have noticed' },
  { id: 'me-02', kind: 'me', audiences: ALL, text: 'Something I am quietly proud of' },
  { id: 'me-03', kind: 'me', audiences: ALL, text: 'A job I wanted as a child' },
  { id: 'me-04', kind: 'me', audiences: ALL, text: 'A skill I would like to learn this year' },
  { id: 'me-05', kind: 'me', audiences: ALL, text: 'A smell that takes me straight back somewhere' },
  { id: 'me-06', kind: 'me', audiences: PARTNERS, text: 'What I was thinking about when I first saw you' },
  { id: 'me-07', kind: 'me', audiences: FRIENDS, text: 'Something I have never told you I collect' },
  { id: 'me-08', kind: 'me', audiences: FAMILY, text: 'A thing I inherited, in looks or in habits' },
  // A film or a book
  { id: 'story-01', kind: 'story', audiences: ALL, text: 'A film I could watch again tonight' },
  { id: 'story-02', kind: 'story', audiences: ALL, text: 'A book that changed how I see something' },
  { id: 'story-03', kind: 'story', audiences: ALL, text: 'A character I secretly relate to' },
  { id: 'story-04', kind: 'story', audiences: ALL, text: 'A story I loved when I was small' },
  { id: 'story-05', kind: 'story', audiences: PARTNERS, text: 'A film that reminds me of us' },
  { id: 'story-06', kind: 'story', audiences: FRIENDS, text: 'A series I keep telling you to start' },
  { id: 'story-07', kind: 'story', audiences: FAMILY, text: 'A story someone in our family always tells' },
  // An object near me
  { id: 'obj-01', kind: 'object', audiences: ALL, text: 'Something within reach of my hand right now' },
  { id: 'obj-02', kind: 'object', audiences: ALL, text: 'The oldest thing in the room I am in' },
  { id: 'obj-03', kind: 'object', audiences: ALL, text: 'Something blue I can see from here' },
  { id: 'obj-04', kind: 'object', audiences: ALL, text: 'An object in my bag or pockets' },
  { id: 'obj-05', kind: 'object', audiences: ALL, text: 'Something near me that has a story' },
  { id: 'obj-06', kind: 'object', audiences: PARTNERS, text: 'Something near me that you gave me' },
  { id: 'obj-07', kind: 'object', audiences: FAMILY, text: 'Something in this room someone else chose' },
];

/** The prompts that suit a room's audience. */
export function promptsFor(audience: Audience): Prompt[] {
  return PROMPTS.filter((p) => p.audiences.includes(audience));
}
