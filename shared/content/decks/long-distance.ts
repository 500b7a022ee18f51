// Long-distance partners: nothing here needs the same room. Cards are things to do over a call or by
// message (share a screen, look at the same sky, send a photo now). Ids "ld-<kind>-<depth>-<nn>".
import { deck } from './deck.js';

export const LONG_DISTANCE = deck('partners', ['long-distance'], [
  // Emotional
  { id: 'ld-emo-1-01', kind: 'emotional', depth: 1, type: 'question', text: 'Which moment of your day would you most like me to have seen?' },
  { id: 'ld-emo-1-02', kind: 'emotional', depth: 1, type: 'finish', text: 'The message of yours I keep going back to is the one where you…' },
  { id: 'ld-emo-1-03', kind: 'emotional', depth: 1, type: 'would-you-rather', text: 'On a day apart, would you rather get…', options: ['One long message in the evening', 'Little notes all through the day'] },
  { id: 'ld-emo-1-04', kind: 'emotional', depth: 1, type: 'guess', text: 'Which part of our calls do I look forward to most?', options: ['Hearing your voice first', 'The silly bits', 'Catching up on news', 'Saying goodnight'] },
  { id: 'ld-emo-2-01', kind: 'emotional', depth: 2, type: 'question', text: 'How do you feel in the hour after we hang up?' },
  { id: 'ld-emo-2-02', kind: 'emotional', depth: 2, type: 'task', text: 'Send each other a photo, right now, of something nearby that brings the other to mind, and say why.' },
  { id: 'ld-emo-2-03', kind: 'emotional', depth: 2, type: 'finish', text: 'The distance is hardest for me when…' },
  { id: 'ld-emo-2-04', kind: 'emotional', depth: 2, type: 'guess', text: 'When I miss you most, what do I usually do?', options: ['Reread our messages', 'Look at our photos', 'Keep myself busy', 'Call you, whatever the hour'] },
  { id: 'ld-emo-3-01', kind: 'emotional', depth: 3, type: 'question', text: 'Is there a worry about us that grows louder when we’re far apart?' },
  { id: 'ld-emo-3-02', kind: 'emotional', depth: 3, type: 'task', text: 'Describe the first minute of our next meeting as you picture it, in as much detail as you can.' },
  { id: 'ld-emo-3-03', kind: 'emotional', depth: 3, type: 'finish', text: 'Something I find hard to say through a screen, but want you to know, is…' },
  { id: 'ld-emo-3-04', kind: 'emotional', depth: 3, type: 'question', text: 'How can I tell, from far away, that you’re having a harder day than you let on?' },

  // Intellectual
  { id: 'ld-int-1-01', kind: 'intellectual', depth: 1, type: 'task', text: 'Share your screen and show the last thing you looked up out of pure curiosity.' },
  { id: 'ld-int-1-02', kind: 'intellectual', depth: 1, type: 'would-you-rather', text: 'For our next call, would you rather…', options: ['Read the same article and talk it over', 'Each teach the other something in five minutes'] },
  { id: 'ld-int-1-03', kind: 'intellectual', depth: 1, type: 'guess', text: 'If the map let us meet halfway, where would I choose?', options: ['A big city', 'A quiet stretch of coast', 'Somewhere in the mountains', 'Wherever the cheapest ticket goes'] },
  { id: 'ld-int-1-04', kind: 'intellectual', depth: 1, type: 'question', text: 'Which local story near you this week would never make the news where I am?' },
  { id: 'ld-int-2-01', kind: 'intellectual', depth: 2, type: 'question', text: 'If I moved to your town, which unwritten local rule would you explain to me first?' },
  { id: 'ld-int-2-02', kind: 'intellectual', depth: 2, type: 'task', text: 'Pick a short video now, both watch it on your own screens, then each give your verdict in one sentence.' },
  { id: 'ld-int-2-03', kind: 'intellectual', depth: 2, type: 'finish', text: 'Living in different places has taught me…' },
  { id: 'ld-int-3-01', kind: 'intellectual', depth: 3, type: 'question', text: 'When we one day decide where to live, which thing should weigh most, in your view?' },
  { id: 'ld-int-3-02', kind: 'intellectual', depth: 3, type: 'would-you-rather', text: 'If we could close the distance only one way, would you rather…', options: ['One of us moves to the other', 'We both start fresh somewhere new'] },
  { id: 'ld-int-3-03', kind: 'intellectual', depth: 3, type: 'guess', text: 'What do I think keeps love across a distance strong?', options: ['Trust', 'A date to count down to', 'Talking every day', 'Each having a full life of our own'] },
  { id: 'ld-int-3-04', kind: 'intellectual', depth: 3, type: 'task', text: 'Name one belief about love the distance has tested, and say whether it held.' },

  // Physical: closeness over a call, never sexual
  { id: 'ld-phy-1-01', kind: 'physical', depth: 1, type: 'question', text: 'Where are you sitting right now, and how cosy is it, out of ten?' },
  { id: 'ld-phy-1-02', kind: 'physical', depth: 1, type: 'task', text: 'Hold your palms up to your cameras and match them, screen to screen, for a few seconds.' },
  { id: 'ld-phy-1-03', kind: 'physical', depth: 1, type: 'would-you-rather', text: 'To feel close tonight, would you rather…', options: ['Fall asleep with the call still on', 'Wear something that smells of me'] },
  { id: 'ld-phy-1-04', kind: 'physical', depth: 1, type: 'guess', text: 'Which of your things would I most like to borrow to feel you near?', options: ['A hoodie', 'A pillowcase', 'A scarf', 'Your soap or scent'] },
  { id: 'ld-phy-2-01', kind: 'physical', depth: 2, type: 'question', text: 'Which kind of touch from me do you miss most between visits?' },
  { id: 'ld-phy-2-02', kind: 'physical', depth: 2, type: 'task', text: 'Both wrap up in a blanket now and spend two quiet minutes on the call, just breathing together.' },
  { id: 'ld-phy-2-03', kind: 'physical', depth: 2, type: 'finish', text: 'When we finally meet, the first thing I want to do is…' },
  { id: 'ld-phy-2-04', kind: 'physical', depth: 2, type: 'guess', text: 'Through which sense do I miss you most?', options: ['Touch', 'Smell', 'Your voice in the same room', 'Seeing you move about'] },
  { id: 'ld-phy-3-01', kind: 'physical', depth: 3, type: 'question', text: 'How does your body feel in the days after a visit ends and we say goodbye?' },
  { id: 'ld-phy-3-02', kind: 'physical', depth: 3, type: 'task', text: 'Describe a hug from the other as you remember it, slowly, from the first step to letting go.' },
  { id: 'ld-phy-3-03', kind: 'physical', depth: 3, type: 'would-you-rather', text: 'For the long stretches apart, would you rather…', options: ['Visit more often for shorter stays', 'Visit less often for longer stays'] },
  { id: 'ld-phy-3-04', kind: 'physical', depth: 3, type: 'guess', text: 'What do I find hardest about sleeping alone again after a visit?', options: ['The quiet', 'The empty side', 'No goodnight in person', 'Nothing, I sleep fine'] },

  // Experiential: dates and plans that work over a call
  { id: 'ld-exp-1-01', kind: 'experiential', depth: 1, type: 'task', text: 'Both open a map, drop a pin somewhere neither of us has been, and describe our day there.' },
  { id: 'ld-exp-1-02', kind: 'experiential', depth: 1, type: 'would-you-rather', text: 'For a date over video, would you rather…', options: ['Cook the same recipe at the same time', 'Watch a film, pressing play together'] },
  { id: 'ld-exp-1-03', kind: 'experiential', depth: 1, type: 'guess', text: 'Which call date would I pick for this weekend?', options: ['A film in sync', 'An online game', 'Cooking on video', 'A walk with the phone'] },
  { id: 'ld-exp-1-04', kind: 'experiential', depth: 1, type: 'question', text: 'Which boring errand would turn fun if I were there to do it with you?' },
  { id: 'ld-exp-2-01', kind: 'experiential', depth: 2, type: 'task', text: 'Take the phone on a short walk and show your street as if the other had just arrived for the first time.' },
  { id: 'ld-exp-2-02', kind: 'experiential', depth: 2, type: 'question', text: 'Which visit of ours do you replay most, and which moment of it?' },
  { id: 'ld-exp-2-03', kind: 'experiential', depth: 2, type: 'finish', text: 'On our next visit, I’d love for us to…' },
  { id: 'ld-exp-2-04', kind: 'experiential', depth: 2, type: 'guess', text: 'How do I count down to our next visit?', options: ['Crossing off days', 'Planning every hour', 'Trying not to think about it', 'Telling everyone who’ll listen'] },
  { id: 'ld-exp-3-01', kind: 'experiential', depth: 3, type: 'question', text: 'Once the distance ends, which of our long-distance rituals would you keep?' },
  { id: 'ld-exp-3-02', kind: 'experiential', depth: 3, type: 'task', text: 'Plan together, right now, one ordinary day of the life we want once we share a home.' },
  { id: 'ld-exp-3-03', kind: 'experiential', depth: 3, type: 'would-you-rather', text: 'Looking back one day, would you rather remember this time apart as…', options: ['The test we passed', 'The adventure we had'] },

  // Spiritual
  { id: 'ld-spi-1-01', kind: 'spiritual', depth: 1, type: 'task', text: 'Look out of your window and describe your sky right now, as if painting it for the other.' },
  { id: 'ld-spi-1-02', kind: 'spiritual', depth: 1, type: 'question', text: 'Is there a time of day when you feel most connected to me, even miles away?' },
  { id: 'ld-spi-1-03', kind: 'spiritual', depth: 1, type: 'guess', text: 'Which sight would I choose for us to watch on the same night, miles apart?', options: ['The full moon', 'The stars', 'A sunset in each place', 'The first snow'] },
  { id: 'ld-spi-2-01', kind: 'spiritual', depth: 2, type: 'question', text: 'How has missing someone shown you what matters to you?' },
  { id: 'ld-spi-2-02', kind: 'spiritual', depth: 2, type: 'finish', text: 'Knowing you are out there somewhere makes me feel…' },
  { id: 'ld-spi-2-03', kind: 'spiritual', depth: 2, type: 'would-you-rather', text: 'To feel together across the miles, would you rather share…', options: ['A small ritual at the same hour', 'A journal we both write in'] },
  { id: 'ld-spi-2-04', kind: 'spiritual', depth: 2, type: 'guess', text: 'What carries me through the weeks between visits?', options: ['Our plans', 'Faith that it will work out', 'Your messages', 'Staying busy'] },
  { id: 'ld-spi-3-01', kind: 'spiritual', depth: 3, type: 'question', text: 'Do you believe being apart has brought us closer in some way, and how?' },
  { id: 'ld-spi-3-02', kind: 'spiritual', depth: 3, type: 'task', text: 'Name one thing you promise to keep doing, however many miles lie between us.' },
  { id: 'ld-spi-3-03', kind: 'spiritual', depth: 3, type: 'finish', text: 'The home I imagine us making one day feels like…' },
]);
