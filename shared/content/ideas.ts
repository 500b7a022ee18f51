// Built-in ideas for "Plan something together": original project and date ideas written for Closer
// (see the product brief). Each is a short, concrete thing two people could plan over days or weeks,
// suits partners, friends and family alike, is low-cost and low-risk by default, and where possible
// works for two people who live far apart. Ids are stable (plans and Memories may refer to them):
// never reuse or renumber; add new ideas at the end of their group with the next free number.
// Checked by tests/unit/content-plan-means.test.ts.

import type { Audience } from '../core.js';

export const IDEA_GROUPS = ['make', 'learn', 'move', 'care', 'date', 'give', 'unplugged'] as const;
export type IdeaGroup = (typeof IDEA_GROUPS)[number];

export const IDEA_GROUP_LABELS: Record<IdeaGroup, string> = {
  make: 'Make something',
  learn: 'Learn something',
  move: 'Move together',
  care: 'Care for something',
  date: 'Plan a date',
  give: 'Give back',
  unplugged: 'Unplugged time',
};

/** Friends and family plan a day out, not a date. */
export function ideaGroupLabel(group: IdeaGroup, audience: Audience): string {
  return group === 'date' && audience !== 'partners' ? 'Plan a day out' : IDEA_GROUP_LABELS[group];
}

export interface Idea {
  id: string;
  group: IdeaGroup;
  text: string;
  /** Needs both in the same place: hidden for people who live apart. */
  samePlace?: true;
}

/** The ideas to suggest: for people who live apart, only those that work at a distance. */
export function ideasFor(apart: boolean): readonly Idea[] {
  return apart ? IDEAS.filter((idea) => !idea.samePlace) : IDEAS;
}

export const IDEAS: readonly Idea[] = [
  // Make something
  { id: 'make-01', group: 'make', text: 'Build a simple birdhouse from scrap wood', samePlace: true },
  { id: 'make-02', group: 'make', text: 'Sew a patchwork cushion from clothes you no longer wear', samePlace: true },
  { id: 'make-03', group: 'make', text: 'Put together a little cookbook of recipes you both love' },
  { id: 'make-04', group: 'make', text: 'Paint one large canvas, half each, then join the halves', samePlace: true },
  { id: 'make-05', group: 'make', text: 'Make a small zine about the places you each call home' },
  { id: 'make-06', group: 'make', text: 'Crochet matching scarves, one for each of you' },
  { id: 'make-07', group: 'make', text: 'Turn an old wooden crate into a bookshelf', samePlace: true },
  { id: 'make-08', group: 'make', text: 'Record a short podcast episode about a shared interest' },
  { id: 'make-09', group: 'make', text: 'Shoot a stop-motion film starring household objects' },
  { id: 'make-10', group: 'make', text: 'Fill a scrapbook with tickets, photos and notes from this year' },

  // Learn something
  { id: 'learn-01', group: 'learn', text: 'Learn twenty phrases in a language neither of you speaks' },
  { id: 'learn-02', group: 'learn', text: 'Master three card tricks and perform them for each other', samePlace: true },
  { id: 'learn-03', group: 'learn', text: 'Learn to make fresh pasta from scratch' },
  { id: 'learn-04', group: 'learn', text: 'Take a free online course and meet weekly to discuss it' },
  { id: 'learn-05', group: 'learn', text: 'Learn to recognise five birds by their song' },
  { id: 'learn-06', group: 'learn', text: 'Learn chess from the basics and play one match a week' },
  { id: 'learn-07', group: 'learn', text: 'Learn a short song in harmony and sing it together' },
  { id: 'learn-08', group: 'learn', text: 'Learn to find five constellations in the night sky' },
  { id: 'learn-09', group: 'learn', text: 'Work through a free first aid course side by side', samePlace: true },
  { id: 'learn-10', group: 'learn', text: 'Read the same book, a chapter a week, and talk it over' },

  // Move together
  { id: 'move-01', group: 'move', text: 'Build up to walking ten kilometres in one go' },
  { id: 'move-02', group: 'move', text: 'Walk every street of one neighbourhood over a month', samePlace: true },
  { id: 'move-03', group: 'move', text: 'Pick up a short dance routine from a video' },
  { id: 'move-04', group: 'move', text: 'Stretch for ten minutes every morning for two weeks' },
  { id: 'move-05', group: 'move', text: 'Plan a day hike to a viewpoint neither of you has seen', samePlace: true },
  { id: 'move-06', group: 'move', text: 'Follow a beginner yoga series, one session at a time' },
  { id: 'move-07', group: 'move', text: 'Cycle a quiet route to a new spot for lunch', samePlace: true },
  { id: 'move-08', group: 'move', text: 'Log your walks until together they reach a faraway city' },
  { id: 'move-09', group: 'move', text: 'Set up a regular badminton game in the park', samePlace: true },
  { id: 'move-10', group: 'move', text: 'Find the highest point in your area and climb it', samePlace: true },

  // Care for something
  { id: 'care-01', group: 'care', text: 'Grow herbs on a windowsill and cook with them' },
  { id: 'care-02', group: 'care', text: 'Raise a sunflower each from seed and compare progress' },
  { id: 'care-03', group: 'care', text: 'Build an obstacle course for a pet and practise it', samePlace: true },
  { id: 'care-04', group: 'care', text: 'Start a small vegetable patch or a few balcony pots', samePlace: true },
  { id: 'care-05', group: 'care', text: 'Feed the garden birds and keep a tally of visitors' },
  { id: 'care-06', group: 'care', text: 'Give one cluttered corner of home a fresh start', samePlace: true },
  { id: 'care-07', group: 'care', text: 'Cook and freeze meals ahead of a busy week' },
  { id: 'care-08', group: 'care', text: 'Grow new plants from cuttings of an old favourite' },
  { id: 'care-09', group: 'care', text: 'Start a compost bin and keep it going for a season', samePlace: true },
  { id: 'care-10', group: 'care', text: 'Mend a pile of clothes that need a button or a stitch', samePlace: true },

  // Plan a date
  { id: 'date-01', group: 'date', text: 'Cook a three-course meal themed on one country' },
  { id: 'date-02', group: 'date', text: 'Pack a picnic for a park you’ve never explored', samePlace: true },
  { id: 'date-03', group: 'date', text: 'Watch a sunrise, then share breakfast somewhere cosy', samePlace: true },
  { id: 'date-04', group: 'date', text: 'Watch the same film at the same time, then call' },
  { id: 'date-05', group: 'date', text: 'Visit a free museum and each choose a favourite piece', samePlace: true },
  { id: 'date-06', group: 'date', text: 'Turn the living room into a café for one evening', samePlace: true },
  { id: 'date-07', group: 'date', text: 'Spend a day exploring a nearby town by train or bus', samePlace: true },
  { id: 'date-08', group: 'date', text: 'Plan a stargazing night with blankets and hot drinks', samePlace: true },
  { id: 'date-09', group: 'date', text: 'Host a monthly quiz night with rounds you each write' },
  { id: 'date-10', group: 'date', text: 'Browse a market and make dinner from what you find', samePlace: true },

  // Give back
  { id: 'give-01', group: 'give', text: 'Volunteer a few shifts at a local food bank', samePlace: true },
  { id: 'give-02', group: 'give', text: 'Organise a litter pick along a path you love', samePlace: true },
  { id: 'give-03', group: 'give', text: 'Cook a meal for someone who could use a break' },
  { id: 'give-04', group: 'give', text: 'Write cheerful letters to residents of a care home' },
  { id: 'give-05', group: 'give', text: 'Knit or crochet hats for a winter charity drive' },
  { id: 'give-06', group: 'give', text: 'Set up a little book-swap box on your street', samePlace: true },
  { id: 'give-07', group: 'give', text: 'Hold a bake sale for a cause you both care about', samePlace: true },
  { id: 'give-08', group: 'give', text: 'Help an older neighbour keep their garden tidy', samePlace: true },
  { id: 'give-09', group: 'give', text: 'Record bedtime stories for a young relative far away' },
  { id: 'give-10', group: 'give', text: 'Put together care packages for a local shelter', samePlace: true },

  // Unplugged time
  { id: 'unplugged-01', group: 'unplugged', text: 'Keep one evening a week with phones in a drawer', samePlace: true },
  { id: 'unplugged-02', group: 'unplugged', text: 'Write each other a paper letter every week for a month' },
  { id: 'unplugged-03', group: 'unplugged', text: 'Finish a thousand-piece jigsaw, a little each night', samePlace: true },
  { id: 'unplugged-04', group: 'unplugged', text: 'Make Sunday mornings screen-free, with board games instead', samePlace: true },
  { id: 'unplugged-05', group: 'unplugged', text: 'Keep a notebook you pass back and forth with notes', samePlace: true },
  { id: 'unplugged-06', group: 'unplugged', text: 'Spend a whole day outdoors without checking a screen' },
  { id: 'unplugged-07', group: 'unplugged', text: 'Read a novel aloud to each other, a chapter a night' },
  { id: 'unplugged-08', group: 'unplugged', text: 'Camp out for a night in the garden or living room', samePlace: true },
  { id: 'unplugged-09', group: 'unplugged', text: 'Share a pot of tea each evening with no screens around', samePlace: true },
  { id: 'unplugged-10', group: 'unplugged', text: 'Take a slow walk with no phones and no destination', samePlace: true },
];
