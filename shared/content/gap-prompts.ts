// Conversation prompts for "What intimacy means to me": after both have ranked the five kinds of
// intimacy and rated the seven foundations, the app turns the biggest differences into gentle
// questions. Original, written for Closer (see the product brief). Every prompt speaks to both people
// ("you two", "each of you"), stays curious rather than judging, and never says or hints who answered
// what, or with which number.
// Checked by tests/unit/content-plan-means.test.ts.
import type { Foundation, IntimacyKind } from '../intimacy.js';

/** When the two people rate a foundation differently (how present it feels today). */
export const FOUNDATION_BETWEEN: Record<Foundation, string> = {
  trust:
    'Trust feels a little different to each of you right now. What is one thing that helps you two rely on each other?',
  acceptance:
    'You two sense acceptance in different ways at the moment. When have you each felt taken just as you are?',
  honesty:
    'Honesty looks a bit different from where each of you stands. What makes it easier to say the true thing, kindly?',
  safety:
    'You each feel a different amount of room to be vulnerable. What helps a tender conversation feel safe to begin?',
  compassion:
    'Compassion lands differently for each of you lately. How would you each like to be met when things get tough?',
  affection:
    'You two notice affection between you in different ways. Which small signs of care does each of you pick up on most?',
  communication:
    'You see the way you talk with each other a little differently. What helps each of you feel properly heard?',
};

/** When someone wants more of a foundation than they feel today. */
export const FOUNDATION_WANT: Record<Foundation, string> = {
  trust: 'There’s a wish here for more trust. What is one small promise each of you could make and keep this week?',
  acceptance:
    'There’s room for more acceptance here. What part of yourself would each of you like to bring along more freely?',
  honesty:
    'There’s a hope for more honesty between you. What feels easier to say when you know it will be heard gently?',
  safety:
    'There’s a wish to feel safer being open. What could each of you do in the moment the other shares something tender?',
  compassion:
    'There’s a wish for more compassion here. What would kindness look like on each of your harder days?',
  affection:
    'There’s a wish for more affection. Which everyday gesture would you each love to give or receive more often?',
  communication:
    'There’s a hope to talk more openly. When in the week could you two set aside a calm few minutes just to listen?',
};

/** When the two people rank a kind of intimacy far apart. */
export const KIND_RANKED_APART: Record<IntimacyKind, string> = {
  emotional:
    'You two place sharing feelings in quite different spots. What does opening up feel like for each of you?',
  intellectual:
    'Ideas and real conversation matter in different ways to each of you. What topic could you both happily get lost in?',
  physical:
    'Physical closeness sits in different places for you two. Which kinds of touch or nearness feel comforting to each of you, and which don’t?',
  experiential:
    'Doing things together ranks differently for each of you. Which shared activity would each of you reach for first?',
  spiritual:
    'Meaning and belief hold different places for you two. What gives each of you a sense of something bigger than yourselves?',
};
