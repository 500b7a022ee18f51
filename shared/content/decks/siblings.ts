// Siblings: shared childhood, old roles, the grown-ups we became. Ids "sb-<kind>-<depth>-<nn>".
import { deck } from './deck.js';

export const SIBLINGS = deck('any', ['siblings'], [
  // Emotional
  { id: 'sb-emo-1-01', kind: 'emotional', depth: 1, type: 'question', text: 'Which childhood fight of ours seems the silliest now?' },
  { id: 'sb-emo-1-02', kind: 'emotional', depth: 1, type: 'guess', text: 'Who do I think was the favourite growing up?', options: ['The older one', 'The younger one', 'Neither, honestly', 'The dog'] },
  { id: 'sb-emo-1-03', kind: 'emotional', depth: 1, type: 'finish', text: 'The thing you did as a kid that made me laugh most was…' },
  { id: 'sb-emo-1-04', kind: 'emotional', depth: 1, type: 'would-you-rather', text: 'When something big happens, would you rather tell me…', options: ['First, before anyone', 'Once the dust has settled'] },
  { id: 'sb-emo-2-01', kind: 'emotional', depth: 2, type: 'question', text: 'When did you first see me as a person, not just a brother or sister?' },
  { id: 'sb-emo-2-02', kind: 'emotional', depth: 2, type: 'task', text: 'Name one thing the other did when you were young that you never said thanks for.' },
  { id: 'sb-emo-2-03', kind: 'emotional', depth: 2, type: 'finish', text: 'Something about growing up together only you would understand is…' },
  { id: 'sb-emo-2-04', kind: 'emotional', depth: 2, type: 'guess', text: 'Which do I find hardest about family get-togethers?', options: ['Old roles coming back', 'The noise', 'The questions', 'Leaving'] },
  { id: 'sb-emo-3-01', kind: 'emotional', depth: 3, type: 'question', text: 'Is there something from our childhood you remember differently from me, and does it still matter?' },
  { id: 'sb-emo-3-02', kind: 'emotional', depth: 3, type: 'task', text: 'Own up to a time you were jealous of the other, and what was really behind it.' },
  { id: 'sb-emo-3-03', kind: 'emotional', depth: 3, type: 'finish', text: 'I hope you know that these days I see you as…' },
  { id: 'sb-emo-3-04', kind: 'emotional', depth: 3, type: 'question', text: 'How do you want us to be there for each other as our parents grow older?' },

  // Intellectual
  { id: 'sb-int-1-01', kind: 'intellectual', depth: 1, type: 'question', text: 'Which family rule made no sense to you as a child?' },
  { id: 'sb-int-1-02', kind: 'intellectual', depth: 1, type: 'guess', text: 'Which kind of game did I always want to play?', options: ['Board games', 'Cards', 'Something with dice', 'Whatever I could win'] },
  { id: 'sb-int-1-03', kind: 'intellectual', depth: 1, type: 'would-you-rather', text: 'At a family quiz night, would you rather…', options: ['Team up against everyone', 'Go head to head'] },
  { id: 'sb-int-1-04', kind: 'intellectual', depth: 1, type: 'task', text: 'Recall one thing the other taught you as a kid, on purpose or not.' },
  { id: 'sb-int-2-01', kind: 'intellectual', depth: 2, type: 'question', text: 'How did growing up in the same house give us such different views?' },
  { id: 'sb-int-2-02', kind: 'intellectual', depth: 2, type: 'finish', text: 'An opinion of yours I’ve quietly come round to is…' },
  { id: 'sb-int-2-03', kind: 'intellectual', depth: 2, type: 'guess', text: 'How do I handle family disagreements?', options: ['Keep the peace', 'Say it straight', 'Stay out of it', 'Make a joke'] },
  { id: 'sb-int-3-01', kind: 'intellectual', depth: 3, type: 'question', text: 'Which part of our upbringing are you trying hardest to repeat, or to undo?' },
  { id: 'sb-int-3-02', kind: 'intellectual', depth: 3, type: 'would-you-rather', text: 'About our shared past, would you rather…', options: ['Know every family secret', 'Keep a little mystery'] },
  { id: 'sb-int-3-03', kind: 'intellectual', depth: 3, type: 'task', text: 'Name a belief from our childhood home that you’ve since let go of, and why.' },
  { id: 'sb-int-3-04', kind: 'intellectual', depth: 3, type: 'guess', text: 'Which shaped me most growing up?', options: ['Our parents', 'Being older or younger', 'School and friends', 'One thing that happened'] },

  // Physical: presence, hugs, sitting together
  { id: 'sb-phy-1-01', kind: 'physical', depth: 1, type: 'question', text: 'Where was our best hiding place or den when we were small?' },
  { id: 'sb-phy-1-02', kind: 'physical', depth: 1, type: 'guess', text: 'Who hogged the best seat on long car journeys, as I remember it?', options: ['The older one', 'The younger one', 'We took turns', 'We fought every time'] },
  { id: 'sb-phy-1-03', kind: 'physical', depth: 1, type: 'would-you-rather', text: 'At a big family gathering, would you rather…', options: ['Hide in the kitchen with me', 'Sit together on the stairs like old times'] },
  { id: 'sb-phy-1-04', kind: 'physical', depth: 1, type: 'finish', text: 'The cosiest memory I have of us as kids is…' },
  { id: 'sb-phy-2-01', kind: 'physical', depth: 2, type: 'question', text: 'Are we a hugging family, and do you wish we were more so, or less?' },
  { id: 'sb-phy-2-02', kind: 'physical', depth: 2, type: 'task', text: 'Do the secret handshake, wave or signal you had as kids (on camera works too), or invent one now.' },
  { id: 'sb-phy-2-03', kind: 'physical', depth: 2, type: 'guess', text: 'How do I like to be comforted by family?', options: ['A hug', 'A cup of tea', 'A joke', 'Leave me to it'] },
  { id: 'sb-phy-2-04', kind: 'physical', depth: 2, type: 'finish', text: 'When you turn up at my door, I…' },
  { id: 'sb-phy-3-01', kind: 'physical', depth: 3, type: 'question', text: 'When did you most need me simply to be there, even if I didn’t know it?' },
  { id: 'sb-phy-3-02', kind: 'physical', depth: 3, type: 'task', text: 'Remember a time one of you was hurt or ill as a child, and how the other reacted.' },
  { id: 'sb-phy-3-03', kind: 'physical', depth: 3, type: 'would-you-rather', text: 'At the hardest family moments, would you rather we…', options: ['Stand side by side', 'Take turns being the strong one'] },

  // Experiential
  { id: 'sb-exp-1-01', kind: 'experiential', depth: 1, type: 'question', text: 'Which childhood game would you happily play again today?' },
  { id: 'sb-exp-1-02', kind: 'experiential', depth: 1, type: 'guess', text: 'Which family holiday do I remember best?', options: ['The one that went wrong', 'The very first', 'The one with the best weather', 'I mix them all up'] },
  { id: 'sb-exp-1-03', kind: 'experiential', depth: 1, type: 'would-you-rather', text: 'For a day just for us, would you rather…', options: ['Revisit where we grew up', 'Do something grown-up and new'] },
  { id: 'sb-exp-1-04', kind: 'experiential', depth: 1, type: 'task', text: 'Recreate an old photo of us two as kids — pose, faces and all.', samePlace: true },
  { id: 'sb-exp-2-01', kind: 'experiential', depth: 2, type: 'question', text: 'Which thing did we get away with as kids that our parents still don’t know about?' },
  { id: 'sb-exp-2-02', kind: 'experiential', depth: 2, type: 'finish', text: 'If it were just the two of us for a week, I’d take us to…' },
  { id: 'sb-exp-2-03', kind: 'experiential', depth: 2, type: 'task', text: 'Invent a yearly tradition just for us two, and pick the day it first happens.' },
  { id: 'sb-exp-2-04', kind: 'experiential', depth: 2, type: 'guess', text: 'Which chore did I dodge most as a kid?', options: ['The dishes', 'Tidying my room', 'Taking out the bins', 'All of them'] },
  { id: 'sb-exp-3-01', kind: 'experiential', depth: 3, type: 'question', text: 'If you could keep only one memory we share, which would you save?' },
  { id: 'sb-exp-3-02', kind: 'experiential', depth: 3, type: 'would-you-rather', text: 'When we’re old, would you rather…', options: ['Live on the same street', 'Come and stay for long visits'] },
  { id: 'sb-exp-3-03', kind: 'experiential', depth: 3, type: 'task', text: 'Describe a day from our childhood you’d like to relive, from breakfast to lights out.' },

  // Spiritual
  { id: 'sb-spi-1-01', kind: 'spiritual', depth: 1, type: 'question', text: 'Which small ritual from our childhood home do you still keep?' },
  { id: 'sb-spi-1-02', kind: 'spiritual', depth: 1, type: 'guess', text: 'Which word best sums up our childhood, for me?', options: ['Noisy', 'Free', 'Complicated', 'Happy'] },
  { id: 'sb-spi-1-03', kind: 'spiritual', depth: 1, type: 'finish', text: 'Something I’m grateful we share is…' },
  { id: 'sb-spi-2-01', kind: 'spiritual', depth: 2, type: 'question', text: 'How did we each find our own path, growing up in the same family?' },
  { id: 'sb-spi-2-02', kind: 'spiritual', depth: 2, type: 'would-you-rather', text: 'For our family story, would you rather…', options: ['Write it all down', 'Keep telling it out loud'] },
  { id: 'sb-spi-2-03', kind: 'spiritual', depth: 2, type: 'task', text: 'Name a value we both took from home, and how differently we each live it.' },
  { id: 'sb-spi-2-04', kind: 'spiritual', depth: 2, type: 'guess', text: 'Where do I find comfort when life is hard?', options: ['Family', 'Faith', 'Nature', 'Friends'] },
  { id: 'sb-spi-3-01', kind: 'spiritual', depth: 3, type: 'question', text: 'Do you think we’d be friends if we weren’t family, and why?' },
  { id: 'sb-spi-3-02', kind: 'spiritual', depth: 3, type: 'finish', text: 'Having you as my sibling has taught me…' },
  { id: 'sb-spi-3-03', kind: 'spiritual', depth: 3, type: 'question', text: 'When our parents are gone, what do you hope holds us together?' },
  { id: 'sb-spi-3-04', kind: 'spiritual', depth: 3, type: 'task', text: 'Say which of your sibling’s dreams you’d most like to see come true, and why.' },
]);
