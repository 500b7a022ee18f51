// New couples: first impressions, early trust, learning each other's ways. Partners only.
// Ids "nc-<kind>-<depth>-<nn>"; `samePlace` marks cards that need both in one room.
import { deck } from './deck.js';

export const NEW_COUPLE = deck('partners', ['new-couple'], [
  // Emotional
  { id: 'nc-emo-1-01', kind: 'emotional', depth: 1, type: 'question', text: 'Which first impression of me turned out to be completely wrong?' },
  { id: 'nc-emo-1-02', kind: 'emotional', depth: 1, type: 'finish', text: 'I knew I wanted to see you again when…' },
  { id: 'nc-emo-1-03', kind: 'emotional', depth: 1, type: 'would-you-rather', text: 'This early on, would you rather we…', options: ['Take things slowly and savour them', 'Dive in and see where it goes'] },
  { id: 'nc-emo-1-04', kind: 'emotional', depth: 1, type: 'guess', text: 'How nervous was I before our first date?', options: ['Not at all', 'A little fluttery', 'Very: I changed outfits twice', 'I almost cancelled'] },
  { id: 'nc-emo-2-01', kind: 'emotional', depth: 2, type: 'question', text: 'When you like someone new, how do you let them know?' },
  { id: 'nc-emo-2-02', kind: 'emotional', depth: 2, type: 'task', text: 'Confess one thing about the other you were too shy to mention when you first met.' },
  { id: 'nc-emo-2-03', kind: 'emotional', depth: 2, type: 'finish', text: 'Something that already makes me feel safe with you is…' },
  { id: 'nc-emo-2-04', kind: 'emotional', depth: 2, type: 'guess', text: 'When I’m upset, how do I want someone new in my life to treat me?', options: ['Give me space to work it out', 'Ask me gentle questions', 'Distract me', 'Just keep me company'] },
  { id: 'nc-emo-3-01', kind: 'emotional', depth: 3, type: 'question', text: 'Is there a pattern from past relationships you’re scared of repeating with me?' },
  { id: 'nc-emo-3-02', kind: 'emotional', depth: 3, type: 'task', text: 'Describe the moment you first felt this could turn into something real.' },
  { id: 'nc-emo-3-03', kind: 'emotional', depth: 3, type: 'finish', text: 'The part of me I usually keep hidden at the start, but want you to meet, is…' },
  { id: 'nc-emo-3-04', kind: 'emotional', depth: 3, type: 'question', text: 'How do you know when you trust someone enough to let them see you fall apart?' },

  // Intellectual
  { id: 'nc-int-1-01', kind: 'intellectual', depth: 1, type: 'question', text: 'Which opinion of yours do new people find most surprising?' },
  { id: 'nc-int-1-02', kind: 'intellectual', depth: 1, type: 'would-you-rather', text: 'On a long drive together, would you rather…', options: ['Debate something silly for an hour', 'Swap life stories from the start'] },
  { id: 'nc-int-1-03', kind: 'intellectual', depth: 1, type: 'guess', text: 'Which subject could I talk about for an hour without notes?', options: ['Food', 'History', 'Something gloriously nerdy', 'People and why they do things'] },
  { id: 'nc-int-1-04', kind: 'intellectual', depth: 1, type: 'task', text: 'Pitch your favourite book or film in thirty seconds, as if you were selling it on television.' },
  { id: 'nc-int-2-01', kind: 'intellectual', depth: 2, type: 'question', text: 'How did your family argue when you were growing up, and how has that shaped the way you disagree?' },
  { id: 'nc-int-2-02', kind: 'intellectual', depth: 2, type: 'finish', text: 'An idea of mine I’d love you to poke holes in is…' },
  { id: 'nc-int-2-03', kind: 'intellectual', depth: 2, type: 'guess', text: 'Stuck between two good options, what do I do?', options: ['Write lists of pros and cons', 'Go with my gut', 'Ask my friends', 'Sleep on it'] },
  { id: 'nc-int-2-04', kind: 'intellectual', depth: 2, type: 'question', text: 'Which question do you wish people asked you more often?' },
  { id: 'nc-int-3-01', kind: 'intellectual', depth: 3, type: 'question', text: 'Where do your biggest beliefs come from, and have you ever truly tested one?' },
  { id: 'nc-int-3-02', kind: 'intellectual', depth: 3, type: 'would-you-rather', text: 'As we get to know each other, would you rather I…', options: ['Challenge your views', 'Understand them first'] },
  { id: 'nc-int-3-03', kind: 'intellectual', depth: 3, type: 'task', text: 'Name a value you won’t bend on in a relationship, and explain how you learned it matters.' },

  // Physical: touch and closeness, never sexual
  { id: 'nc-phy-1-01', kind: 'physical', depth: 1, type: 'question', text: 'Do you like holding hands in public, or does it depend on where we are?' },
  { id: 'nc-phy-1-02', kind: 'physical', depth: 1, type: 'guess', text: 'How do I prefer to say hello when we meet?', options: ['A hug', 'A kiss on the cheek', 'A wave and a grin', 'Depends who’s watching'] },
  { id: 'nc-phy-1-03', kind: 'physical', depth: 1, type: 'would-you-rather', text: 'Watching something together at home, would you rather…', options: ['Sit close, shoulders touching', 'Stretch out with your feet in my lap'] },
  { id: 'nc-phy-1-04', kind: 'physical', depth: 1, type: 'finish', text: 'The first time your hand brushed mine, I…' },
  { id: 'nc-phy-2-01', kind: 'physical', depth: 2, type: 'question', text: 'How much cuddling is just right for you, and when does it start to feel like too much?' },
  { id: 'nc-phy-2-02', kind: 'physical', depth: 2, type: 'task', text: 'Hold hands for a minute without talking and notice what your shoulders do.', samePlace: true },
  { id: 'nc-phy-2-03', kind: 'physical', depth: 2, type: 'guess', text: 'Where do I feel most relaxed with you close?', options: ['On the sofa', 'Out walking', 'In the car', 'At a busy table with friends'] },
  { id: 'nc-phy-2-04', kind: 'physical', depth: 2, type: 'finish', text: 'Right now, it would feel lovely if you…' },
  { id: 'nc-phy-3-01', kind: 'physical', depth: 3, type: 'question', text: 'How do you like to be asked before being touched, and how can I tell when you need a pause?' },
  { id: 'nc-phy-3-02', kind: 'physical', depth: 3, type: 'task', text: 'Share one touch you love and one you’d rather skip, so neither of us has to guess.' },
  { id: 'nc-phy-3-03', kind: 'physical', depth: 3, type: 'would-you-rather', text: 'When you’re stressed, would you rather I…', options: ['Hold you without a word', 'Sit near and let you come to me'] },

  // Experiential
  { id: 'nc-exp-1-01', kind: 'experiential', depth: 1, type: 'question', text: 'Which of our dates so far would make the best opening scene of a film?' },
  { id: 'nc-exp-1-02', kind: 'experiential', depth: 1, type: 'guess', text: 'Which would I choose for our next date?', options: ['A market and street food', 'A museum', 'A long walk', 'A night in with a board game'] },
  { id: 'nc-exp-1-03', kind: 'experiential', depth: 1, type: 'would-you-rather', text: 'For a spontaneous Saturday, would you rather…', options: ['Get on the first train anywhere', 'Try every café on one street'] },
  { id: 'nc-exp-1-04', kind: 'experiential', depth: 1, type: 'task', text: 'Each name a spot in town you love and want to show the other.', samePlace: true },
  { id: 'nc-exp-2-01', kind: 'experiential', depth: 2, type: 'question', text: 'Which of your friends would you like me to meet first, and what should I know before I do?' },
  { id: 'nc-exp-2-02', kind: 'experiential', depth: 2, type: 'finish', text: 'Something I’ve never done but would try with you is…' },
  { id: 'nc-exp-2-03', kind: 'experiential', depth: 2, type: 'guess', text: 'Faced with an unfamiliar dish, what do I do?', options: ['Bring it on', 'Cautiously curious', 'Only if it looks familiar', 'Watch you try it first'] },
  { id: 'nc-exp-2-04', kind: 'experiential', depth: 2, type: 'task', text: 'Invent a small tradition for us, like a toast on the first warm evening of the year.' },
  { id: 'nc-exp-3-01', kind: 'experiential', depth: 3, type: 'question', text: 'Picturing us a year from now, which shared memory do you hope we’ll already have?' },
  { id: 'nc-exp-3-02', kind: 'experiential', depth: 3, type: 'would-you-rather', text: 'If this becomes serious, would you rather we…', options: ['Keep our own weekends and friends too', 'Build most of our free time around us'] },
  { id: 'nc-exp-3-03', kind: 'experiential', depth: 3, type: 'task', text: 'Describe the weekend you’d plan to show the other who you really are.' },

  // Spiritual
  { id: 'nc-spi-1-01', kind: 'spiritual', depth: 1, type: 'question', text: 'Where do you go when you need to feel calm again?' },
  { id: 'nc-spi-1-02', kind: 'spiritual', depth: 1, type: 'guess', text: 'Which of these moves me most?', options: ['A clear night sky', 'A storm at sea', 'An old stone building', 'A kind stranger'] },
  { id: 'nc-spi-1-03', kind: 'spiritual', depth: 1, type: 'finish', text: 'My week feels whole once I’ve…' },
  { id: 'nc-spi-2-01', kind: 'spiritual', depth: 2, type: 'question', text: 'Did we meet by pure chance, or does it feel like something more to you?' },
  { id: 'nc-spi-2-02', kind: 'spiritual', depth: 2, type: 'would-you-rather', text: 'On a hard day, would you rather find comfort in…', options: ['Quiet time alone', 'Being around people who love you'] },
  { id: 'nc-spi-2-03', kind: 'spiritual', depth: 2, type: 'task', text: 'Share a family tradition you’d love to keep, and one you’d happily let go.' },
  { id: 'nc-spi-2-04', kind: 'spiritual', depth: 2, type: 'guess', text: 'Which word would I pick for the life I’m aiming at?', options: ['Calm', 'Adventure', 'Kindness', 'Freedom'] },
  { id: 'nc-spi-3-01', kind: 'spiritual', depth: 3, type: 'question', text: 'Which belief of yours should I understand early, to really know you?' },
  { id: 'nc-spi-3-02', kind: 'spiritual', depth: 3, type: 'finish', text: 'The kind of person I’m trying to become is someone who…' },
  { id: 'nc-spi-3-03', kind: 'spiritual', depth: 3, type: 'question', text: 'If this grows into something lasting, how do you hope it changes each of us?' },
  { id: 'nc-spi-3-04', kind: 'spiritual', depth: 3, type: 'guess', text: 'Which do I think matters most for a love that lasts?', options: ['Shared values', 'Laughter', 'Choosing each other daily', 'Growing side by side'] },
]);
