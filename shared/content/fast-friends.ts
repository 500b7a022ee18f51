// Fast friends: three sets of questions that open up a little more with each set, for a session of
// about 45 minutes (the design of the 1997 closeness study — sets of rising self-disclosure, taking
// turns — not its questions: every line here is original, written for Closer). Each question is asked
// of both, one after the other, so "you" is always the one answering. `{them}` is the other person,
// filled in with their name by the screen; it always follows about/to/with/from/for, so it reads as
// "each other" where nobody in particular is meant (a memory's title). Fit for new couples and friends
// alike. Ids are stable: never reuse or renumber. Checked by tests/unit/fast-friends-content.test.ts.

export const SET_COUNT = 3;

export interface FastFriendsQuestion {
  id: string;
  /** Which set, 0–2: each opens up a little more than the one before. */
  set: number;
  text: string;
}

const SET_1 = [
  'Think of a small, ordinary thing that reliably makes your day better. What is it?',
  'Picture a place from your childhood you can still walk through in your mind. What do you see first?',
  'A free Saturday, no plans, nobody needing you: how does it go, hour by hour?',
  'Tell a story about something you were completely obsessed with at around ten years old.',
  'Which smell takes you straight back somewhere, and where does it take you?',
  'Where do you feel most like yourself — a room, a street, a kind of weather?',
  'Is there a small or silly tradition you would be sad to lose?',
  'Which piece of advice did you actually take, and how did it turn out?',
  'When you learn something new, do you dive in or read the instructions first? Tell a time that shows it.',
  'Of all the things you own, which has the best story behind it?',
  'Name something you have changed your mind about in the last few years, and what changed it.',
];

const SET_2 = [
  'Who outside your family taught you something that still shapes how you live?',
  'Tell a risk you took that you are glad of, even if it did not go to plan.',
  'When did you last feel quietly proud of yourself, with nobody else knowing?',
  'Which belief of yours did the people around you growing up not share?',
  'What does a real apology look like to you?',
  'When you are tired and low, what helps more: company, space, or something else?',
  'Is there a chapter of your life you rarely talk about, but that mattered a lot?',
  'Which part of you do people tend to misread when they first meet you?',
  'What are you slowly getting better at being?',
  'When has a stranger’s kindness caught you by surprise?',
  'Twenty years from now, what do you hope you are still doing?',
];

const SET_3 = [
  'What did you first notice about {them}, and has it changed since?',
  'Is there something you find hard to ask for, even from people close to you?',
  'When do you feel most alone, and what helps when you do?',
  'Which fear has quietly steered some of your choices?',
  'If you feel like saying: what are you still learning to forgive yourself for?',
  'Try to put into words something about you that is hard to explain, and that you would like to share with {them}.',
  'When did someone make you feel accepted exactly as you were?',
  'What have you been carrying lately that you have not said out loud?',
  'Which part of yourself are you still getting to know?',
  'So far, what has this conversation shown you about {them}?',
  'Looking at the coming year, what would you like it to bring you, and what would help it along?',
];

const numbered = (texts: readonly string[], set: number): FastFriendsQuestion[] =>
  texts.map((text, i) => ({ id: `ff-${set + 1}-${String(i + 1).padStart(2, '0')}`, set, text }));

export const FAST_FRIENDS_QUESTIONS: readonly FastFriendsQuestion[] = [...numbered(SET_1, 0), ...numbered(SET_2, 1), ...numbered(SET_3, 2)];

/** The questions of one set, in the order they are asked. */
export function questionsOf(set: number): FastFriendsQuestion[] {
  return FAST_FRIENDS_QUESTIONS.filter((q) => q.set === set);
}
