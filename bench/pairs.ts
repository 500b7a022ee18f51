// Two people, as the load generator plays them. Both sockets live in the generator process, so A's send
// time and B's receive time come from one clock (performance.now()).
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { io } from 'socket.io-client';
import type { ClientToServerEvents, RoomCommand, SeatIndex, ServerToClientEvents, Snapshot } from '../shared/protocol.js';
import { newRoomSeal, sealName } from '../shared/sealed/room-seal.js';
import { makeRoomKey } from '../shared/sealed/seal.js';
import type { ClientKind, Target } from './ipc.js';
import { LeanSocket, type Answer, type Data, type Listener } from './lean-socket.js';

/** A move whose partner has not seen it by then is counted as lost. */
const TIMEOUT_MS = 10_000;

export type MoveOutcome = { ok: true; ms: number } | { ok: false; reason: string };

export interface Pair {
  /** One move by `from`; resolves with the time from sending it until the partner received it. */
  move(from: SeatIndex): Promise<MoveOutcome>;
  /** Bytes of the last message the partner received, as JSON. */
  messageBytes(): number;
  close(): void;
}

/** Events of the bare relay (relay-server.ts): A sends a message, the server passes it to B and acks A. */
export interface RelayClientEvents {
  relay: (message: RelayMessage, ack: () => void) => void;
}
export interface RelayServerEvents {
  relayed: (message: RelayMessage) => void;
}
export interface RelayMessage {
  seq: number;
  /** Shaped like a Closer command, so A sends the same bytes to both. */
  commandId: string;
  seat: SeatIndex;
  command: RoomCommand;
}

/**
 * What a person's connection does, whichever client speaks for it: the lean one (lean-socket.ts) or
 * socket.io-client, the browser's. The server sees the same packets from both.
 */
interface Connection<In, Out> {
  on<E extends keyof In & string>(event: E, listener: In[E] & Listener): void;
  /** Resolves with the ack's answer; rejects when none came within `timeoutMs`. */
  emitWithAck<E extends keyof Out & string>(event: E, data: Data<Out[E]>, timeoutMs: number): Promise<Answer<Out[E]>>;
  disconnect(): void;
}

type CloserSocket = Connection<ServerToClientEvents, ClientToServerEvents>;
type RelaySocket = Connection<RelayServerEvents, RelayClientEvents>;

/** Command ids look like the browser's (16 random bytes in hex), so Redis stores the same sizes. */
export function commandId(): string {
  return randomBytes(16).toString('hex');
}

function connect<In, Out>(client: ClientKind, url: string, auth: object): Promise<Connection<In, Out>> {
  if (client === 'lean') return LeanSocket.connect<In, Out>(url, auth);
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth });
  const connection: Connection<In, Out> = {
    on: (event, listener) => void socket.on(event, listener as never),
    emitWithAck: (event, data, timeoutMs) => socket.timeout(timeoutMs).emitWithAck(event, data),
    disconnect: () => void socket.disconnect(),
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(connection));
    socket.once('connect_error', (error) => {
      socket.disconnect();
      reject(error);
    });
  });
}

/** One pending wait for an incoming message: resolves with its receive time, or null after the timeout. */
class Waiter<T> {
  private waiting: { accept: (value: T) => boolean; resolve: (at: number | null) => void; timer: NodeJS.Timeout } | null = null;

  wait(accept: (value: T) => boolean): Promise<number | null> {
    this.cancel();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(null), TIMEOUT_MS);
      this.waiting = { accept, resolve, timer };
    });
  }

  /** Called first thing by the event handler, with the time it ran. */
  offer(value: T, at: number): void {
    if (this.waiting?.accept(value)) this.settle(at);
  }

  cancel(): void {
    this.settle(null);
  }

  private settle(at: number | null): void {
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = null;
    clearTimeout(waiting.timer);
    waiting.resolve(at);
  }
}

const PROPOSE: RoomCommand = { type: 'propose', activity: 'question-swap', options: { answerMode: 'talk' } };
const WITHDRAW: RoomCommand = { type: 'withdraw' };

/** One person in a Closer room, holding the newest snapshot it was sent. */
class Person {
  latest: Snapshot | null = null;
  readonly snapshots = new Waiter<Snapshot>();

  constructor(readonly socket: CloserSocket) {
    socket.on('room:snapshot', (snapshot) => {
      const at = performance.now();
      if (this.latest && snapshot.version < this.latest.version) return;
      this.latest = snapshot;
      this.snapshots.offer(snapshot, at);
    });
  }

  get version(): number {
    return this.latest?.version ?? 0;
  }
}

/**
 * Two people in one Closer room, in the lobby: a move proposes Question Swap when nothing is proposed
 * and withdraws the proposal otherwise, so every move changes the room and sends both a new view.
 */
export class CloserPair implements Pair {
  private constructor(
    readonly roomId: string,
    private people: [Person, Person],
    /** The invite code the creator was shown and both seats' claim ids: the room's lookup keys in Redis. */
    readonly lookups: { code: string | null; claimIds: string[] },
  ) {}

  /** Ada creates a room on node `a`; Grace joins it by its link on node `b`. */
  static async open(client: ClientKind, a: string, b: string): Promise<CloserPair> {
    const ada = new Person(await connect(client, a, {}));
    const adaSeated = ada.snapshots.wait(() => true);
    const createId = commandId();
    // As a browser does: the names are sealed with a room key the server never sees.
    const key = await makeRoomKey();
    const seal = await newRoomSeal(key);
    const sealed = async (seat: SeatIndex, name: string) => {
      const done = await sealName(key, seal.id, seat, name);
      if (!done.ok) throw new Error('seal');
      return done.value;
    };
    const created = await ada.socket.emitWithAck(
      'room:create',
      { commandId: createId, name: await sealed(0, 'Ada'), audience: 'partners', mode: 'two-devices', seal },
      TIMEOUT_MS,
    );
    if (!created.ok) throw new Error(`create: ${created.error.code}`);
    if ((await adaSeated) === null) throw new Error('create: no snapshot');
    const code = ada.latest?.view.invite?.code ?? null;

    const grace = new Person(await connect(client, b, {}));
    const bothSeated = Promise.all([ada.snapshots.wait((s) => s.view.seats[1] !== null), grace.snapshots.wait(() => true)]);
    const joinId = commandId();
    const joined = await grace.socket.emitWithAck('room:join', { commandId: joinId, roomId: created.roomId, name: await sealed(1, 'Grace') }, TIMEOUT_MS);
    if (!joined.ok) throw new Error(`join: ${joined.error.code}`);
    if ((await bothSeated).includes(null)) throw new Error('join: no snapshot');
    return new CloserPair(created.roomId, [ada, grace], { code, claimIds: [createId, joinId] });
  }

  async move(from: SeatIndex): Promise<MoveOutcome> {
    const me = this.people[from];
    const partner = this.people[from === 0 ? 1 : 0];
    const version = Math.max(me.version, partner.version) + 1;
    const command = me.latest?.view.proposal ? WITHDRAW : PROPOSE;
    const received = partner.snapshots.wait((s) => s.version >= version);
    const start = performance.now();
    const answer = await me.socket.emitWithAck('room:command', { commandId: commandId(), seat: from, command }, TIMEOUT_MS).catch(() => null);
    if (!answer?.ok) {
      partner.snapshots.cancel();
      return { ok: false, reason: answer ? answer.error.code : 'NO_ANSWER' };
    }
    const at = await received;
    return at === null ? { ok: false, reason: 'LOST' } : { ok: true, ms: at - start };
  }

  messageBytes(): number {
    return JSON.stringify(this.people[1].latest).length;
  }

  close(): void {
    for (const person of this.people) person.socket.disconnect();
  }
}

/** Two sockets on the bare relay, in one Socket.IO room named after the pair. */
export class RelayPair implements Pair {
  private seq = 0;
  private last: RelayMessage | null = null;
  private readonly received: [Waiter<RelayMessage>, Waiter<RelayMessage>] = [new Waiter(), new Waiter()];

  private constructor(private sockets: [RelaySocket, RelaySocket]) {
    sockets.forEach((socket, seat) => {
      socket.on('relayed', (message) => {
        const at = performance.now();
        this.last = message;
        this.received[seat]!.offer(message, at);
      });
    });
  }

  static async open(client: ClientKind, url: string): Promise<RelayPair> {
    const pair = commandId();
    const one = () => connect<RelayServerEvents, RelayClientEvents>(client, url, { pair });
    const sockets = await Promise.all([one(), one()]);
    return new RelayPair(sockets);
  }

  async move(from: SeatIndex): Promise<MoveOutcome> {
    const to = from === 0 ? 1 : 0;
    const seq = ++this.seq;
    const received = this.received[to].wait((message) => message.seq === seq);
    const start = performance.now();
    // The ack is asked for (the relay answers it, as Closer answers a command) but nobody waits on it.
    this.sockets[from].emitWithAck('relay', { seq, commandId: commandId(), seat: from, command: PROPOSE }, TIMEOUT_MS).catch(() => undefined);
    const at = await received;
    return at === null ? { ok: false, reason: 'LOST' } : { ok: true, ms: at - start };
  }

  messageBytes(): number {
    return JSON.stringify(this.last).length;
  }

  close(): void {
    for (const socket of this.sockets) socket.disconnect();
  }
}

/** Not a pair: one ioredis PING per "move", the cost of one Redis round trip from Node at the same pacing. */
export class RedisPing implements Pair {
  private constructor(private redis: Redis) {}

  static async open(url: string): Promise<RedisPing> {
    const redis = new Redis(url, { lazyConnect: true });
    await redis.connect();
    return new RedisPing(redis);
  }

  async move(): Promise<MoveOutcome> {
    const start = performance.now();
    await this.redis.ping();
    return { ok: true, ms: performance.now() - start };
  }

  messageBytes(): number {
    return 'PONG'.length;
  }

  close(): void {
    this.redis.disconnect();
  }
}

export function openPair(client: ClientKind, target: Target): Promise<Pair> {
  switch (target.kind) {
    case 'relay':
      return RelayPair.open(client, target.url);
    case 'closer':
      return CloserPair.open(client, target.a, target.b);
    case 'redis-ping':
      return RedisPing.open(target.url);
  }
}
