// Friends: never romantic. Physical cards are about presence, hugs and sitting together, or being
// there over distance. Ids "fr-<kind>-<depth>-<nn>".
import { deck } from './deck.js';

export const FRIENDS = deck('any', ['friends'], [
  // Emotional
  { id: 'fr-emo-1-01', kind: 'emotional', depth: 1, type: 'question', text: 'Which of our running jokes do you think will outlast everything?' },
  { id: 'fr-emo-1-02', kind: 'emotional', depth: 1, type: 'guess', text: 'How would I describe the way we became friends?', options: ['An instant click', 'A slow burn', 'A happy accident', 'It just sort of happened'] },
  { id: 'fr-emo-1-03', kind: 'emotional', depth: 1, type: 'finish', text: 'You’re the first person I want to tell when…' },
  { id: 'fr-emo-1-04', kind: 'emotional', depth: 1, type: 'would-you-rather', text: 'On a rotten day, would you rather I…', options: ['Turn up with snacks', 'Send something that makes you laugh'] },
  { id: 'fr-emo-2-01', kind: 'emotional', depth: 2, type: 'question', text: 'When did you feel I really had your back?' },
  { id: 'fr-emo-2-02', kind: 'emotional', depth: 2, type: 'task', text: 'Name a quality of the other’s you’d like a bit more of yourself.' },
  { id: 'fr-emo-2-03', kind: 'emotional', depth: 2, type: 'finish', text: 'Even with you, I struggle to ask for…' },
  { id: 'fr-emo-2-04', kind: 'emotional', depth: 2, type: 'guess', text: 'How do I act when I’m secretly struggling?', options: ['I go quiet', 'I get extra busy', 'I make more jokes', 'I cancel plans'] },
  { id: 'fr-emo-3-01', kind: 'emotional', depth: 3, type: 'question', text: 'Is there a time I let you down that you never mentioned?' },
  { id: 'fr-emo-3-02', kind: 'emotional', depth: 3, type: 'task', text: 'Describe how your life might look now if we had never met.' },
  { id: 'fr-emo-3-03', kind: 'emotional', depth: 3, type: 'finish', text: 'Our friendship has helped me get through…' },
  { id: 'fr-emo-3-04', kind: 'emotional', depth: 3, type: 'question', text: 'How do you want us to handle it if we ever drift apart for a while?' },

  // Intellectual
  { id: 'fr-int-1-01', kind: 'intellectual', depth: 1, type: 'question', text: 'Which hill would you happily defend to the end in a friendly argument?' },
  { id: 'fr-int-1-02', kind: 'intellectual', depth: 1, type: 'would-you-rather', text: 'For a long night of talk, would you rather…', options: ['Solve the world’s problems', 'Rank every snack ever made'] },
  { id: 'fr-int-1-03', kind: 'intellectual', depth: 1, type: 'guess', text: 'Which role would I play on a pub quiz team?', options: ['The general knowledge brain', 'The sport and trivia one', 'The confident guesser', 'The one who brings snacks'] },
  { id: 'fr-int-1-04', kind: 'intellectual', depth: 1, type: 'task', text: 'Recommend one thing to read, watch or play, in ten words or fewer.' },
  { id: 'fr-int-2-01', kind: 'intellectual', depth: 2, type: 'question', text: 'Which of my opinions do you most disagree with, and why haven’t you said so?' },
  { id: 'fr-int-2-02', kind: 'intellectual', depth: 2, type: 'finish', text: 'Something you’ve made me see differently is…' },
  { id: 'fr-int-2-03', kind: 'intellectual', depth: 2, type: 'guess', text: 'Where do I pick up most of my ideas?', options: ['Books', 'Podcasts', 'Friends', 'Endless scrolling'] },
  { id: 'fr-int-3-01', kind: 'intellectual', depth: 3, type: 'question', text: 'How do you decide which friendships to put your time into as you get older?' },
  { id: 'fr-int-3-02', kind: 'intellectual', depth: 3, type: 'would-you-rather', text: 'If we disagreed on something big, would you rather we…', options: ['Argue it out honestly', 'Agree to differ and move on'] },
  { id: 'fr-int-3-03', kind: 'intellectual', depth: 3, type: 'task', text: 'Name the best advice the other has ever given you, and whether you took it.' },
  { id: 'fr-int-3-04', kind: 'intellectual', depth: 3, type: 'guess', text: 'Which do I think keeps a friendship going for decades?', options: ['Honesty', 'Showing up', 'Laughing a lot', 'Not keeping score'] },

  // Physical: presence, hugs, sitting together, never romantic
  { id: 'fr-phy-1-01', kind: 'physical', depth: 1, type: 'question', text: 'Where do you like to sit when we hang out: across the table, side by side, or sprawled on the floor?' },
  { id: 'fr-phy-1-02', kind: 'physical', depth: 1, type: 'guess', text: 'Where would I pick for a long sit and a catch-up?', options: ['A café corner', 'A park bench', 'Someone’s kitchen', 'On a long walk'] },
  { id: 'fr-phy-1-03', kind: 'physical', depth: 1, type: 'would-you-rather', text: 'For a lazy afternoon together, would you rather…', options: ['Sprawl on the sofa with a film', 'Sit outside in the sun'] },
  { id: 'fr-phy-1-04', kind: 'physical', depth: 1, type: 'finish', text: 'The cosiest place we’ve ever hung out was…' },
  { id: 'fr-phy-2-01', kind: 'physical', depth: 2, type: 'question', text: 'When you’re run down, do you want friends to visit, drop things at the door or leave you be?' },
  { id: 'fr-phy-2-02', kind: 'physical', depth: 2, type: 'task', text: 'Go for a ten-minute walk together, phones away; if you’re apart, walk at the same time and call at the end.' },
  { id: 'fr-phy-2-03', kind: 'physical', depth: 2, type: 'guess', text: 'When I’m upset, which comfort do I want from a friend?', options: ['A big hug', 'A hand on my shoulder', 'Someone sitting close', 'Space, and a message later'] },
  { id: 'fr-phy-2-04', kind: 'physical', depth: 2, type: 'finish', text: 'Even miles apart, I know you’re there when…' },
  { id: 'fr-phy-3-01', kind: 'physical', depth: 3, type: 'question', text: 'In a hard time of yours, which moment of me simply being there mattered most?' },
  { id: 'fr-phy-3-02', kind: 'physical', depth: 3, type: 'task', text: 'Agree on a signal either of you can send that means “come round, no questions asked”, and what the other will do.' },
  { id: 'fr-phy-3-03', kind: 'physical', depth: 3, type: 'would-you-rather', text: 'At your lowest, would you rather have me…', options: ['Sitting beside you, saying little', 'On the phone, talking you through it'] },

  // Experiential
  { id: 'fr-exp-1-01', kind: 'experiential', depth: 1, type: 'question', text: 'Which of our adventures is the one we retell most?' },
  { id: 'fr-exp-1-02', kind: 'experiential', depth: 1, type: 'guess', text: 'Which would I choose for a weekend away with friends?', options: ['A cabin in the woods', 'A city break', 'A festival', 'A sofa and takeaways'] },
  { id: 'fr-exp-1-03', kind: 'experiential', depth: 1, type: 'would-you-rather', text: 'For our next catch-up, would you rather…', options: ['Try something neither of us has done', 'Go to our usual place'] },
  { id: 'fr-exp-1-04', kind: 'experiential', depth: 1, type: 'task', text: 'Agree on a silly challenge for the next time we meet, like ordering for each other.' },
  { id: 'fr-exp-2-01', kind: 'experiential', depth: 2, type: 'question', text: 'Which trip or night out with me would you relive exactly as it was?' },
  { id: 'fr-exp-2-02', kind: 'experiential', depth: 2, type: 'finish', text: 'Before this year is out, I want us to…' },
  { id: 'fr-exp-2-03', kind: 'experiential', depth: 2, type: 'guess', text: 'How do I like to plan a meet-up?', options: ['Weeks ahead, in the calendar', 'The day before', 'On the doorstep', 'I wait for you to plan it'] },
  { id: 'fr-exp-2-04', kind: 'experiential', depth: 2, type: 'task', text: 'Pick a skill or class we could try side by side, and name the first step.' },
  { id: 'fr-exp-3-01', kind: 'experiential', depth: 3, type: 'question', text: 'Picture us at eighty: which tradition of ours do you hope we’re still keeping?' },
  { id: 'fr-exp-3-02', kind: 'experiential', depth: 3, type: 'would-you-rather', text: 'If one of us moved far away for good, would you rather…', options: ['Visit once a year, properly', 'Talk every week, however briefly'] },
  { id: 'fr-exp-3-03', kind: 'experiential', depth: 3, type: 'task', text: 'Describe a moment of our friendship that shows who we both were then.' },

  // Spiritual
  { id: 'fr-spi-1-01', kind: 'spiritual', depth: 1, type: 'question', text: 'Where do you feel most like yourself, and have I ever seen you there?' },
  { id: 'fr-spi-1-02', kind: 'spiritual', depth: 1, type: 'guess', text: 'Which would I call my happy place?', options: ['By water', 'In a kitchen', 'Up high somewhere', 'Wherever my people are'] },
  { id: 'fr-spi-1-03', kind: 'spiritual', depth: 1, type: 'finish', text: 'I’m grateful for our friendship every time…' },
  { id: 'fr-spi-2-01', kind: 'spiritual', depth: 2, type: 'question', text: 'Have I ever nudged what you care about, without either of us noticing?' },
  { id: 'fr-spi-2-02', kind: 'spiritual', depth: 2, type: 'would-you-rather', text: 'In friendship, would you rather have…', options: ['A few friends for life', 'Many friends for every season'] },
  { id: 'fr-spi-2-03', kind: 'spiritual', depth: 2, type: 'task', text: 'Name a friend from your past you still think about, and what they taught you.' },
  { id: 'fr-spi-2-04', kind: 'spiritual', depth: 2, type: 'guess', text: 'Which matters most to me in how I live?', options: ['Honesty', 'Freedom', 'Loyalty', 'Kindness'] },
  { id: 'fr-spi-3-01', kind: 'spiritual', depth: 3, type: 'question', text: 'Do you believe some friendships are meant to be, and is ours one of them?' },
  { id: 'fr-spi-3-02', kind: 'spiritual', depth: 3, type: 'finish', text: 'Because of you, I’ve become a bit more…' },
  { id: 'fr-spi-3-03', kind: 'spiritual', depth: 3, type: 'question', text: 'How would you like your friends to remember you?' },
  { id: 'fr-spi-3-04', kind: 'spiritual', depth: 3, type: 'task', text: 'Share one hope you hold for the other’s life, even if you’ve never said it.' },
]);
