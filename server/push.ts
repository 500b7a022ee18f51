// Opt-in Web Push (issue 15). A device that turned notifications on for a room keeps one subscription per
// seat and device in the store, under the room (it lives and goes with the room). After a command commits,
// the pushes it makes (push-triggers.ts) go to the other seat's subscribed devices, unless that seat is
// looking at the room right now. A push carries only a PushMessage: what happened, the seat, the room id;
// no words and no names. Sending never holds up or fails a move: it runs after the answer, and failures
// are logged without the endpoint (its path is the device's secret address). VAPID keys come from the
// environment, or are made once and kept in the store so every node signs with the same.
import webpush from 'web-push';
import { other, refuse, type Ack, type SeatIndex } from '../shared/protocol.js';
import type { PushMessage, PushSubscriptionInput } from '../shared/push.js';
import type { Room, RoomCommand } from '../shared/room.js';
import type { Logger } from './log.js';
import { deliverPush, endpointProblem, type VapidKeys } from './push-endpoint.js';
import { pushesAfter } from './push-triggers.js';
import type { PushSubscriptionStore } from './store/types.js';
import { roomRef } from './tokens.js';

export interface PushOptions {
  /** From the environment; null: made once and kept in the store. */
  vapid: { publicKey: string; privateKey: string } | null;
  subject: string;
  production: boolean;
  /** Whether a device of this seat is connected and its page is shown now (no push is needed then). */
  lookingNow(roomId: string, seat: SeatIndex): Promise<boolean>;
  log: Pick<Logger, 'warn'>;
  /** Sends one push and answers the push service's status (deliverPush; tests may watch it). */
  deliver?: typeof deliverPush;
  /** After a seat's 'waiting' push, this long before its next (WAITING_QUIET_MS unless told). */
  waitingQuietMs?: number;
  now?: () => number;
}

/**
 * A game played on while the other is away hands the turn over move after move: the other hears it once
 * in ten minutes, not once a move (no nagging). Counted per node; a suggestion or a check-in is never held.
 */
export const WAITING_QUIET_MS = 10 * 60_000;
const QUIET_KEPT = 10_000;

/** Push services answer these for a subscription that is gone for good: it is deleted. */
const GONE = new Set([404, 410]);

export class Pusher {
  private keys: Promise<VapidKeys> | null = null;
  /** Sends in flight, so a test (or a stopping node) can wait for them. */
  private sending = new Set<Promise<void>>();
  /** When each room's seat last sent 'waiting' from this node. */
  private lastWaiting = new Map<string, number>();

  constructor(
    private store: PushSubscriptionStore,
    private options: PushOptions,
  ) {}

  /** The public VAPID key a browser subscribes with (base64url). */
  async publicKey(): Promise<Ack<{ publicKey: string }>> {
    return { ok: true, publicKey: (await this.vapid()).publicKey };
  }

  async subscribe(roomId: string, seat: SeatIndex, device: string, input: PushSubscriptionInput): Promise<Ack> {
    const problem = endpointProblem(input.endpoint, this.options.production);
    if (problem) return refuse('BAD_REQUEST', problem);
    const subscription: PushSubscriptionInput = { endpoint: input.endpoint, keys: { p256dh: input.keys.p256dh, auth: input.keys.auth } };
    const kept = await this.store.keepSubscription(roomId, seat, device, JSON.stringify(subscription));
    return kept ? { ok: true } : refuse('ROOM_NOT_FOUND');
  }

  async unsubscribe(roomId: string, seat: SeatIndex, device: string): Promise<Ack> {
    await this.store.dropSubscription(roomId, seat, device);
    return { ok: true };
  }

  /** A device was signed out: its subscription goes (best effort; the room's lifetime bounds it anyway). */
  forgetDevice(roomId: string, device: string): void {
    this.track(this.store.dropSubscription(roomId, null, device), roomId);
  }

  /** After a command committed: its pushes, sent in the background. */
  afterCommit(command: RoomCommand, before: Room, after: Room, actor: SeatIndex): void {
    this.track(Promise.resolve().then(() => Promise.all(pushesAfter(command, before, after, actor).map((m) => this.send(m)))), after.id);
  }

  /** Waits for the pushes being sent now. */
  async settled(): Promise<void> {
    while (this.sending.size > 0) await Promise.all(this.sending);
  }

  private track(work: Promise<unknown>, roomId: string): void {
    const done: Promise<void> = work.then(
      () => undefined,
      (error: unknown) => this.options.log.warn({ room: roomRef(roomId), err: { reason: codeOf(error) } }, 'push not sent'),
    );
    this.sending.add(done);
    void done.finally(() => this.sending.delete(done));
  }

  private async send(message: PushMessage): Promise<void> {
    const seat = other(message.by);
    const kept = await this.store.subscriptionsOf(message.roomId, seat);
    if (kept.length === 0 || (await this.options.lookingNow(message.roomId, seat))) return;
    if (message.kind === 'waiting' && !this.mayWait(message)) return;
    const vapid = await this.vapid();
    const payload = JSON.stringify(message);
    const deliver = this.options.deliver ?? deliverPush;
    await Promise.all(
      kept.map(async ({ device, subscription }) => {
        const status = await deliver(JSON.parse(subscription) as PushSubscriptionInput, payload, vapid, this.options.production).catch((error: unknown) => {
          this.options.log.warn({ room: roomRef(message.roomId), err: { reason: codeOf(error) } }, 'push service not reached');
          return null;
        });
        if (status !== null && GONE.has(status)) await this.store.dropSubscription(message.roomId, seat, device);
        else if (status !== null && (status < 200 || status > 299)) this.options.log.warn({ room: roomRef(message.roomId), status }, 'push refused by the push service');
      }),
    );
  }

  private mayWait({ roomId, by }: PushMessage): boolean {
    const now = (this.options.now ?? Date.now)();
    const key = `${roomId}:${by}`;
    const last = this.lastWaiting.get(key);
    if (last !== undefined && now - last < (this.options.waitingQuietMs ?? WAITING_QUIET_MS)) return false;
    if (this.lastWaiting.size >= QUIET_KEPT) this.lastWaiting.clear();
    this.lastWaiting.set(key, now);
    return true;
  }

  private vapid(): Promise<VapidKeys> {
    this.keys ??= this.loadKeys().catch((error: unknown) => {
      // Not kept: the next push or key request tries the store again.
      this.keys = null;
      throw error;
    });
    return this.keys;
  }

  private async loadKeys(): Promise<VapidKeys> {
    const { subject } = this.options;
    if (this.options.vapid) return { ...this.options.vapid, subject };
    const kept = JSON.parse(await this.store.vapidKeys(JSON.stringify(webpush.generateVAPIDKeys()))) as { publicKey: string; privateKey: string };
    return { publicKey: kept.publicKey, privateKey: kept.privateKey, subject };
  }
}

/** An error's code (ECONNREFUSED…) or its class: never its message, which may hold the endpoint. */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
}
