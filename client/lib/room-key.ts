// Which room key this page uses for a room, and the names it has opened with it. The key comes from the
// device's saved seat (credentials.ts) or from the address's fragment, which is then taken out of the
// address bar at once, so it is not shown, bookmarked or shared by accident (the invite still carries it).
import type { RoomSeal, RoomView, SeatIndex } from '../../shared/protocol.js';
import { readKeyFragment } from '../../shared/room-link.js';
import { openMemories, openRoomView, type OpenMemory, type OpenRoomView } from '../../shared/opened-room.js';
import type { Memory } from '../../shared/play.js';
import type { Opener } from '../../shared/sealed/opener.js';
import { keyOpensRoom, openName } from '../../shared/sealed/room-seal.js';
import { importRoomKey, open, type RoomKey } from '../../shared/sealed/seal.js';
import { savedRoom } from './credentials.js';

/** Shown where a name does not open (a damaged value, or a partner's device sending garbage). */
export const UNREADABLE_NAME = "(couldn't read this name)";

/** How many opened values a page remembers. */
const OPENED_MAX = 4000;

/** Why this device cannot open a room's sealed values. */
export type KeyProblem = 'no-key' | 'wrong-key' | 'unsealed';

/** Reads the key for `roomId`: the saved one, else the fragment's. The fragment leaves the address either way. */
export function takeKeyText(roomId: string): string | null {
  const fragment = readKeyFragment(location.hash);
  if (fragment !== 'none') history.replaceState(history.state, '', location.pathname + location.search);
  return savedRoom(roomId)?.key ?? (typeof fragment === 'object' ? fragment.key : null);
}

/** One room's key, imported once, with the names opened so far (the same blob is never opened twice). */
export class RoomKeyring {
  readonly key: Promise<RoomKey | null>;
  private checked: string | null = null;
  private names = new Map<string, string>();
  /** Values opened so far, by place and blob: each snapshot repeats most of the last one's. */
  private opened = new Map<string, string | null>();

  constructor(readonly text: string | null) {
    this.key = text ? importRoomKey(text).then((r) => (r.ok ? r.value : null)) : Promise.resolve(null);
  }

  /** Whether this key opens the room with this seal (checked once per seal). */
  async problemWith(roomSeal: RoomSeal | null): Promise<KeyProblem | null> {
    if (!roomSeal) return 'unsealed';
    const key = await this.key;
    if (!key) return 'no-key';
    if (this.checked === roomSeal.check) return null;
    if (!(await keyOpensRoom(key, roomSeal))) return 'wrong-key';
    this.checked = roomSeal.check;
    return null;
  }

  /** A seat's name, opened; a value that does not open reads as UNREADABLE_NAME and breaks nothing. */
  async name(sealId: string, seat: SeatIndex, sealed: string): Promise<string> {
    const known = this.names.get(`${seat}:${sealed}`);
    if (known !== undefined) return known;
    const key = await this.key;
    const opened = key ? await openName(key, sealId, seat, sealed) : null;
    const name = opened?.ok ? opened.value : UNREADABLE_NAME;
    this.names.set(`${seat}:${sealed}`, name);
    return name;
  }

  /** An Opener for this room's values: each blob is opened once for its place, then remembered. */
  private opener(sealId: string): Opener {
    return async (at, sealed) => {
      const id = `${at.activity}\n${at.slot}\n${at.seat}\n${sealed}`;
      const known = this.opened.get(id);
      if (known !== undefined) return known;
      const key = await this.key;
      const result = key ? await open(key, { room: sealId, ...at }, sealed) : null;
      const text = result?.ok ? result.value : null;
      // A long evening makes many values; the oldest are dropped rather than kept for the page's life.
      if (this.opened.size >= OPENED_MAX) this.opened.delete(this.opened.keys().next().value!);
      this.opened.set(id, text);
      return text;
    };
  }

  /** A page of Memories (memories:page), opened as a view's are. */
  openMemories(roomSeal: RoomSeal, memories: readonly Memory[]): Promise<OpenMemory[]> {
    return openMemories(memories, this.opener(roomSeal.id));
  }

  /** The view as screens read it: every sealed value opened. The reason instead when this key cannot open the room. */
  async open(view: RoomView): Promise<{ view: OpenRoomView } | { problem: KeyProblem }> {
    const problem = await this.problemWith(view.seal);
    if (problem || !view.seal) return { problem: problem ?? 'unsealed' };
    const sealId = view.seal.id;
    const [first, second] = view.seats;
    const seats: RoomView['seats'] = [
      first && { ...first, name: await this.name(sealId, 0, first.name) },
      second && { ...second, name: await this.name(sealId, 1, second.name) },
    ];
    return { view: await openRoomView({ ...view, seats }, this.opener(sealId)) };
  }
}
