// Two real clients in a room sealed as browsers seal it: a real room key the server never sees, both names
// sealed, so a test can seal what each person writes for its place and open what the other sent.
import type { Ack, CommandInput, RoomView, SeatIndex } from '../../shared/protocol.js';
import { open, seal, type RoomKey } from '../../shared/sealed/seal.js';
import { browserSeal } from './sealed.js';
import { cid, client, connected, eventually, type Client } from './server.js';

export interface SealedPair {
  ada: Client;
  grace: Client;
  roomId: string;
  key: RoomKey;
  /** The room's seal id: the `room` part of every slot's associated data. */
  sealId: string;
  /** Seals text as `seat`'s browser would, for (activity, slot); throws if it cannot. */
  seal(seat: SeatIndex, activity: string, slot: string, text: string): Promise<string>;
  /** Opens a value `seat` sealed for (activity, slot), or null when it does not open. */
  open(seat: SeatIndex, activity: string, slot: string, sealed: string): Promise<string | null>;
  /** Sends a room command as `seat` from its own client (Ada is seat 0, Grace seat 1). */
  send(seat: SeatIndex, command: CommandInput['command']): Promise<Ack<{ version: number }>>;
  /** The latest view a seat's client has. */
  view(seat: SeatIndex): RoomView;
}

export interface PairOptions {
  /** Where Grace connects (another node), if not `url`. */
  graceUrl?: string;
  /** Called with each client as soon as it is made, before it sends anything (e.g. canary.ts recordSent). */
  onClient?: (c: Client, name: 'ada' | 'grace') => void;
  /** Ada's device's time zone, sealed at creation as the browser does (Check-in's room zone). */
  zone?: string;
}

/** Ada creates a room on two devices with `names[0]`, Grace joins by link with `names[1]`; both names sealed. */
export async function sealedPair(url: string, names: [string, string] = ['Ada', 'Grace'], options: PairOptions = {}): Promise<SealedPair> {
  const sealed = await browserSeal();
  const ada = client(url);
  options.onClient?.(ada, 'ada');
  const grace = client(options.graceUrl ?? url);
  options.onClient?.(grace, 'grace');
  await Promise.all([connected(ada), connected(grace)]);
  const sealFor = async (seat: SeatIndex, activity: string, slot: string, text: string) => {
    const result = await seal(sealed.key, { room: sealed.seal.id, seat, activity, slot }, text);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const created = await ada.socket.emitWithAck('room:create', {
    commandId: cid(),
    name: await sealed.name(0, names[0]),
    audience: 'partners',
    mode: 'two-devices',
    seal: sealed.seal,
    ...(options.zone ? { zone: await sealFor(0, 'check-in', 'room-zone', options.zone) } : {}),
  });
  if (!created.ok) throw new Error(created.error.message);
  const joined = await grace.socket.emitWithAck('room:join', { commandId: cid(), roomId: created.roomId, name: await sealed.name(1, names[1]) });
  if (!joined.ok) throw new Error(joined.error.message);
  // As the browser does: from now on each handshake carries the saved token.
  ada.socket.auth = { roomId: created.roomId, tokens: [created.credentials[0]!.token] };
  grace.socket.auth = { roomId: created.roomId, tokens: [joined.credentials[0]!.token] };
  const sealId = sealed.seal.id;
  const clients = [ada, grace] as const;
  return {
    ada,
    grace,
    roomId: created.roomId,
    key: sealed.key,
    sealId,
    seal: sealFor,
    async open(seat, activity, slot, blob) {
      const result = await open(sealed.key, { room: sealId, seat, activity, slot }, blob);
      return result.ok ? result.value : null;
    },
    send: (seat, command) => clients[seat].socket.emitWithAck('room:command', { commandId: cid(), seat, command }),
    view(seat) {
      const snapshot = clients[seat].snapshots.at(-1);
      if (!snapshot) throw new Error('no view yet');
      return snapshot.view;
    },
  };
}

/** Ada suggests What it means, both are ready, and the room asks closeness first: answers that question. */
export async function untilClosenessAsked(pair: SealedPair): Promise<NonNullable<RoomView['closeness']['open']>> {
  await pair.send(0, { type: 'propose', activity: 'what-it-means', options: {} });
  await pair.send(0, { type: 'ready' });
  await pair.send(1, { type: 'ready' });
  return eventually(() => {
    const open = pair.view(0).closeness.open;
    if (!open) throw new Error('no closeness question yet');
    return open;
  });
}
