// Opt-in notifications over a real server, a real Redis and a push service on loopback that verifies the
// VAPID signature and decrypts each push with the subscription's own keys (RFC 8291, made in the test).
// Each trigger reaches only the other seat, as exactly a PushMessage (no names, no words); nothing is sent
// to a seat looking at the room; a 410 deletes the subscription; unsubscribe, sign-out and erase delete it;
// bad input is refused with a sentence; every node signs with the same kept VAPID key.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dayIn } from '../../shared/activities/check-in/days.js';
import { writeMood, writeWords } from '../../shared/activities/check-in/model.js';
import { moodSlot, wordsSlot } from '../../shared/activities/check-in/open.js';
import type { PushMessage, SeatIndex } from '../../shared/protocol.js';
import type { RunningServer } from '../../server/server.js';
import type { State as TwentyState } from '../../shared/activities/twenty-questions/index.js';
import { RedisStore } from '../../server/store/redis.js';
import { startPushService, type PushService } from '../support/push-service.js';
import { sealedAround } from '../support/sealed.js';
import { sealedPair, type SealedPair } from '../support/sealed-pair.js';
import { cid, client, connected, eventually, startTestServer, useServerOnRedis, type Client } from '../support/server.js';

const redisAvailable = inject('redisUrl') !== '';

describe.runIf(redisAvailable)('push notifications', () => {
  const world = useServerOnRedis('push', { logLevel: 'trace' });
  let service: PushService;
  let pair: SealedPair;
  const canary = `PushCanary${Date.now().toString(36)}`;
  const names: [string, string] = [`Ada${canary}`, `Grace${canary}`];
  const emit = (c: Client, event: string, input: unknown) =>
    (c.socket as unknown as { emitWithAck(e: string, i: unknown): Promise<{ ok: boolean; error?: { code: string; message: string }; publicKey?: string }> }).emitWithAck(event, input);
  const fields = async () => Object.keys(await world.store.redis.hgetall(world.store.pushKey(pair.roomId))).sort();
  const hide = async (c: Client, hidden: boolean) => expect(await c.socket.emitWithAck('room:visibility', { hidden })).toEqual({ ok: true });
  const pushesTo = (device: string) => service.received.filter((p) => p.device === device).map((p) => JSON.parse(p.text) as PushMessage);
  const deviceOf = (c: Client) => c.snapshots.at(-1)!.view.seats;

  beforeAll(async () => {
    service = await startPushService();
    pair = await sealedPair(world.server.url, names);
    world.clients.push(pair.ada, pair.grace);
  });
  afterAll(() => service.close());

  it('answers the public VAPID key, the same on every node, made once and kept in Redis', async () => {
    const first = await emit(pair.ada, 'push:key', {});
    expect(first).toMatchObject({ ok: true, publicKey: expect.stringMatching(/^[\w-]{87}$/) });
    const other = await RedisStore.connect(inject('redisUrl'), world.store.prefix);
    let second: RunningServer | undefined;
    try {
      second = await startTestServer(other);
      const c = client(second.url, pair.grace.socket.auth as object);
      world.clients.push(c);
      await connected(c);
      await eventually(() => expect(c.snapshots.length).toBeGreaterThan(0));
      expect((await emit(c, 'push:key', {})).publicKey).toBe(first.publicKey);
      c.close();
    } finally {
      await second?.close();
      await other.close();
    }
    expect(JSON.parse((await world.store.redis.get(`${world.store.prefix}:vapid`))!)).toMatchObject({ publicKey: first.publicKey });
  });

  it('refuses bad subscriptions with a sentence, and a guest outright', async () => {
    const good = service.subscription('unused');
    const cases: [unknown, string][] = [
      [{ ...good, endpoint: 'ftp://push.example.com/x' }, 'https'],
      [{ ...good, endpoint: 'http://10.0.0.7/push' }, 'https'],
      [{ ...good, endpoint: 'not a url' }, 'web address'],
      [{ ...good, endpoint: `https://push.example.com/${'x'.repeat(2100)}` }, '2,048'],
      [{ ...good, endpoint: 'https://user:pw@push.example.com/x' }, 'user name'],
      [{ ...good, keys: { ...good.keys, p256dh: 'short' } }, 'P-256'],
      [{ ...good, keys: { p256dh: good.keys.p256dh } }, 'auth'],
      [{ endpoint: good.endpoint }, 'keys'],
    ];
    for (const [input, words] of cases) {
      const answer = await emit(pair.ada, 'push:subscribe', input);
      expect(answer.error?.code, JSON.stringify(input).slice(0, 80)).toBe('BAD_REQUEST');
      expect(answer.error?.message).toContain(words);
    }
    const guest = client(world.server.url);
    world.clients.push(guest);
    await connected(guest);
    expect((await emit(guest, 'push:subscribe', good)).error?.code).toBe('NOT_SEATED');
    expect((await emit(guest, 'push:key', {})).error?.code).toBe('NOT_SEATED');
    guest.close();
    expect(await world.store.redis.exists(world.store.pushKey(pair.roomId))).toBe(0);
  });

  it('in production, refuses loopback, private addresses and plain http', async () => {
    const production = await startTestServer(world.store, { production: true });
    const c = client(production.url, pair.ada.socket.auth as object);
    try {
      await connected(c);
      await eventually(() => expect(c.snapshots.length).toBeGreaterThan(0));
      const good = service.subscription('unused');
      for (const endpoint of [good.endpoint, 'https://127.0.0.1/push', 'https://[::1]/push', 'https://192.168.1.5/push', 'https://localhost/push', 'https://push.example.com:8443/x']) {
        const answer = await emit(c, 'push:subscribe', { ...good, endpoint });
        expect(answer.error?.code, endpoint).toBe('BAD_REQUEST');
        expect(answer.error?.message, endpoint).toMatch(/^A push endpoint must .+\.$/);
      }
    } finally {
      c.close();
      await production.close();
    }
  });

  it('keeps each device’s subscription under the room, in its slot, with the room’s lifetime', async () => {
    expect(await emit(pair.ada, 'push:subscribe', service.subscription('ada'))).toEqual({ ok: true });
    expect(await emit(pair.grace, 'push:subscribe', service.subscription('grace'))).toEqual({ ok: true });
    const key = world.store.pushKey(pair.roomId);
    expect(key).toBe(`${world.store.prefix}:{${pair.roomId}}:push`);
    expect((await fields()).map((f) => f.split(':')[0])).toEqual(['0', '1']);
    const [roomTtl, pushTtl] = await Promise.all([world.store.redis.pttl(world.store.roomKeys(pair.roomId)[0]), world.store.redis.pttl(key)]);
    expect(pushTtl).toBeGreaterThan(0);
    expect(Math.abs(roomTtl - pushTtl)).toBeLessThan(5_000);
    // A commit renews it with the room.
    await world.store.redis.pexpire(key, 60_000);
    expect((await pair.send(0, { type: 'propose', activity: 'check-in', options: {} })).ok).toBe(true);
    expect(await world.store.redis.pttl(key)).toBeGreaterThan(60_000);
  });

  it('sends nothing to a seat looking at the room; "suggested" to the other once they are away — only a PushMessage', async () => {
    expect((await pair.send(0, { type: 'withdraw' })).ok).toBe(true);
    const before = service.received.length;
    // Grace's page is shown: Ada's suggestion needs no push.
    await pair.send(0, { type: 'propose', activity: 'check-in', options: {} });
    await new Promise((r) => setTimeout(r, 300));
    expect(service.received.length).toBe(before);
    await hide(pair.grace, true);
    await pair.send(0, { type: 'propose', activity: 'check-in', options: {} });
    await eventually(() => expect(pushesTo('grace')).toContainEqual({ kind: 'suggested', roomId: pair.roomId, by: 0, activity: 'check-in' }));
    expect(pushesTo('ada')).toEqual([]);
    expect(service.problems).toEqual([]);
    const push = service.received.find((p) => p.device === 'grace')!;
    expect(push.audience).toBe(service.url);
    expect(push.vapidKey).toBe((await emit(pair.ada, 'push:key', {})).publicKey);
    expect(push.headers.ttl).toBe(String(12 * 3600));
  });

  it('"waiting" when one said Ready to the other’s suggestion, and "checked-in" when a check-in is in', async () => {
    await hide(pair.ada, true);
    expect((await pair.send(1, { type: 'ready' })).ok).toBe(true);
    await eventually(() => expect(pushesTo('ada')).toEqual([{ kind: 'waiting', roomId: pair.roomId, by: 1 }]));
    expect((await pair.send(0, { type: 'ready' })).ok).toBe(true);
    await eventually(() => expect(pair.view(1).activity?.id).toBe('check-in'));

    const day = dayIn('Europe/London', Date.now())!;
    const move = (seat: SeatIndex, m: Record<string, unknown>) => pair.send(seat, { type: 'move', move: m });
    expect((await move(0, { type: 'day', day })).ok).toBe(true);
    const entry = async (seat: SeatIndex) => ({
      type: 'answer',
      day,
      mood: await pair.seal(seat, 'check-in', moodSlot(day), writeMood(3)),
      words: await pair.seal(seat, 'check-in', wordsSlot(day), writeWords({ high: `${canary}-high`, low: `${canary}-low`, need: '', thanks: '' })),
    });
    const graceBefore = pushesTo('grace').length;
    expect((await move(0, await entry(0))).ok).toBe(true);
    await eventually(() => expect(pushesTo('grace').at(-1)).toEqual({ kind: 'checked-in', roomId: pair.roomId, by: 0 }));
    expect(pushesTo('grace').length).toBe(graceBefore + 1);
    // Her check-in is in already: another day move is not a check-in.
    expect((await move(0, { type: 'day', day })).ok).toBe(true);
    expect((await move(1, await entry(1))).ok).toBe(true);
    await eventually(() => expect(pushesTo('ada').at(-1)).toEqual({ kind: 'checked-in', roomId: pair.roomId, by: 1 }));
    await new Promise((r) => setTimeout(r, 200));
    expect(pushesTo('grace').length).toBe(graceBefore + 1);

    // What the push services were given: exactly a PushMessage, and nothing of anyone's name or words.
    for (const { text } of service.received) {
      const message = JSON.parse(text) as Record<string, unknown>;
      expect(Object.keys(message).every((k) => ['kind', 'roomId', 'by', 'activity'].includes(k))).toBe(true);
      expect(text).not.toContain(canary);
      for (const seat of deviceOf(pair.ada)) expect(text).not.toContain(seat?.name ?? '\u0000');
    }
    expect(service.problems).toEqual([]);
  });

  it('"waiting" when a move in a game hands the turn to the other, once in a while rather than once a move', async () => {
    const game = await sealedPair(world.server.url, names);
    world.clients.push(game.ada, game.grace);
    const to = { ada: `ada-game-${Date.now()}`, grace: `grace-game-${Date.now()}` };
    expect(await emit(game.ada, 'push:subscribe', service.subscription(to.ada))).toEqual({ ok: true });
    expect(await emit(game.grace, 'push:subscribe', service.subscription(to.grace))).toEqual({ ok: true });
    await Promise.all([hide(game.ada, true), hide(game.grace, true)]);
    // A suggestion on two devices is the suggester's Ready too: 'suggested' alone says it.
    expect((await game.send(0, { type: 'propose', activity: 'twenty-questions', options: {}, ready: true })).ok).toBe(true);
    await eventually(() => expect(pushesTo(to.grace)).toEqual([{ kind: 'suggested', roomId: game.roomId, by: 0, activity: 'twenty-questions' }]));
    expect((await game.send(1, { type: 'ready' })).ok).toBe(true);
    const { thinker } = (await world.store.load(game.roomId)).stored!.room.play.activity!.state as TwentyState;
    const [thinkerDevice, askerDevice] = thinker === 0 ? [to.ada, to.grace] : [to.grace, to.ada];
    const asker = thinker === 0 ? 1 : 0;
    const move = (seat: SeatIndex, m: Record<string, unknown>) => game.send(seat, { type: 'move', move: m });
    expect((await move(thinker, { type: 'choose', thing: sealedAround('THING', 1024) })).ok).toBe(true);
    await eventually(() => expect(pushesTo(askerDevice).at(-1)).toEqual({ kind: 'waiting', roomId: game.roomId, by: thinker }));
    expect((await move(asker, { type: 'ask', n: 1, words: sealedAround('Q1', 1024) })).ok).toBe(true);
    expect((await move(thinker, { type: 'answer', n: 1, answer: sealedAround('A1') })).ok).toBe(true);
    expect((await move(asker, { type: 'ask', n: 2, words: sealedAround('Q2', 1024) })).ok).toBe(true);
    expect((await move(thinker, { type: 'answer', n: 2, answer: sealedAround('A2') })).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(pushesTo(askerDevice).filter((p) => p.kind === 'waiting')).toHaveLength(1);
    expect(pushesTo(thinkerDevice).filter((p) => p.kind === 'waiting')).toEqual([]);
  });

  it('a 410 from the push service deletes that subscription, and only that one', async () => {
    expect((await pair.send(0, { type: 'end-activity' })).ok).toBe(true);
    service.answer('grace', 410);
    expect((await pair.send(0, { type: 'propose', activity: 'check-in', options: {} })).ok).toBe(true);
    await eventually(async () => expect(await fields()).toEqual([expect.stringMatching(/^0:/)]));
  });

  it('a push service that cannot be reached is logged by its error code, never by its address or keys', async () => {
    const { createServer } = await import('node:net');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const secret = `deviceSecretPath${Date.now()}`;
    const subscription = { ...service.subscription('unreachable'), endpoint: `http://127.0.0.1:${port}/${secret}` };
    expect(await emit(pair.grace, 'push:subscribe', subscription)).toEqual({ ok: true });
    expect((await pair.send(0, { type: 'withdraw' })).ok).toBe(true);
    expect((await pair.send(0, { type: 'propose', activity: 'check-in', options: {} })).ok).toBe(true);
    await eventually(() => expect(world.logs.some((line) => line.includes('push service not reached'))).toBe(true));
    const line = world.logs.find((l) => l.includes('push service not reached'))!;
    expect(JSON.parse(line)).toMatchObject({ err: { reason: 'ECONNREFUSED' }, room: expect.stringMatching(/^[0-9a-f]{10}$/) });
    const everything = world.logs.join('\n');
    for (const leak of [secret, String(port), subscription.keys.p256dh, subscription.keys.auth, pair.roomId, canary]) expect(everything).not.toContain(leak);
    // Not reached is not gone: the subscription stays for the next push.
    expect((await fields()).some((f) => f.startsWith('1:'))).toBe(true);
    expect(await emit(pair.grace, 'push:unsubscribe', {})).toEqual({ ok: true });
  });

  it('removing the partner: their subscription goes with the old id, the creator’s follows the room to its new one', async () => {
    const other = await sealedPair(world.server.url, names);
    world.clients.push(other.ada, other.grace);
    expect(await emit(other.ada, 'push:subscribe', service.subscription('ada-moving'))).toEqual({ ok: true });
    expect(await emit(other.grace, 'push:subscribe', service.subscription('grace-removed'))).toEqual({ ok: true });
    expect((await other.send(0, { type: 'remove-partner' })).ok).toBe(true);
    const moved = await eventually(() => {
      const event = other.ada.received.find((e) => e.event === 'room:moved');
      if (!event) throw new Error('not moved yet');
      return (event.args[0] as { roomId: string }).roomId;
    });
    await eventually(async () => expect(await world.store.redis.exists(world.store.pushKey(other.roomId))).toBe(0));
    const kept = await world.store.redis.hgetall(world.store.pushKey(moved));
    expect(Object.keys(kept)).toEqual([expect.stringMatching(/^0:/)]);
    expect(JSON.parse(Object.values(kept)[0]!).endpoint).toMatch(/\/push\/ada-moving$/);
    expect(await world.store.redis.pttl(world.store.pushKey(moved))).toBeGreaterThan(0);
  });

  it('unsubscribe, signing a device out and erasing the room each delete what was kept', async () => {
    expect(await emit(pair.ada, 'push:unsubscribe', {})).toEqual({ ok: true });
    expect(await fields()).toEqual([]);

    // Ada's second device turns notifications on, then is signed out from her first.
    const offer = await pair.ada.socket.emitWithAck('device:offer', { seat: 0 });
    if (!offer.ok) throw new Error(offer.error.code);
    const laptop = client(world.server.url);
    world.clients.push(laptop);
    await connected(laptop);
    const claimed = await laptop.socket.emitWithAck('device:claim', { commandId: cid(), roomId: pair.roomId, code: offer.code });
    if (!claimed.ok) throw new Error(claimed.error.code);
    await eventually(() => expect(laptop.snapshots.length).toBeGreaterThan(0));
    expect(await emit(laptop, 'push:subscribe', service.subscription('laptop'))).toEqual({ ok: true });
    expect(await emit(pair.ada, 'push:subscribe', service.subscription('ada'))).toEqual({ ok: true });
    expect(await fields()).toHaveLength(2);
    expect(await fields()).toContain(`0:${claimed.credentials[0]!.device}`);
    expect((await pair.send(0, { type: 'sign-out-device', device: claimed.credentials[0]!.device })).ok).toBe(true);
    await eventually(async () => expect(await fields()).toHaveLength(1));
    expect((await fields())[0]).not.toContain(claimed.credentials[0]!.device);

    expect(await pair.ada.socket.emitWithAck('room:erase', { commandId: cid() })).toEqual({ ok: true });
    expect(await world.store.redis.exists(world.store.pushKey(pair.roomId))).toBe(0);
    // A device still holding the erased room's socket cannot bring the key back.
    expect(await world.store.keepSubscription(pair.roomId, 0, 'late', '{}')).toBe(false);
    expect(await world.store.redis.exists(world.store.pushKey(pair.roomId))).toBe(0);
  });
});
