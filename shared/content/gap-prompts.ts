// Conversation prompts for "What intimacy means to me": after both have ranked the five kinds of
// intimacy and rated the seven foundations, the app turns the biggest differences into gentle
// questions. Original, written for Closer (see the product brief). Every prompt speaks to both people
// ("you two", "each of you"), stays curious rather than judging, and never says or hints who answered
// what, or with which number.
// Checked by tests/unit/content-plan-means.test.ts.
import type { Foundation, IntimacyKind } from '../intimacy.js';

/** When the two people rate a foundation differently (how present it feels today). */
export const FOUNDATION_BETWEEN: Record<Foundation, string> = {
  trust: 'Trust feels a little different to each of you right now. What is one thing that helps you two rely on each other?',
  acceptance: 'When have you each felt taken just as you are, quirks and all, by the other?',
  honesty:
    'Saying the true thing kindly is easier on some days than others. What makes it easier between you?',
  safety: 'Think of a tender conversation that went well between you. What made it feel safe to begin?',
  compassion: 'On a rough day, how would you each like the other to meet you?',
  affection:
    'Small signs of care land differently for different people. Which ones does each of you pick up on most?',
  communication: 'Feeling properly heard can hang on little things. What helps each of you feel listened to?',
};

/** When someone wants more of a foundation than they feel today. */
export const FOUNDATION_WANT: Record<Foundation, string> = {
  trust: 'What is one small promise each of you could make, and keep, this week?',
  acceptance: 'Is there a part of yourself each of you would like to bring along more freely?',
  honesty: 'What would each of you find easier to say, knowing it will be heard gently?',
  safety: 'Right after something tender is shared between you, what could the listener do to make it safe?',
  compassion: 'Kindness on a harder day can be very plain. What would it look like for each of you?',
  affection: 'A gesture given more often can change a week. Which would you each love to give or receive?',
  communication: 'When in the week could you two set aside a calm few minutes just to listen?',
};

/** When the two people rank a kind of intimacy far apart. */
export const KIND_RANKED_APART: Record<IntimacyKind, string> = {
  emotional:
    'What does opening up feel like for each of you — a relief, a risk, or something in between?',
  intellectual:
    'Ideas and real conversation matter in different ways to each of you. What topic could you both happily get lost in?',
  physical:
    'Physical closeness sits in different places for you two. Which kinds of touch or nearness feel comforting to each of you, and which don’t?',
  experiential:
    'If you two had a free afternoon together, which shared activity would each of you reach for first?',
  spiritual:
    'Meaning and belief hold different places for you two. What gives each of you a sense of something bigger than yourselves?',
};
