// How a browser opens the sealed values in a view: an Opener is handed the place a value was sealed for
// and answers its text, or null when it does not open (a damaged value, garbage from a broken device, a
// blob moved from another place). Pure code takes an Opener, so it runs in tests with a real key too.
import type { SeatIndex } from '../core.js';
import type { Sealed } from './shape.js';

/** Where a value was sealed, as the reader expects it from its place in the view (never as the server says). */
export interface SealedAt {
  activity: string;
  slot: string;
  seat: SeatIndex;
}

export type Opener = (at: SealedAt, sealed: Sealed) => Promise<string | null>;

/** What a screen shows for a value that does not open. */
export const UNREADABLE = "Couldn't read this.";

/** Opens a value, answering UNREADABLE for one that does not open. */
export async function openOr(open: Opener, at: SealedAt, sealed: Sealed): Promise<string> {
  return (await open(at, sealed)) ?? UNREADABLE;
}
