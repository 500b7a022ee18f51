// Sentence starters for "What intimacy means to me": each person finishes three, then both see them
// side by side. Original, written for Closer (see the product brief); warm and gentle, and suited to
// partners, friends and family alike. Ids are stable: never reuse or renumber; add new starters at the
// end with the next free number.
// Checked by tests/unit/content-plan-means.test.ts.

export interface Starter {
  id: string;
  text: string;
}

export const STARTERS: readonly Starter[] = [
  { id: 'st-01', text: 'The moments I feel nearest to you are usually…' },
  { id: 'st-02', text: 'It’s easier for me to talk about real things when…' },
  { id: 'st-03', text: 'It would mean a lot to me if, now and then, you…' },
  { id: 'st-04', text: 'When I’m having a hard day, I’d love it if you…' },
  { id: 'st-05', text: 'I wish you knew that I…' },
  { id: 'st-06', text: 'To me, being close to someone means…' },
  { id: 'st-07', text: 'I feel looked after when someone…' },
  { id: 'st-08', text: 'I know I can trust someone when…' },
  { id: 'st-09', text: 'I feel truly listened to when…' },
  { id: 'st-10', text: 'A memory of us that still makes me smile is…' },
  { id: 'st-11', text: 'Something I’d love us to do more often is…' },
  { id: 'st-12', text: 'Even when I don’t say it, I show I care by…' },
  { id: 'st-13', text: 'When I go quiet, it usually means…' },
  { id: 'st-14', text: 'After we disagree, I find my way back by…' },
  { id: 'st-15', text: 'I feel accepted just as I am when…' },
  { id: 'st-16', text: 'A kind of closeness that calms me down is…' },
  { id: 'st-17', text: 'Time together feels best to me when…' },
  { id: 'st-18', text: 'I feel safe enough to be honest once…' },
  { id: 'st-19', text: 'I sometimes feel a little distant when…' },
  { id: 'st-20', text: 'A conversation I’d love to have with you one day is…' },
  { id: 'st-21', text: 'An ordinary day feels meaningful to me if it has…' },
  { id: 'st-22', text: 'I’d like you to ask me more about…' },
  { id: 'st-23', text: 'I feel appreciated when…' },
  { id: 'st-24', text: 'I feel comforted most quickly by…' },
  { id: 'st-25', text: 'Something I find hard to say out loud is…' },
  { id: 'st-26', text: 'One thing I’m grateful for about us is…' },
  { id: 'st-27', text: 'I can fully relax around you when…' },
  { id: 'st-28', text: 'A little ritual that could bring us closer is…' },
  { id: 'st-29', text: 'I feel understood when someone…' },
  { id: 'st-30', text: 'When we talk, I’d like us to get better at…' },
  { id: 'st-31', text: 'A question I’d love you to ask me sometime is…' },
  { id: 'st-32', text: 'When we’re apart, I feel connected to you through…' },
  { id: 'st-33', text: 'If I could give us one thing right now, it would be…' },
  { id: 'st-34', text: 'I laugh most freely with you when…' },
  { id: 'st-35', text: 'Closeness, for me, is less about words and more about…' },
];
