// Parent and child, either way round (an adult child and a parent, or a teenager): each card reads
// right whichever of the two asks. Ids "pc-<kind>-<depth>-<nn>".
import { deck } from './deck.js';

export const PARENT_CHILD = deck('any', ['parent-child'], [
  // Emotional
  { id: 'pc-emo-1-01', kind: 'emotional', depth: 1, type: 'question', text: 'Is there a family saying you catch yourself repeating?' },
  { id: 'pc-emo-1-02', kind: 'emotional', depth: 1, type: 'guess', text: 'Which meal tastes most like home to me?', options: ['A big family dinner', 'Something simple on toast', 'A takeaway night', 'Whatever’s cooking when I walk in'] },
  { id: 'pc-emo-1-03', kind: 'emotional', depth: 1, type: 'finish', text: 'One thing about you that always makes me smile is…' },
  { id: 'pc-emo-1-04', kind: 'emotional', depth: 1, type: 'would-you-rather', text: 'When we catch up, would you rather…', options: ['Hear every little detail', 'Get the headlines, then laugh'] },
  { id: 'pc-emo-2-01', kind: 'emotional', depth: 2, type: 'question', text: 'Which moment of mine are you proudest of, and did you ever say so at the time?' },
  { id: 'pc-emo-2-02', kind: 'emotional', depth: 2, type: 'task', text: 'Name something the other does that feels like love, even if neither of you calls it that.' },
  { id: 'pc-emo-2-03', kind: 'emotional', depth: 2, type: 'finish', text: 'I wish we talked more about…' },
  { id: 'pc-emo-2-04', kind: 'emotional', depth: 2, type: 'guess', text: 'How do I show I’m worried about you?', options: ['I ask lots of questions', 'I give advice', 'I go quiet', 'I send food or little things'] },
  { id: 'pc-emo-3-01', kind: 'emotional', depth: 3, type: 'question', text: 'Is there something from your growing up that you’d still like to understand better?' },
  { id: 'pc-emo-3-02', kind: 'emotional', depth: 3, type: 'task', text: 'Share a moment you felt misunderstood by the other, and what you wish they had seen.' },
  { id: 'pc-emo-3-03', kind: 'emotional', depth: 3, type: 'finish', text: 'If I could thank you for one thing you may not know you gave me, it would be…' },
  { id: 'pc-emo-3-04', kind: 'emotional', depth: 3, type: 'question', text: 'How has the way we are with each other changed as we’ve both got older?' },

  // Intellectual
  { id: 'pc-int-1-01', kind: 'intellectual', depth: 1, type: 'question', text: 'Of everything invented in your lifetime, what changed everyday life the most?' },
  { id: 'pc-int-1-02', kind: 'intellectual', depth: 1, type: 'guess', text: 'Which school subject did I like best?', options: ['Maths or science', 'Languages or writing', 'Art or drama', 'Break time'] },
  { id: 'pc-int-1-03', kind: 'intellectual', depth: 1, type: 'would-you-rather', text: 'On a quiet evening, would you rather we…', options: ['Do a crossword together', 'Swap the best things we’ve read lately'] },
  { id: 'pc-int-1-04', kind: 'intellectual', depth: 1, type: 'task', text: 'Explain one word or trend from your world that the other probably hasn’t come across.' },
  { id: 'pc-int-2-01', kind: 'intellectual', depth: 2, type: 'question', text: 'How do you think growing up today differs from growing up a generation ago?' },
  { id: 'pc-int-2-02', kind: 'intellectual', depth: 2, type: 'finish', text: 'Family advice I rolled my eyes at, and now agree with, was…' },
  { id: 'pc-int-2-03', kind: 'intellectual', depth: 2, type: 'guess', text: 'How do I deal with a problem I can’t solve?', options: ['Talk it through', 'Research everything', 'Walk it off', 'Leave it a day'] },
  { id: 'pc-int-2-04', kind: 'intellectual', depth: 2, type: 'question', text: 'Which lesson did you learn the hard way that you’d spare me if you could?' },
  { id: 'pc-int-3-01', kind: 'intellectual', depth: 3, type: 'question', text: 'Which of your beliefs came from our family, and which did you find on your own?' },
  { id: 'pc-int-3-02', kind: 'intellectual', depth: 3, type: 'would-you-rather', text: 'When the two of us disagree, would you rather…', options: ['Talk until we understand each other', 'Let it rest and come back to it later'] },
  { id: 'pc-int-3-03', kind: 'intellectual', depth: 3, type: 'task', text: 'Name one way you hope the next generation does things differently from ours.' },

  // Physical: presence and comfort
  { id: 'pc-phy-1-01', kind: 'physical', depth: 1, type: 'question', text: 'Which spot at home was always the cosiest to curl up in?' },
  { id: 'pc-phy-1-02', kind: 'physical', depth: 1, type: 'guess', text: 'After a long time apart, which hello suits me best?', options: ['A big hug', 'A quick squeeze', 'A cup of tea, then talk', 'A wave from the kitchen'] },
  { id: 'pc-phy-1-03', kind: 'physical', depth: 1, type: 'would-you-rather', text: 'On a cold night at home, would you rather…', options: ['Share a blanket on the sofa', 'Have a hot-water bottle each'] },
  { id: 'pc-phy-1-04', kind: 'physical', depth: 1, type: 'finish', text: 'A smell that takes me straight back home is…' },
  { id: 'pc-phy-2-01', kind: 'physical', depth: 2, type: 'question', text: 'How did our family show care without words when someone was ill or sad?' },
  { id: 'pc-phy-2-02', kind: 'physical', depth: 2, type: 'task', text: 'Give each other a proper hug, the kind that lasts, and say when you last had one like it.', samePlace: true },
  { id: 'pc-phy-2-03', kind: 'physical', depth: 2, type: 'guess', text: 'When I was ill as a child, what did I love most?', options: ['Soup brought to me', 'Company on the sofa', 'A day of films', 'Being fussed over a little'] },
  { id: 'pc-phy-2-04', kind: 'physical', depth: 2, type: 'finish', text: 'When we’re apart, I feel close to you when…' },
  { id: 'pc-phy-3-01', kind: 'physical', depth: 3, type: 'question', text: 'As we both get older, how would you like us to look after each other?' },
  { id: 'pc-phy-3-02', kind: 'physical', depth: 3, type: 'task', text: 'Share a memory of being looked after by the other when you really needed it.' },
  { id: 'pc-phy-3-03', kind: 'physical', depth: 3, type: 'would-you-rather', text: 'If one of us needed care one day, would you rather…', options: ['Live close by to help', 'Get help in and visit often'] },

  // Experiential
  { id: 'pc-exp-1-01', kind: 'experiential', depth: 1, type: 'question', text: 'Tell me about a family holiday or day out you still laugh about.' },
  { id: 'pc-exp-1-02', kind: 'experiential', depth: 1, type: 'guess', text: 'Given a day out with you, where would I head first?', options: ['A long walk and lunch', 'A market', 'The cinema', 'Our kitchen, cooking together'] },
  { id: 'pc-exp-1-03', kind: 'experiential', depth: 1, type: 'would-you-rather', text: 'For a family tradition, would you rather…', options: ['Keep an old one going', 'Start a new one together'] },
  { id: 'pc-exp-1-04', kind: 'experiential', depth: 1, type: 'task', text: 'Cook or bake something from a family recipe together, side by side.', samePlace: true },
  { id: 'pc-exp-2-01', kind: 'experiential', depth: 2, type: 'question', text: 'Which thing we used to do together would you love to do again?' },
  { id: 'pc-exp-2-02', kind: 'experiential', depth: 2, type: 'finish', text: 'A skill I’d love to learn from you is…' },
  { id: 'pc-exp-2-03', kind: 'experiential', depth: 2, type: 'task', text: 'Plan a day out for just the two of you, and pick a day before the month is out.' },
  { id: 'pc-exp-2-04', kind: 'experiential', depth: 2, type: 'guess', text: 'Which family ritual do I love most?', options: ['Birthdays', 'Holiday meals', 'A weekly phone call', 'Slow Sunday mornings'] },
  { id: 'pc-exp-3-01', kind: 'experiential', depth: 3, type: 'question', text: 'Which moment in our life as a family would you put in a time capsule?' },
  { id: 'pc-exp-3-02', kind: 'experiential', depth: 3, type: 'would-you-rather', text: 'Years from now, would you rather we remember…', options: ['The big trips and occasions', 'The ordinary evenings at home'] },
  { id: 'pc-exp-3-03', kind: 'experiential', depth: 3, type: 'task', text: 'Name one thing you want us to do together in the next year, and what stands in the way.' },

  // Spiritual
  { id: 'pc-spi-1-01', kind: 'spiritual', depth: 1, type: 'question', text: 'Which object in our family home holds the most stories?' },
  { id: 'pc-spi-1-02', kind: 'spiritual', depth: 1, type: 'guess', text: 'Which do I find most peaceful?', options: ['Early mornings', 'Gardening', 'A place of worship', 'The sea'] },
  { id: 'pc-spi-1-03', kind: 'spiritual', depth: 1, type: 'finish', text: 'Something about our family I hope never changes is…' },
  { id: 'pc-spi-2-01', kind: 'spiritual', depth: 2, type: 'question', text: 'How did your family talk about big questions — faith, death, right and wrong — when you were young?' },
  { id: 'pc-spi-2-02', kind: 'spiritual', depth: 2, type: 'would-you-rather', text: 'When it comes to passing things down, would you rather…', options: ['Pass on stories', 'Pass on treasured objects'] },
  { id: 'pc-spi-2-03', kind: 'spiritual', depth: 2, type: 'task', text: 'Name a value you’ve seen the other live out, and where you saw it.' },
  { id: 'pc-spi-2-04', kind: 'spiritual', depth: 2, type: 'guess', text: 'Which do I most want to pass on?', options: ['Kindness', 'Hard work', 'A sense of humour', 'Faith or values'] },
  { id: 'pc-spi-3-01', kind: 'spiritual', depth: 3, type: 'question', text: 'How do you hope our family will be remembered, generations from now?' },
  { id: 'pc-spi-3-02', kind: 'spiritual', depth: 3, type: 'finish', text: 'If I could give you one thing to carry through life, it would be…' },
  { id: 'pc-spi-3-03', kind: 'spiritual', depth: 3, type: 'question', text: 'If you could sit down with anyone from our family’s past, who would it be, and what would you ask?' },
  { id: 'pc-spi-3-04', kind: 'spiritual', depth: 3, type: 'task', text: 'Name an old hurt between you that you’ve let go of, so the other knows it’s settled.' },
]);
