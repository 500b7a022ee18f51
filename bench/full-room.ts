// `npm run bench:full-room`: does one room at its byte budget slow other rooms? One Closer node on a
// throwaway Redis; one room filled with 200 Memories of two full answers (~2.2 MB sealed, the largest a
// couple builds), and N other rooms moving. In alternating blocks the full room is idle, then receives
// commands at its room rate limit (10 a second); the other rooms' partner latency is compared, block by
// block, in one run: p99 with ÷ p99 without (goal ≤ 1.2). See docs/PERFORMANCE.md "A full room".
// FULL_ROOM_PAIRS (24), FULL_ROOM_BLOCKS (6), FULL_ROOM_BLOCK_MOVES (500), FULL_ROOM_MEMORIES (200).
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { answerSlot, memoryKeyOf } from '../shared/activities/question-swap/model.js';
import { memorySlot } from '../shared/activities/types.js';
import type { ClientToServerEvents, RoomCommand, SeatIndex, ServerToClientEvents, Snapshot } from '../shared/protocol.js';
import { newRoomSeal, sealName } from '../shared/sealed/room-seal.js';
import { makeRoomKey, seal, type RoomKey } from '../shared/sealed/seal.js';
import { startRedis } from '../tests/support/redis-server.js';
import { CloserPair, commandId, type Pair } from './pairs.js';
import { buildServers, killAll, startCloser } from './processes.js';
import { percentiles, sleep } from './stats.js';

const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const PAIRS = number('FULL_ROOM_PAIRS', 24);
const BLOCKS = number('FULL_ROOM_BLOCKS', 6);
const BLOCK_MOVES = number('FULL_ROOM_BLOCK_MOVES', 500);
const MEMORIES = number('FULL_ROOM_MEMORIES', 200);
/** The other rooms' pacing, as in the latency phase: one move every 8 ms, round robin. */
const PACE_MS = 8;
/** The full room's commands: its room rate limit (README "Limits"). */
const FULL_ROOM_EVERY_MS = 100;
const ANSWER = 2_000;

type Sock = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The two people of the full room, on their own sockets, with a real room key. */
class FullRoom {
  latest: Snapshot | null = null;
  /** The newest version a command of this room was answered with. */
  private committed = 0;
  private constructor(readonly sockets: [Sock, Sock], readonly key: RoomKey, readonly sealId: string) {
    sockets[0].on('room:snapshot', (s) => {
      if (!this.latest || s.version >= this.latest.version) this.latest = s;
    });
  }

  static async open(url: string): Promise<FullRoom> {
    const key = await makeRoomKey();
    const roomSeal = await newRoomSeal(key);
    const name = async (seat: SeatIndex, text: string) => {
      const done = await sealName(key, roomSeal.id, seat, text);
      if (!done.ok) throw new Error('seal');
      return done.value;
    };
    const ada = io(url, { transports: ['websocket'], forceNew: true }) as Sock;
    const created = await ada.emitWithAck('room:create', { commandId: commandId(), name: await name(0, 'Ada'), audience: 'partners', mode: 'two-devices', seal: roomSeal });
    if (!created.ok) throw new Error(created.error.code);
    const grace = io(url, { transports: ['websocket'], forceNew: true }) as Sock;
    const joined = await grace.emitWithAck('room:join', { commandId: commandId(), roomId: created.roomId, name: await name(1, 'Grace') });
    if (!joined.ok) throw new Error(joined.error.code);
    return new FullRoom([ada, grace], key, roomSeal.id);
  }

  async send(seat: SeatIndex, command: RoomCommand): Promise<string | null> {
    const answer = await this.sockets[seat].timeout(10_000).emitWithAck('room:command', { commandId: commandId(), seat, command });
    if (answer.ok) this.committed = Math.max(this.committed, answer.version);
    return answer.ok ? null : answer.error.code;
  }

  private async sealed(seat: SeatIndex, slot: string, text: string): Promise<string> {
    const done = await seal(this.key, { room: this.sealId, seat, activity: 'question-swap', slot }, text);
    if (!done.ok) throw new Error('seal');
    return done.value;
  }

  /** Ada's view once it shows the last answered command. */
  private async settled(): Promise<Snapshot> {
    for (let i = 0; i < 2_000 && (this.latest?.version ?? 0) < this.committed; i++) await sleep(5);
    return this.latest!;
  }

  /** Plays Question Swap, writing two full answers to every question and starring it, until `count` Memories. */
  async fill(count: number): Promise<void> {
    const consent = { type: 'consent', kinds: ['emotional', 'intellectual', 'experiential', 'physical', 'spiritual'], maxDepth: 3 };
    const start = async () => {
      for (const [seat, command] of [
        [0, { type: 'propose', activity: 'question-swap', options: { answerMode: 'write', rounds: 15 } }],
        [0, { type: 'ready' }],
        [1, { type: 'ready' }],
        [0, { type: 'move', move: consent }],
        [1, { type: 'move', move: consent }],
      ] as [SeatIndex, RoomCommand][]) {
        const refused = await this.send(seat, command);
        if (refused) throw new Error(`${command.type}: ${refused}`);
      }
    };
    await start();
    const words = (seat: SeatIndex, i: number) => `${seat ? 'Grace' : 'Ada'} ${i} `.repeat(ANSWER).slice(0, ANSWER);
    for (let i = 0; (this.latest?.view.memoryCount ?? 0) < count; i++) {
      await this.settled();
      const activity = this.latest!.view.activity;
      const round = activity?.id === 'question-swap' ? activity.view.round : null;
      if (!round) {
        await this.send(0, { type: 'end-activity' });
        await start();
        continue;
      }
      const cardId = round.card.id;
      if (round.card.type !== 'question') {
        await this.send(0, { type: 'move', move: { type: 'pass', cardId } });
        continue;
      }
      const key = memoryKeyOf(round.number, cardId);
      for (const seat of [0, 1] as const) {
        await this.send(seat, { type: 'move', move: { type: 'answer', cardId, sealed: await this.sealed(seat, answerSlot(cardId), JSON.stringify({ text: words(seat, i) })) } });
      }
      const entries = await Promise.all(([0, 1] as const).map(async (seat) => ({ seat, sealed: await this.sealed(seat, memorySlot(key), words(seat, i)) })));
      const refused = await this.send(0, { type: 'move', move: { type: 'star', cardId, starred: true, entries } });
      if (refused) throw new Error(`star: ${refused}`);
      for (const seat of [1, 0] as const) await this.send(seat, { type: 'move', move: { type: 'next', cardId } });
    }
    await this.send(0, { type: 'end-activity' });
  }

  /** Commands at the room's rate limit, each changing the room (a lobby proposal, then its withdrawal). */
  hammer(): () => Promise<number> {
    let stop = false;
    let sent = 0;
    const done = (async () => {
      for (let i = 0; !stop; i++) {
        const at = performance.now();
        await this.send((i % 2) as SeatIndex, i % 2 ? { type: 'withdraw' } : { type: 'propose', activity: 'question-swap', options: { answerMode: 'talk' } });
        sent += 1;
        await sleep(Math.max(0, FULL_ROOM_EVERY_MS - (performance.now() - at)));
      }
    })();
    return async () => {
      stop = true;
      await done;
      return sent;
    };
  }
}

/** One block of the other rooms' moves, paced; the partner latency of each. */
async function block(pairs: Pair[], moves: number): Promise<number[]> {
  const pending: Promise<void>[] = [];
  const latencies: number[] = [];
  for (let i = 0; i < moves; i++) {
    const pair = pairs[i % pairs.length]!;
    pending.push(pair.move((Math.floor(i / pairs.length) % 2) as SeatIndex).then((o) => void (o.ok && latencies.push(o.ms))));
    await sleep(PACE_MS);
  }
  await Promise.all(pending);
  return latencies;
}

buildServers();
const redis = await startRedis();
const admin = new Redis(redis.url);
process.on('exit', () => killAll());
try {
  const prefix = 'bench-full-room';
  const node = await startCloser('closer-full-room', redis.url, prefix);
  const full = await FullRoom.open(node.url);
  console.log(`filling one room with ${MEMORIES} Memories of two ${ANSWER}-character answers`);
  await full.fill(MEMORIES);
  // A room's hash holds its document and each Memory as its own field: what is stored is all of them.
  const stored = async (key: string) => Object.values(await admin.hgetall(key)).reduce((sum, value) => sum + value.length, 0);
  const docs = await Promise.all((await admin.keys(`${prefix}:{*}:room`)).map(stored));
  const fullBytes = Math.max(...docs);
  console.log(`the full room: ${(fullBytes / 1_048_576).toFixed(2)} MiB of JSON stored; its view: ${JSON.stringify(full.latest?.view).length} characters`);
  const pairs: Pair[] = [];
  for (let i = 0; i < PAIRS; i++) pairs.push(await CloserPair.open('socket.io', node.url, node.url));
  await block(pairs, 100);
  const without: number[] = [];
  const withFull: number[] = [];
  let commands = 0;
  for (let b = 0; b < BLOCKS; b++) {
    if (b % 2 === 0) without.push(...(await block(pairs, BLOCK_MOVES)));
    else {
      const stop = full.hammer();
      withFull.push(...(await block(pairs, BLOCK_MOVES)));
      commands += await stop();
    }
  }
  const [a, w] = [percentiles(without), percentiles(withFull)];
  console.log(`other rooms (${PAIRS} pairs, one move every ${PACE_MS} ms), ${without.length} + ${withFull.length} moves:`);
  console.log(`  without the full room's commands: p50 ${a.p50.toFixed(2)} ms, p99 ${a.p99.toFixed(2)} ms`);
  console.log(`  with ${commands} of them (every ${FULL_ROOM_EVERY_MS} ms): p50 ${w.p50.toFixed(2)} ms, p99 ${w.p99.toFixed(2)} ms`);
  console.log(`  p99 ratio with/without: ${(w.p99 / a.p99).toFixed(2)} (goal ≤ 1.2)`);
  for (const pair of pairs) pair.close();
  full.sockets.forEach((s) => s.disconnect());
  await node.stop();
} finally {
  admin.disconnect();
  killAll();
  await redis.stop();
}
