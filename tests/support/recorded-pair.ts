// A sealed pair on a RedisWorld's server, recorded for an activity's "no canary anywhere in the clear"
// check: the frames each client sent and the server received, the canary words the test types, and the
// few helpers such a test reaches for (a move as a seat, the stored version, the frames a client got).
import { nanoid } from 'nanoid';
import type { SeatIndex } from '../../shared/protocol.js';
import { recordReceived, recordSent, type Source } from './canary.js';
import { sealedPair, type SealedPair } from './sealed-pair.js';
import type { Client, RedisWorld } from './server.js';

export interface RecordedPair {
  /** Ada (seat 0) and Grace (seat 1) in a sealed room; both clients are closed with the world. */
  pair: SealedPair;
  people: [Client, Client];
  /** The frames each client sent, recorded from before its first one. */
  sent: Source[];
  /** The frames the server received. */
  received: Source;
  /** Every word canary() made, to look for in Redis, the logs and the frames. */
  canaries: string[];
  /** A word no one would type, kept in `canaries`. */
  canary(who: string): string;
  /** Sends a move of the running activity as `seat`, in any shape: the server is the one to check it. */
  move(seat: SeatIndex, move: Record<string, unknown>): ReturnType<SealedPair['send']>;
  /** The room's stored version: a refused command leaves it as it was. */
  version(): Promise<number>;
  /** Every frame a client received, as one text to search. */
  framesTo(c: Client): string;
}

export async function recordedPair(world: RedisWorld): Promise<RecordedPair> {
  const { server, clients, store } = world;
  const sent: Source[] = [];
  const received = recordReceived(server);
  const pair = await sealedPair(server.url, ['Ada', 'Grace'], { onClient: (c, name) => sent.push(recordSent(c, name)) });
  clients.push(pair.ada, pair.grace);
  const canaries: string[] = [];
  return {
    pair,
    people: [pair.ada, pair.grace],
    sent,
    received,
    canaries,
    canary(who) {
      const word = `Canary${who}${nanoid(8).replace(/[-_]/g, 'x')}`;
      canaries.push(word);
      return word;
    },
    move: (seat, move) => pair.send(seat, { type: 'move', move } as never),
    version: async () => (await store.load(pair.roomId)).stored!.version,
    framesTo: (c) => JSON.stringify(c.received),
  };
}
