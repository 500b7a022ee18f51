// Rooms that cannot swamp a node: a view carries only the newest few Memories and the rest come a page at
// a time (opened in the browser as before), and a room stops growing at its byte budget with a clear
// error while it goes on working. Real server, real Redis, real sealed values.
import { Redis } from 'ioredis';
import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ANSWER_MAX } from '../../shared/activities/question-swap/model.js';
import { MEMORIES_IN_VIEW, MEMORIES_PAGE_SIZE, type MemoriesPage } from '../../shared/memory-pages.js';
import { openMemories } from '../../shared/opened-room.js';
import { ERROR_MESSAGES, type Ack, type SeatIndex } from '../../shared/protocol.js';
import type { RunningServer } from '../../server/server.js';
import { RedisStore } from '../../server/store/redis.js';
import { keepMany, keepOne, type Kept } from '../support/memories.js';
import { startGame } from '../support/question-swap.js';
import { sealer } from '../support/question-swap-state.js';
import { sealedPair, type SealedPair } from '../support/sealed-pair.js';
import { eventually, startTestServer } from '../support/server.js';

const redisUrl = inject('redisUrl');
/** A small budget, so a test fills it in a few dozen real moves (the real one is ROOM_BYTES_MAX). */
const BUDGET = 60_000;

describe.runIf(redisUrl !== '')('a room within its byte budget, its Memories a page at a time', () => {
  const prefix = `budget-${nanoid(8)}`;
  let store: RedisStore;
  let server: RunningServer;
  let admin: Redis;
  const pairs: SealedPair[] = [];

  beforeAll(async () => {
    store = await RedisStore.connect(redisUrl, prefix);
    server = await startTestServer(store, { roomBytesMax: BUDGET });
    admin = new Redis(redisUrl);
  });
  afterAll(async () => {
    for (const p of pairs) [p.ada, p.grace].forEach((c) => c.close());
    await server.close();
    await store.close();
    admin.disconnect();
  });

  async function playing(): Promise<{ pair: SealedPair; qs: ReturnType<typeof sealer> }> {
    const pair = await sealedPair(server.url);
    pairs.push(pair);
    await startGame(pair.ada, pair.grace);
    return { pair, qs: sealer(pair.key, pair.sealId) };
  }

  const must = async (answer: Promise<Ack<{ version: number }>>, what: string) => {
    const got = await answer;
    if (!got.ok) throw new Error(`${what}: ${got.error.code}`);
    return got;
  };

  const page = (pair: SealedPair, seat: SeatIndex, before: string | null): Promise<Ack<MemoriesPage>> =>
    [pair.ada, pair.grace][seat]!.socket.emitWithAck('memories:page', { version: pair.ada.snapshots.at(-1)!.version, before });

  const storedLength = async (roomId: string) => (await admin.hget(`${prefix}:{${roomId}}:room`, 'doc'))!.length;

  it('views carry a count and the newest few Memories; the Memories screen gets every one, page by page, and opens them', async () => {
    const { pair, qs } = await playing();
    const kept = MEMORIES_PAGE_SIZE + 3;
    const words = await keepMany(pair, qs, kept);

    await eventually(() => expect(pair.view(1).memoryCount).toBe(kept));
    expect(pair.view(1).memories).toHaveLength(MEMORIES_IN_VIEW);
    const newest = await openMemories(pair.view(1).memories, qs.opener);
    expect(newest.at(-1)!.entries.map((e) => e.text)).toEqual([words.at(-1)!.replace('Grace', 'Ada'), words.at(-1)]);

    const first = await page(pair, 1, null);
    if (!first.ok) throw new Error(first.error.code);
    expect(first.memories).toHaveLength(MEMORIES_PAGE_SIZE);
    expect(first.next).not.toBeNull();
    const second = await page(pair, 1, first.next);
    if (!second.ok) throw new Error(second.error.code);
    expect(second.next).toBeNull();
    const all = await openMemories([...first.memories, ...second.memories], qs.opener);
    expect(all.map((m) => m.entries[1]!.text)).toEqual([...words].reverse());

    // Removed while paging: the next page goes on from where the removed one was, skipping nothing.
    const cursorMemory = first.memories.at(-1)!;
    await must(pair.send(0, { type: 'forget-memory', id: cursorMemory.id }), 'forget');
    const after = await page(pair, 0, first.next);
    expect(after.ok && after.memories.map((m) => m.id)).toEqual(second.memories.map((m) => m.id));
  });

  it('a room at its budget refuses what would grow it, loses nothing, and still takes what does not', async () => {
    const { pair, qs } = await playing();
    const long = (who: string) => `${who} `.repeat(ANSWER_MAX).slice(0, ANSWER_MAX);
    let refused: Kept = { ok: true };
    let memories = 0;
    for (let i = 0; i < 40 && refused.ok; i++) {
      memories = pair.view(0).memoryCount;
      refused = await keepOne(pair, qs, [long(`Ada${i}`), long(`Grace${i}`)]);
    }
    if (refused.ok) throw new Error('the room never reached its budget');
    expect(refused.refused).toEqual({ ok: false, error: { code: 'ROOM_TOO_BIG', message: ERROR_MESSAGES.ROOM_TOO_BIG } });
    expect(ERROR_MESSAGES.ROOM_TOO_BIG).toContain('Save your Memories');
    expect(await storedLength(pair.roomId)).toBeLessThanOrEqual(BUDGET);
    // Nothing of the refused change was stored: no Memory more than before it, in either view.
    expect(pair.view(0).memoryCount).toBe(memories);
    expect(pair.view(1).memoryCount).toBe(memories);

    // What does not grow the room still goes through: removing a Memory, as the message suggests after saving.
    const newest = await page(pair, 0, null);
    if (!newest.ok) throw new Error(newest.error.code);
    await must(pair.send(1, { type: 'forget-memory', id: newest.memories.at(-1)!.id }), 'forget');
    await eventually(() => expect(pair.view(0).memoryCount).toBe(memories - 1));
    // With that space free, the refused command, sent again as the outbox keeps it, is taken.
    expect((await pair.send(refused.seat, refused.command)).ok).toBe(true);
    expect(await storedLength(pair.roomId)).toBeLessThanOrEqual(BUDGET);
  });
});
