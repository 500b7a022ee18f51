// The vocabulary every activity shares: the five kinds of intimacy and the seven foundations
// (from the product brief), with the plain one-line explanations the screens show.

export const INTIMACY_KINDS = ['emotional', 'intellectual', 'physical', 'experiential', 'spiritual'] as const;
export type IntimacyKind = (typeof INTIMACY_KINDS)[number];

export const KIND_LABELS: Record<IntimacyKind, { title: string; line: string }> = {
  emotional: { title: 'Emotional', line: 'Sharing personal things you would not tell a stranger.' },
  intellectual: { title: 'Intellectual', line: 'Learning how each other thinks, through ideas and real talk.' },
  physical: { title: 'Physical', line: 'Touch and closeness: a hand held, a hug, leaning in.' },
  experiential: { title: 'Experiential', line: 'Growing close by spending time and doing things together.' },
  spiritual: { title: 'Spiritual', line: 'A shared sense of meaning, beyond the everyday.' },
};

export const FOUNDATIONS = [
  'trust',
  'acceptance',
  'honesty',
  'safety',
  'compassion',
  'affection',
  'communication',
] as const;
export type Foundation = (typeof FOUNDATIONS)[number];

export const FOUNDATION_LABELS: Record<Foundation, { title: string; line: string }> = {
  trust: { title: 'Trust', line: 'Counting on each other to mean what you say and to be there.' },
  acceptance: { title: 'Acceptance', line: 'Being taken as you are, without having to change first.' },
  honesty: { title: 'Honesty', line: 'Saying what is true, even when it is hard to say.' },
  safety: { title: 'Safety', line: 'Feeling free to show your soft side without fear of being hurt.' },
  compassion: { title: 'Compassion', line: 'Caring when the other is struggling, and easing it where you can.' },
  affection: { title: 'Affection', line: 'Showing your care in words and small gestures, not only feeling it.' },
  communication: { title: 'Communication', line: 'Listening well, and saying how you really feel.' },
};

/** 1 light, 2 personal, 3 deep. */
export type Depth = 1 | 2 | 3;
export const DEPTH_LABELS: Record<Depth, string> = { 1: 'Light', 2: 'Personal', 3: 'Deep' };
