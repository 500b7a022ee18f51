// Publish nothing nobody reads (issue 16): a node that knows no other node leaves its commits' views out
// of the stream; when it hears of another node (a new one, or one whose greetings it missed) it
// publishes the views of the rooms it committed meanwhile, so a person seated there sees every change.
import { nanoid } from 'nanoid';
import { MessageType } from 'socket.io-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORGET_AFTER_MS, HELLO_INTERVAL_MS, LISTENING_MS } from '../../server/realtime/lone.js';
import { ROOM_NOTICE, ROOM_NOTICE_RENDER } from '../../server/store/outbox.js';
import { viewFor } from '../../shared/room.js';
import type { RunningServer } from '../../server/server.js';
import { RedisStore } from '../../server/store/redis.js';
import { send } from '../support/question-swap.js';
import { redisServerInstalled, startRedis, type RedisProcess } from '../support/redis-server.js';
import { client, connected, eventually, firstSnapshot, seatedPair, startTestServer, type Client } from '../support/server.js';

/** The views of commits in the stream (the adapter's own broadcasts, presence, are there too). */
async function viewsInStream(store: RedisStore): Promise<number> {
  const entries = await store.redis.xrange(`${store.prefix}:sio`, '-', '+');
  return entries.filter(([, fields]) => fields.some((f) => f.includes('room:snapshot'))).length;
}

const propose = { type: 'propose', activity: 'question-swap', options: { answerMode: 'write' } } as const;

/** The room notices of commits in the stream: all of them, and those the nodes render (no views beside them). */
async function noticesInStream(store: RedisStore): Promise<{ all: number; render: number }> {
  const entries = await store.redis.xrange(`${store.prefix}:sio`, '-', '+');
  const marks = entries.map(([, fields]) => fields[2]);
  return { all: marks.filter((m) => m === ROOM_NOTICE || m === ROOM_NOTICE_RENDER).length, render: marks.filter((m) => m === ROOM_NOTICE_RENDER).length };
}

/** The views a client was sent of each version, by seat: each should come once. */
function timesSent(c: Client): Map<string, number> {
  const sent = new Map<string, number>();
  for (const { event, args } of c.received) {
    if (event !== 'room:snapshot') continue;
    const { seat, version } = args[0] as { seat: number; version: number };
    sent.set(`${seat}@${version}`, (sent.get(`${seat}@${version}`) ?? 0) + 1);
  }
  return sent;
}

/** Makes the node hear the others' greetings as an older node sends them: without features. */
function hearsOnlyOlderNodes(node: RunningServer): void {
  const adapter = node.io.of('/').adapter as unknown as { onMessage(message: { type: number; data?: { packet?: unknown[] } }, offset?: string): void };
  const original = adapter.onMessage.bind(adapter);
  adapter.onMessage = (message, offset) => {
    const packet = message.data?.packet;
    if (message.type === MessageType.SERVER_SIDE_EMIT && packet?.[0] === 'node:hello') message.data!.packet = packet.slice(0, 3);
    original(message, offset);
  };
}

/** Makes the node deaf to the others' greetings while `deaf.on` (a pub/sub message lost on the way). */
function deafToGreetings(node: RunningServer): { on: boolean } {
  const deaf = { on: false };
  const adapter = node.io.of('/').adapter as unknown as { onMessage(message: { type: number; data?: { packet?: unknown[] } }, offset?: string): void };
  const original = adapter.onMessage.bind(adapter);
  adapter.onMessage = (message, offset) => {
    if (deaf.on && message.type === MessageType.SERVER_SIDE_EMIT && message.data?.packet?.[0] === 'node:hello') return;
    original(message, offset);
  };
  return deaf;
}

/** A Redis of the describe block's own, and what its tests opened, closed after them in reverse. */
function ownRedis(): { redis: { url: string }; closing: (() => Promise<unknown> | void)[] } {
  let process: RedisProcess | undefined;
  const closing: (() => Promise<unknown> | void)[] = [];
  beforeAll(async () => {
    process = await startRedis();
  });
  afterAll(async () => {
    for (const close of closing.reverse()) await close();
    await process?.stop();
  });
  const redis = {
    get url() {
      return process!.url;
    },
  };
  return { redis, closing };
}

describe.runIf(redisServerInstalled())('a node alone publishes nothing, and catches up when it hears of another', () => {
  const { redis, closing } = ownRedis();

  async function nodeOn(prefix: string): Promise<{ node: RunningServer; store: RedisStore }> {
    const store = await RedisStore.connect(redis.url, prefix);
    const node = await startTestServer(store);
    closing.push(() => store.close(), () => node.close());
    return { node, store };
  }

  it('a lone node’s moves add nothing to the stream, and the partner on the same node sees each', async () => {
    const { node, store } = await nodeOn(`lone-${nanoid(6)}`);
    const { ada, grace } = await seatedPair(node.url);
    // Just started, a node publishes as if it had company (the join's views), until it has had time to hear any.
    const early = await viewsInStream(store);
    expect(early).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, LISTENING_MS));
    closing.push(() => ada.close(), () => grace.close());
    const stream = `${store.prefix}:sio`;
    expect(await store.redis.exists(stream)).toBe(1);
    let last = 0;
    for (let i = 0; i < 10; i++) {
      const answer = await send(ada, 0, i % 2 === 0 ? propose : { type: 'withdraw' });
      if (!answer.ok) throw new Error(answer.error.code);
      last = answer.version;
    }
    await eventually(() => expect(grace.snapshots.at(-1)?.version).toBe(last));
    // Past its first moments, the stream gets only what the adapter itself sends to rooms (presence), no view of a commit.
    expect(await store.redis.xlen(stream)).toBeGreaterThan(0);
    expect(await viewsInStream(store)).toBe(early);
  });

  for (const missed of [false, true]) {
    it(`a second node starts while Ada keeps moving on the first; Grace, seated on it, ends on the last change${missed ? ' (its first greetings lost)' : ''}`, async () => {
      const prefix = `second-${nanoid(6)}`;
      const { node: first } = await nodeOn(prefix);
      const deaf = deafToGreetings(first);
      const { ada, grace, credentials, roomId } = await seatedPair(first.url);
      closing.push(() => ada.close(), () => grace.close());
      let last = 0;
      let moving = true;
      const moves = (async () => {
        for (let i = 0; moving || i < 3; i++) {
          const answer = await send(ada, 0, i % 2 === 0 ? propose : { type: 'withdraw' });
          if (!answer.ok) throw new Error(answer.error.code);
          last = answer.version;
        }
      })();
      deaf.on = missed;
      const { node: second } = await nodeOn(prefix);
      const there: Client = client(second.url, { roomId, tokens: [credentials.grace.token] });
      closing.push(() => there.close());
      await connected(there);
      await eventually(() => firstSnapshot(there));
      moving = false;
      await moves;
      // Everything Ada did has landed; the first node hears the second within a greeting or two.
      deaf.on = false;
      await eventually(() => expect(there.snapshots.at(-1)?.version).toBe(last), 5_000);
      await eventually(() => expect(grace.snapshots.at(-1)?.version).toBe(last));
      expect(there.snapshots.at(-1)?.view).toEqual(grace.snapshots.at(-1)?.view);
    });
  }

  it('a node forgotten (its greetings missed past the timeout) and heard again: its person sees what was committed meanwhile', async () => {
    const prefix = `forgotten-${nanoid(6)}`;
    const { node: first, store } = await nodeOn(prefix);
    const { node: second } = await nodeOn(prefix);
    const deaf = deafToGreetings(first);
    const { ada, grace } = await seatedPair(first.url, 'partners', second.url);
    closing.push(() => ada.close(), () => grace.close());
    const joined = await send(ada, 0, propose);
    if (!joined.ok) throw new Error(joined.error.code);
    await eventually(() => expect(grace.snapshots.at(-1)?.version).toBe(joined.version));
    deaf.on = true;
    await new Promise((r) => setTimeout(r, FORGET_AFTER_MS + 2 * HELLO_INTERVAL_MS));
    const published = await viewsInStream(store);
    let last = 0;
    for (const command of [{ type: 'withdraw' }, propose, { type: 'withdraw' }] as const) {
      const answer = await send(ada, 0, command);
      if (!answer.ok) throw new Error(answer.error.code);
      last = answer.version;
    }
    // The first node has forgotten the second: these went out to nobody.
    expect(await viewsInStream(store)).toBe(published);
    expect(grace.snapshots.at(-1)?.version).toBe(joined.version);
    deaf.on = false;
    await eventually(() => expect(grace.snapshots.at(-1)?.version).toBe(last), 5_000);
    expect(grace.snapshots.at(-1)?.view.proposal).toBeNull();
  }, 20_000);
});

describe.runIf(redisServerInstalled())('nodes that render views from notices publish none, and still serve older nodes', () => {
  const { redis, closing } = ownRedis();

  async function nodesOn(prefix: string): Promise<{ nodes: [RunningServer, RunningServer]; store: RedisStore }> {
    const store = await RedisStore.connect(redis.url, prefix);
    const other = await RedisStore.connect(redis.url, prefix);
    const nodes = [await startTestServer(store), await startTestServer(other)] as [RunningServer, RunningServer];
    closing.push(() => store.close(), () => other.close(), () => nodes[0].close(), () => nodes[1].close());
    return { nodes, store };
  }

  /** Ada on the first node and Grace on the second, once the nodes have heard each other (a commit publishes a notice). */
  async function apart(nodes: [RunningServer, RunningServer], store: RedisStore) {
    const pair = await seatedPair(nodes[0].url, 'partners', nodes[1].url);
    closing.push(() => pair.ada.close(), () => pair.grace.close());
    await eventually(async () => {
      const before = (await noticesInStream(store)).all;
      await send(pair.ada, 0, propose);
      await send(pair.ada, 0, { type: 'withdraw' });
      expect((await noticesInStream(store)).all).toBe(before + 2);
    }, 5_000);
    return pair;
  }

  async function moves(ada: Client, count: number): Promise<number> {
    let last = 0;
    for (let i = 0; i < count; i++) {
      const answer = await send(ada, 0, i % 2 === 0 ? propose : { type: 'withdraw' });
      if (!answer.ok) throw new Error(answer.error.code);
      last = answer.version;
    }
    return last;
  }

  it('a couple apart: each commit writes its notice alone; the partner and the asker’s other device, on the other node, see every change once', async () => {
    const { nodes, store } = await nodesOn(`render-${nanoid(6)}`);
    const { ada, grace, roomId, credentials } = await apart(nodes, store);
    // Ada's second device sits on Grace's node: only there is her own seat's view wanted elsewhere.
    const adaThere = client(nodes[1].url, { roomId, tokens: [credentials.ada.token] });
    closing.push(() => adaThere.close());
    await connected(adaThere);
    await eventually(() => firstSnapshot(adaThere));
    const [views, notices] = [await viewsInStream(store), await noticesInStream(store)];
    const last = await moves(ada, 10);
    await eventually(() => expect(grace.snapshots.at(-1)?.version).toBe(last));
    await eventually(() => expect(adaThere.snapshots.at(-1)?.version).toBe(last));
    expect(await viewsInStream(store)).toBe(views);
    expect(await noticesInStream(store)).toEqual({ all: notices.all + 10, render: notices.render + 10 });
    const { stored } = await store.load(roomId);
    expect(grace.snapshots.at(-1)?.view).toEqual(viewFor(stored!.room, 1));
    expect(adaThere.snapshots.at(-1)?.view).toEqual(ada.snapshots.at(-1)?.view);
    for (const c of [grace, adaThere]) {
      const sent = timesSent(c);
      for (let v = last - 9; v <= last; v++) expect(sent.get(`${c === grace ? 1 : 0}@${v}`)).toBe(1);
    }
    // Node B followed every notice from its copy: no load on Grace's path.
    expect(nodes[1].cacheStats().unfollowed).toBe(0);
  });

  it('a node that hears only older nodes publishes the views beside its notices, and the partner gets each view once', async () => {
    const { nodes, store } = await nodesOn(`older-${nanoid(6)}`);
    hearsOnlyOlderNodes(nodes[0]);
    const { ada, grace } = await apart(nodes, store);
    const [views, notices] = [await viewsInStream(store), await noticesInStream(store)];
    const last = await moves(ada, 6);
    await eventually(() => expect(grace.snapshots.at(-1)?.version).toBe(last));
    expect(await viewsInStream(store)).toBe(views + 12);
    expect(await noticesInStream(store)).toEqual({ all: notices.all + 6, render: notices.render });
    const sent = timesSent(grace);
    for (let v = last - 5; v <= last; v++) expect(sent.get(`1@${v}`)).toBe(1);
  });

  it('an older node heard for the first time gets the views of the rooms committed with their notice alone', async () => {
    const { nodes, store } = await nodesOn(`rollback-${nanoid(6)}`);
    const { ada, grace } = await apart(nodes, store);
    const last = await moves(ada, 3);
    await eventually(() => expect(grace.snapshots.at(-1)?.version).toBe(last));
    const views = await viewsInStream(store);
    // A node without features greets (as a node of the version before would, started in a rollback).
    nodes[1].io.serverSideEmit('node:hello', `older-${nanoid(6)}`, false);
    // Node A publishes the room's two views as they are now, then the views beside each commit.
    await eventually(() => expect(viewsInStream(store)).resolves.toBe(views + 2), 5_000);
    await moves(ada, 1);
    expect(await viewsInStream(store)).toBe(views + 4);
  });
});
