// Long-term partners: years together, rituals, rediscovery, growing old. Partners only.
// Ids "lt-<kind>-<depth>-<nn>"; `samePlace` marks cards that need both in one room.
import { deck } from './deck.js';

export const LONG_TERM = deck('partners', ['long-term'], [
  // Emotional
  { id: 'lt-emo-1-01', kind: 'emotional', depth: 1, type: 'question', text: 'Which habit of mine did you find odd at first and now quietly love?' },
  { id: 'lt-emo-1-02', kind: 'emotional', depth: 1, type: 'guess', text: 'Which of our in-jokes still makes me laugh hardest?', options: ['The oldest one', 'The newest one', 'The one nobody else gets', 'The one from a holiday'] },
  { id: 'lt-emo-1-03', kind: 'emotional', depth: 1, type: 'finish', text: 'You still make me feel chosen, years on, when you…' },
  { id: 'lt-emo-1-04', kind: 'emotional', depth: 1, type: 'would-you-rather', text: 'At the end of a long week, would you rather we…', options: ['Talk it all through', 'Say nothing and just be close'] },
  { id: 'lt-emo-2-01', kind: 'emotional', depth: 2, type: 'question', text: 'When did you last feel really seen by me, and what had I done?' },
  { id: 'lt-emo-2-02', kind: 'emotional', depth: 2, type: 'task', text: 'Name one way the other has changed since you met that you’re glad about.' },
  { id: 'lt-emo-2-03', kind: 'emotional', depth: 2, type: 'guess', text: 'Which do I need more of from you these days?', options: ['Time', 'Praise', 'Help with the load', 'Play'] },
  { id: 'lt-emo-2-04', kind: 'emotional', depth: 2, type: 'finish', text: 'When we argue, the thing I wish you knew is…' },
  { id: 'lt-emo-3-01', kind: 'emotional', depth: 3, type: 'question', text: 'Is there an old hurt between us that has healed, though you’ve never said so out loud?' },
  { id: 'lt-emo-3-02', kind: 'emotional', depth: 3, type: 'task', text: 'Recall a hard season you came through together, and one thing the other did that carried you.' },
  { id: 'lt-emo-3-03', kind: 'emotional', depth: 3, type: 'finish', text: 'A fear about our future I rarely admit is…' },
  { id: 'lt-emo-3-04', kind: 'emotional', depth: 3, type: 'question', text: 'How has your idea of love changed over our years together?' },

  // Intellectual
  { id: 'lt-int-1-01', kind: 'intellectual', depth: 1, type: 'question', text: 'Which of my opinions have you come round to over the years?' },
  { id: 'lt-int-1-02', kind: 'intellectual', depth: 1, type: 'guess', text: 'Which topic have we argued about most, in my view?', options: ['Money', 'Tidiness', 'Plans', 'How to load the dishwasher'] },
  { id: 'lt-int-1-03', kind: 'intellectual', depth: 1, type: 'would-you-rather', text: 'For our next evening in, would you rather…', options: ['Watch a documentary and argue about it', 'Play a quiz against each other'] },
  { id: 'lt-int-1-04', kind: 'intellectual', depth: 1, type: 'task', text: 'Explain one part of your work the other has never quite understood, in three sentences.' },
  { id: 'lt-int-2-01', kind: 'intellectual', depth: 2, type: 'question', text: 'How do we make decisions together now, compared with when we started?' },
  { id: 'lt-int-2-02', kind: 'intellectual', depth: 2, type: 'finish', text: 'A question I’ve never asked you, because I assumed I knew the answer, is…' },
  { id: 'lt-int-2-03', kind: 'intellectual', depth: 2, type: 'guess', text: 'Which of our jobs at home would I most like to swap?', options: ['Cooking', 'Money and bills', 'Planning', 'Cleaning'] },
  { id: 'lt-int-3-01', kind: 'intellectual', depth: 3, type: 'question', text: 'Which of your beliefs has our life together changed the most?' },
  { id: 'lt-int-3-02', kind: 'intellectual', depth: 3, type: 'would-you-rather', text: 'For the next ten years, would you rather we…', options: ['Put down deeper roots where we are', 'Make one big change together'] },
  { id: 'lt-int-3-03', kind: 'intellectual', depth: 3, type: 'task', text: 'Name a subject we tend to avoid, and agree on a gentle way to open it someday.' },
  { id: 'lt-int-3-04', kind: 'intellectual', depth: 3, type: 'guess', text: 'What do I think is our biggest blind spot as a couple?', options: ['Rest', 'Money', 'Saying thank you', 'Asking for help'] },

  // Physical: touch and closeness, never sexual
  { id: 'lt-phy-1-01', kind: 'physical', depth: 1, type: 'question', text: 'If our everyday touches disappeared (a hand on the back, a foot under the table), which would you miss first?' },
  { id: 'lt-phy-1-02', kind: 'physical', depth: 1, type: 'guess', text: 'How do I most like to be hugged?', options: ['Face to face', 'From behind', 'Side by side, while walking', 'Any way, any time'] },
  { id: 'lt-phy-1-03', kind: 'physical', depth: 1, type: 'would-you-rather', text: 'When it’s bitter out, would you rather…', options: ['Hold hands in one shared pocket', 'Have your cold feet tucked under my legs'] },
  { id: 'lt-phy-1-04', kind: 'physical', depth: 1, type: 'task', text: 'Give a thirty-second shoulder rub, then swap.', samePlace: true },
  { id: 'lt-phy-2-01', kind: 'physical', depth: 2, type: 'question', text: 'How has the way we touch changed over the years, and which bit would you bring back?' },
  { id: 'lt-phy-2-02', kind: 'physical', depth: 2, type: 'finish', text: 'I feel most at home in your arms when…' },
  { id: 'lt-phy-2-03', kind: 'physical', depth: 2, type: 'task', text: 'Hug for a full thirty seconds, longer than feels normal, then share what happened inside you.', samePlace: true },
  { id: 'lt-phy-2-04', kind: 'physical', depth: 2, type: 'guess', text: 'When I’m worn out, which helps me most?', options: ['A long hug', 'A foot rub', 'Tea made without asking', 'Being left to nap'] },
  { id: 'lt-phy-3-01', kind: 'physical', depth: 3, type: 'question', text: 'When do you feel far from me even when we’re side by side, and what brings you back?' },
  { id: 'lt-phy-3-02', kind: 'physical', depth: 3, type: 'would-you-rather', text: 'After a row, would you rather…', options: ['Hold hands before we talk', 'Talk first, then hold each other'] },
  { id: 'lt-phy-3-03', kind: 'physical', depth: 3, type: 'task', text: 'Describe how you want us to look after each other’s bodies as we grow old.' },
  { id: 'lt-phy-3-04', kind: 'physical', depth: 3, type: 'finish', text: 'A kind of closeness we’ve let slip, and I miss, is…' },

  // Experiential
  { id: 'lt-exp-1-01', kind: 'experiential', depth: 1, type: 'question', text: 'If someone filmed an ordinary Sunday of ours, which part would baffle them?' },
  { id: 'lt-exp-1-02', kind: 'experiential', depth: 1, type: 'guess', text: 'Which of our holidays do I remember most fondly?', options: ['The very first', 'The disaster that turned funny', 'The latest one', 'The one we spent at home'] },
  { id: 'lt-exp-1-03', kind: 'experiential', depth: 1, type: 'would-you-rather', text: 'For our anniversary, would you rather…', options: ['Go back somewhere we’ve loved', 'Go somewhere brand new'] },
  { id: 'lt-exp-1-04', kind: 'experiential', depth: 1, type: 'task', text: 'Pick a café or street near home we’ve somehow never tried, and choose a day this week to go.', samePlace: true },
  { id: 'lt-exp-2-01', kind: 'experiential', depth: 2, type: 'question', text: 'When did we last have a day that felt like the early days, and what made it so?' },
  { id: 'lt-exp-2-02', kind: 'experiential', depth: 2, type: 'finish', text: 'A routine of ours I’d love to shake up is…' },
  { id: 'lt-exp-2-03', kind: 'experiential', depth: 2, type: 'task', text: 'Name a skill you’d like us to learn together, and admit which part you’d be hopeless at.' },
  { id: 'lt-exp-2-04', kind: 'experiential', depth: 2, type: 'guess', text: 'Which chore do I secretly enjoy doing with you?', options: ['Cooking', 'The food shop', 'Gardening', 'Folding the washing'] },
  { id: 'lt-exp-3-01', kind: 'experiential', depth: 3, type: 'question', text: 'Which chapter of our life together would you call the best so far, and why?' },
  { id: 'lt-exp-3-02', kind: 'experiential', depth: 3, type: 'would-you-rather', text: 'If one of us got a dream chance far from home, would you rather…', options: ['Go together and start again', 'Live apart a while and keep both lives'] },
  { id: 'lt-exp-3-03', kind: 'experiential', depth: 3, type: 'task', text: 'Name one thing you’d each like us to do before we’re too old for it, and agree the first step.' },

  // Spiritual
  { id: 'lt-spi-1-01', kind: 'spiritual', depth: 1, type: 'question', text: 'Which ordinary moment of our week feels quietly sacred to you?' },
  { id: 'lt-spi-1-02', kind: 'spiritual', depth: 1, type: 'guess', text: 'Which word sums up our home, for me?', options: ['Calm', 'Lively', 'Safe', 'Messy but ours'] },
  { id: 'lt-spi-1-03', kind: 'spiritual', depth: 1, type: 'finish', text: 'I’ve been meaning to thank you for ages for…' },
  { id: 'lt-spi-2-01', kind: 'spiritual', depth: 2, type: 'question', text: 'How do your values differ now from when we first met?' },
  { id: 'lt-spi-2-02', kind: 'spiritual', depth: 2, type: 'would-you-rather', text: 'When life gets heavy, would you rather we…', options: ['Lean on a shared faith or practice', 'Lean on each other and our people'] },
  { id: 'lt-spi-2-03', kind: 'spiritual', depth: 2, type: 'task', text: 'Name the value you think holds us together, and one moment that proves it.' },
  { id: 'lt-spi-2-04', kind: 'spiritual', depth: 2, type: 'guess', text: 'What gives my life its deepest meaning right now?', options: ['Us', 'Family', 'Work I believe in', 'Helping others'] },
  { id: 'lt-spi-3-01', kind: 'spiritual', depth: 3, type: 'question', text: 'Which story do you hope people tell about us long after we’re gone?' },
  { id: 'lt-spi-3-02', kind: 'spiritual', depth: 3, type: 'finish', text: 'If we get to grow very old together, I hope we…' },
  { id: 'lt-spi-3-03', kind: 'spiritual', depth: 3, type: 'question', text: 'What do you think keeps two people choosing each other for a lifetime?' },
  { id: 'lt-spi-3-04', kind: 'spiritual', depth: 3, type: 'would-you-rather', text: 'Looking back at the very end, would you rather we were known for…', options: ['How kind we were to each other', 'What we gave to others'] },
]);
