// Starters for Appreciations: a tap begins the text, and the person finishes it in their own words.
// Three kinds — a word of thanks, a moment, something about who the other is — each marked with the
// pairs it suits (partners, friends, family). Original, written for Closer (see the product brief).
// Ids are stable: never reuse or renumber; add new starters at the end with the next free number.
// Checked by tests/unit/appreciations.test.ts.
import type { Audience } from '../core.js';

export const APPRECIATION_KINDS = ['word', 'moment', 'trait'] as const;
export type AppreciationKind = (typeof APPRECIATION_KINDS)[number];

/** What each kind is called on the chips' tabs. */
export const KIND_NAMES: Record<AppreciationKind, string> = {
  word: 'Thanks',
  moment: 'A moment',
  trait: 'About you',
};

export interface AppreciationStarter {
  id: string;
  kind: AppreciationKind;
  /** Ends with "…": the person carries on from here. */
  text: string;
  audiences: readonly Audience[];
}

const ALL: readonly Audience[] = ['partners', 'friends', 'family'];

export const APPRECIATION_STARTERS: readonly AppreciationStarter[] = [
  { id: 'ap-01', kind: 'word', text: 'Thank you for…', audiences: ALL },
  { id: 'ap-02', kind: 'word', text: 'I never said it, but thank you for…', audiences: ALL },
  { id: 'ap-03', kind: 'word', text: 'It meant a lot to me when you…', audiences: ALL },
  { id: 'ap-04', kind: 'word', text: 'I’m grateful that you always…', audiences: ALL },
  { id: 'ap-05', kind: 'word', text: 'A small thing you do that I notice every time is…', audiences: ALL },
  { id: 'ap-06', kind: 'word', text: 'You made my week easier by…', audiences: ALL },
  { id: 'ap-07', kind: 'word', text: 'Thank you for putting up with me when…', audiences: ['partners', 'friends'] },
  { id: 'ap-08', kind: 'word', text: 'Something you taught me without knowing it is…', audiences: ['friends', 'family'] },
  { id: 'ap-09', kind: 'moment', text: 'I noticed…', audiences: ALL },
  { id: 'ap-10', kind: 'moment', text: 'I still think about the time you…', audiences: ALL },
  { id: 'ap-11', kind: 'moment', text: 'Lately I loved seeing you…', audiences: ALL },
  { id: 'ap-12', kind: 'moment', text: 'The moment I felt you really had my back was…', audiences: ALL },
  { id: 'ap-13', kind: 'moment', text: 'One evening with you I’d happily live again is…', audiences: ['partners', 'friends'] },
  { id: 'ap-14', kind: 'moment', text: 'I laughed so hard when you…', audiences: ALL },
  { id: 'ap-15', kind: 'moment', text: 'When we were apart, it helped so much that you…', audiences: ['partners', 'friends'] },
  { id: 'ap-16', kind: 'moment', text: 'A memory from growing up with you that I treasure is…', audiences: ['family'] },
  { id: 'ap-17', kind: 'moment', text: 'I was proud of you when…', audiences: ALL },
  { id: 'ap-18', kind: 'trait', text: 'I admire how you…', audiences: ALL },
  { id: 'ap-19', kind: 'trait', text: 'I love the way you…', audiences: ['partners', 'family'] },
  { id: 'ap-20', kind: 'trait', text: 'You have a gift for…', audiences: ALL },
  { id: 'ap-21', kind: 'trait', text: 'Something about you that makes people feel at home is…', audiences: ALL },
  { id: 'ap-22', kind: 'trait', text: 'I feel braver around you because…', audiences: ALL },
  { id: 'ap-23', kind: 'trait', text: 'You are quietly very good at…', audiences: ALL },
  { id: 'ap-24', kind: 'trait', text: 'I hope you know how kind it is that you…', audiences: ALL },
  { id: 'ap-25', kind: 'trait', text: 'What I find attractive about you, beyond looks, is…', audiences: ['partners'] },
  { id: 'ap-26', kind: 'trait', text: 'As a friend, you are the one who…', audiences: ['friends'] },
  { id: 'ap-27', kind: 'trait', text: 'Something of you I see in myself, and like, is…', audiences: ['family'] },
  { id: 'ap-28', kind: 'word', text: 'Our home feels warmer because you…', audiences: ['partners', 'family'] },
  { id: 'ap-29', kind: 'moment', text: 'The first time I thought “I’m lucky to know you” was…', audiences: ['friends', 'partners'] },
  { id: 'ap-30', kind: 'trait', text: 'The world could use more of your…', audiences: ALL },
];

/** The starters that suit a pair, in order. */
export function startersFor(audience: Audience): AppreciationStarter[] {
  return APPRECIATION_STARTERS.filter((s) => s.audiences.includes(audience));
}
