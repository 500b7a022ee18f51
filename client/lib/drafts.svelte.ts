// What a person has typed and not yet sent, kept on this device per room, per seat, per activity and per
// field, so a reload mid-card loses nothing. A seat's drafts belong to what is being written now in that
// activity (its scope: the card on the table, the plan's phase, the private answers) and go as soon as
// that is over (the reveal, another card), on erase and when the room is gone; an ended game keeps them,
// since it can be picked up again where it was left, even after something else was played meanwhile
// (they go when that activity runs again on something else). On one shared device each person's are
// theirs alone: a field reads only its own seat's drafts.
import type { OpenActivityView } from '../../shared/activities/opened.js';
import type { SeatIndex } from '../../shared/protocol.js';
import { readStored, writeStored } from './stored.js';

const KEY = 'closer.drafts';

interface ScopeDrafts {
  scope: string;
  fields: Record<string, string>;
}

/** A seat's drafts by activity: each activity's scope starts with its id (`question-swap:3:card`). */
type SeatDrafts = Record<string, ScopeDrafts>;

type AllDrafts = Record<string, Partial<Record<SeatIndex, SeatDrafts>>>;

const activityOf = (scope: string) => scope.split(':')[0]!;

/** Drafts kept before they were per activity (one scope a seat) read as that scope's activity's. */
function readDrafts(): AllDrafts {
  const all = readStored<AllDrafts>(KEY, {});
  for (const room of Object.values(all))
    for (const [seat, mine] of Object.entries(room)) {
      const old = mine as unknown as Partial<ScopeDrafts>;
      if (typeof old.scope === 'string' && old.fields) room[Number(seat) as SeatIndex] = { [activityOf(old.scope)]: old as ScopeDrafts };
    }
  return all;
}

/** What a seat is writing now, from its view; null when nothing is (between cards, after the reveal). */
export function draftScope(activity: OpenActivityView | null): string | null {
  if (!activity) return null;
  switch (activity.id) {
    case 'question-swap': {
      const round = activity.view.round;
      return activity.view.phase === 'play' && round && !round.revealed ? `question-swap:${round.number}:${round.card.id}` : null;
    }
    case 'plan-together':
      return `plan-together:${activity.view.phase}`;
    case 'what-it-means':
      return activity.view.revealed || activity.view.mine.done ? null : 'what-it-means';
    case 'twenty-questions':
      return `twenty-questions:${activity.view.round}:${activity.view.phase}`;
    case 'appreciations':
      return activity.view.total > 0 || activity.view.mine.done ? null : `appreciations:${activity.view.game}`;
    case 'check-in':
      return activity.view.today?.mine ? null : 'check-in';
    case 'fast-friends': {
      const q = activity.view.question;
      return q && !q.turns[activity.view.seat].done ? `fast-friends:${activity.view.game}:${q.at}` : null;
    }
  }
}

class Drafts {
  private all = $state<AllDrafts>(readDrafts());

  get(roomId: string, seat: SeatIndex, scope: string, name: string): string {
    const mine = this.all[roomId]?.[seat]?.[activityOf(scope)];
    return mine?.scope === scope ? (mine.fields[name] ?? '') : '';
  }

  set(roomId: string, seat: SeatIndex, scope: string, name: string, value: string): void {
    const seatDrafts = ((this.all[roomId] ??= {})[seat] ??= {});
    const activity = activityOf(scope);
    const mine = seatDrafts[activity]?.scope === scope ? seatDrafts[activity] : (seatDrafts[activity] = { scope, fields: {} });
    if (value) mine.fields[name] = value;
    else delete mine.fields[name];
    this.save();
  }

  /** A seat's view of a running activity changed: its drafts written for something that is over go. */
  settle(roomId: string, seat: SeatIndex, activity: string, scope: string | null): void {
    const mine = this.all[roomId]?.[seat];
    if (!mine?.[activity] || mine[activity].scope === scope) return;
    delete mine[activity];
    this.save();
  }

  forgetRoom(roomId: string): void {
    if (!(roomId in this.all)) return;
    delete this.all[roomId];
    this.save();
  }

  private save(): void {
    writeStored(KEY, this.all);
  }
}

export const drafts = new Drafts();
