// "Erase means nothing of the room is left": two real nodes on one Redis of their own, the creator on
// node 1 and the partner joined by link on node 2, both write in Question Swap, answer the closeness
// circles and star a card, and the creator brings in a second device, signs it out, and leaves a device code open;
// both turned notifications on (their push subscriptions kept under the room);
// right after the erase is answered, every key in that Redis is read whole and none may hold (in its
// name or its value) either name, a word either wrote, the room id, or a device code or token (or hash).
import { createHash } from 'node:crypto';
import { nanoid } from 'nanoid';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startRedis, type RedisProcess } from '../support/redis-server.js';
import { startNode, type Node } from '../support/nodes.js';
import { answerMove, bothNext, gameView, send, startGame } from '../support/question-swap.js';
import { cid, client, connected, eventually, type Client } from '../support/server.js';
import { fakeSealed, TEST_SEAL } from '../support/sealed.js';
import { everything } from '../support/redis-dump.js';
import { startPushService, type PushService } from '../support/push-service.js';

const redisAvailable = inject('redisUrl') !== '';

describe.runIf(redisAvailable)('erasing a room', () => {
  let redis: RedisProcess | undefined;
  let admin: Redis | undefined;
  const nodes: Node[] = [];
  const clients: Client[] = [];
  let push: PushService | undefined;
  afterAll(async () => {
    await push?.close();
    clients.forEach((c) => c.close());
    await Promise.all(nodes.map((n) => n.stop('SIGKILL')));
    admin?.disconnect();
    await redis?.stop();
  });

  it('leaves nothing of the room in Redis: no name, no word anyone wrote, no room id, in any key', { timeout: 60_000 }, async () => {
    redis = await startRedis();
    admin = new Redis(redis.url);
    const prefix = `erase-${nanoid(8)}`;
    nodes.push(...(await Promise.all([startNode(redis.url, prefix), startNode(redis.url, prefix)])));
    const [one, two] = nodes as [Node, Node];
    // Names arrive sealed: what must go is the sealed value itself.
    const names = [fakeSealed(`Adaname${nanoid(6)}`), fakeSealed(`Gracename${nanoid(6)}`)];
    const words: string[] = [];

    const ada = client(one.url);
    const grace = client(two.url);
    clients.push(ada, grace);
    await Promise.all([connected(ada), connected(grace)]);
    const created = await ada.socket.emitWithAck('room:create', { commandId: cid(), name: names[0]!, audience: 'partners', mode: 'two-devices', seal: TEST_SEAL });
    if (!created.ok) throw new Error(created.error.code);
    const roomId = created.roomId;
    // By link, not by code: the code's lookup must go all the same.
    const joined = await grace.socket.emitWithAck('room:join', { commandId: cid(), roomId, name: names[1]! });
    if (!joined.ok) throw new Error(joined.error.code);

    await startGame(ada, grace);
    const question = await eventually(() => {
      const open = ada.snapshots.at(-1)?.view.closeness.open;
      if (!open) throw new Error('no closeness question yet');
      return open;
    });
    expect((await send(ada, 0, { type: 'closeness', id: question.id, value: fakeSealed('five') })).ok).toBe(true);

    // A card that takes words (a guess card takes none): redraw until there is one, and pass once the
    // round's redraws are used up (several guess cards in a row would otherwise stop it). One move per
    // card seen, then wait for the next card: resending on a stale view only meets UNKNOWN_CARD and the
    // socket's rate limit.
    const writable = async () => {
      for (let tries = 0; tries < 20; tries++) {
        const view = await eventually(() => {
          const seen = gameView(ada);
          if (!seen.round) throw new Error('no card yet');
          return seen;
        });
        const round = view.round!;
        if (round.card.type !== 'guess') return view;
        // Only the reader draws again (it alternates by card); either may pass.
        const move = round.redrawsLeft > 0 ? { type: 'redraw' as const, cardId: round.card.id } : { type: 'pass' as const, cardId: round.card.id };
        const [who, seat] = round.reader === 0 ? ([ada, 0] as const) : ([grace, 1] as const);
        const sent = await send(who, seat, { type: 'move', move });
        expect(sent.ok, JSON.stringify(sent)).toBe(true);
        await eventually(() => expect(gameView(ada).round?.card.id).not.toBe(round.card.id));
      }
      throw new Error('twenty guess cards in a row');
    };
    let view = await writable();
    for (const [c, seat] of [[ada, 0], [grace, 1]] as const) {
      const word = `canary${seat}${nanoid(8)}`;
      words.push(word);
      expect((await send(c, seat, { type: 'move', move: answerMove(view, word) })).ok).toBe(true);
    }
    await eventually(() => expect(gameView(grace).round?.revealed).toBe(true));
    const cardId = view.round!.card.id;
    expect((await send(grace, 1, { type: 'move', move: { type: 'star', cardId, starred: true } })).ok).toBe(true);
    await bothNext(ada, grace, cardId);
    await eventually(() => expect(gameView(ada).round?.card.id).not.toBe(cardId));
    // One answer never revealed: it is in the room, and was on its way to the other node.
    view = await writable();
    const unrevealed = `canaryhidden${nanoid(8)}`;
    words.push(unrevealed);
    expect((await send(ada, 0, { type: 'move', move: answerMove(view, unrevealed) })).ok).toBe(true);

    // Ada brought her laptop in (on the other node) with one code, signed it out, and left a second code open.
    const used = await ada.socket.emitWithAck('device:offer', { seat: 0 });
    if (!used.ok) throw new Error(used.error.code);
    const laptop = client(two.url);
    clients.push(laptop);
    await connected(laptop);
    const claimed = await laptop.socket.emitWithAck('device:claim', { commandId: cid(), roomId, code: used.code });
    if (!claimed.ok) throw new Error(claimed.error.code);
    // Signing a device out reaches it on the other node (its device channel crosses the adapter).
    await eventually(() => expect(laptop.snapshots.length).toBeGreaterThan(0));
    const signOut = { type: 'sign-out-device', device: claimed.credentials[0]!.device } as const;
    expect((await ada.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command: signOut })).ok).toBe(true);
    await eventually(() => expect(laptop.received.map((e) => e.event)).toContain('device:signed-out'), 5_000);
    await eventually(() => expect(laptop.socket.connected).toBe(false), 5_000);
    const pending = await ada.socket.emitWithAck('device:offer', { seat: 0 });
    if (!pending.ok) throw new Error(pending.error.code);
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const secrets = [used.code, pending.code, claimed.credentials[0]!.token].flatMap((secret) => [secret, sha256(secret)]);

    // Both turn notifications on: a subscription per seat and device, under the room.
    push = await startPushService();
    const subscriptions = [push.subscription('ada'), push.subscription('grace')];
    for (const [c, subscription] of [[ada, subscriptions[0]], [grace, subscriptions[1]]] as const) {
      expect(await c.socket.emitWithAck('push:subscribe', subscription!)).toEqual({ ok: true });
    }
    const pushSecrets = subscriptions.flatMap((s) => [s!.endpoint, s!.keys.p256dh, s!.keys.auth]);

    const before = await everything(admin);
    expect(before.some((k) => k.text.includes(subscriptions[1]!.endpoint))).toBe(true);
    expect(before.some((k) => k.text.includes(sha256(pending.code)))).toBe(true);
    expect(before.some((k) => k.text.includes(unrevealed))).toBe(true);
    expect(before.some((k) => k.type === 'stream' && k.text.includes(names[1]!))).toBe(true);

    expect(await grace.socket.emitWithAck('room:erase', { commandId: cid() })).toEqual({ ok: true });
    const after = await everything(admin);
    const forbidden = [...names, ...words, roomId, ...secrets, ...pushSecrets];
    const leaks = after.flatMap(({ key, type, text }) =>
      forbidden.filter((f) => key.includes(f) || text.includes(f)).map((f) => `${type} ${key} holds ${f}`),
    );
    expect(leaks).toEqual([]);
  });
});
