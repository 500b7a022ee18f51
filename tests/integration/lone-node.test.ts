// Publish nothing nobody reads (issue 16): a node that knows no other node leaves its commits' views out
// of the stream; when it hears of another node (a new one, or one whose greetings it missed) it
// publishes the views of the rooms it committed meanwhile, so a person seated there sees every change.
import { nanoid } from 'nanoid';
import { MessageType } from 'socket.io-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORGET_AFTER_MS, HELLO_INTERVAL_MS } from '../../server/realtime/lone.js';
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

describe.runIf(redisServerInstalled())('a node alone publishes nothing, and catches up when it hears of another', () => {
  let redis: RedisProcess;
  const closing: (() => Promise<unknown> | void)[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const close of closing.reverse()) await close();
    await redis?.stop();
  });

  async function nodeOn(prefix: string): Promise<{ node: RunningServer; store: RedisStore }> {
    const store = await RedisStore.connect(redis.url, prefix);
    const node = await startTestServer(store);
    closing.push(() => store.close(), () => node.close());
    return { node, store };
  }

  it('a lone node’s moves add nothing to the stream, and the partner on the same node sees each', async () => {
    const { node, store } = await nodeOn(`lone-${nanoid(6)}`);
    const { ada, grace } = await seatedPair(node.url);
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
    // The stream holds only what the adapter itself sends to rooms (presence), no view of a commit.
    expect(await store.redis.xlen(stream)).toBeGreaterThan(0);
    expect(await viewsInStream(store)).toBe(0);
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
