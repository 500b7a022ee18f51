// A concurrency model test across two server nodes (two servers on one Redis, in this process): Ada on
// node A, Grace on node B, each running a generated list of actions in Question Swap — answer, turn the
// card, send the last change again with its id, drop and regain the connection, let a third person try
// to join. fast-check's scheduler picks the order in which their steps start, so changes from both
// nodes overlap in many orders. After every run:
//   - versions rose by exactly one per accepted change (none lost, none applied twice);
//   - an accepted change sent again got exactly its first answer (a refused one is simply tried again);
//   - never more than two seats (the third person was refused);
//   - one person's words reached the other only together with the other's own words for that card
//     (the reveal), never before;
//   - both screens end on the stored version.
import fc from 'fast-check';
import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Ack, CommandInput, SeatIndex } from '../../shared/protocol.js';
import type { RunningServer } from '../../server/server.js';
import { RedisStore } from '../../server/store/redis.js';
import { gameView, send, startGame } from '../support/question-swap.js';
import { sealedAround } from '../support/sealed.js';
import { cid, client, connected, eventually, seatedPair, startTestServer, type Client } from '../support/server.js';
import { fakeSealed } from '../support/sealed.js';

const redisUrl = inject('redisUrl');
const RUNS = 50;

type Action = 'answer' | 'next' | 'again' | 'reconnect' | 'intrude';
const action = (value: Action, weight: number) => ({ arbitrary: fc.constant(value), weight });
/** Mostly playing, sometimes the trouble. */
const Actions = fc.array(
  fc.oneof(action('answer', 4), action('next', 3), action('again', 2), action('reconnect', 1), action('intrude', 1)),
  { maxLength: 14 },
);

interface Sent {
  payload: CommandInput;
  answer: Ack<{ version: number }>;
}

describe.runIf(redisUrl !== '')('two people on two nodes, in orders chosen by fast-check', () => {
  const prefix = `model-${nanoid(8)}`;
  const stores: RedisStore[] = [];
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    stores.push(await RedisStore.connect(redisUrl, prefix), await RedisStore.connect(redisUrl, prefix));
    for (const store of stores) servers.push(await startTestServer(store));
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    for (const store of stores) await store.close();
  });

  it(`${RUNS} runs: versions +1 per change, replays answered alike, two seats at most, no early words`, { timeout: 180_000 }, async () => {
    let changes = 0;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), Actions, Actions, async (s, adaActions, graceActions) => {
        const [nodeA, nodeB] = servers as [RunningServer, RunningServer];
        const { ada, grace, roomId } = await seatedPair(nodeA.url, 'partners', nodeB.url);
        const opened: Client[] = [ada, grace];
        try {
          await startGame(ada, grace);
          const start = (await stores[0]!.load(roomId)).stored!.version;
          const sent: Sent[] = [];
          /** The words in each answer sent, by command id: card (`${seat}:${cardId}`) and canary. */
          const written = new Map<string, { key: string; canary: string }>();

          const person = async (c: Client, seat: SeatIndex, actions: Action[]) => {
            let last: Sent | null = null;
            const command = async (payload: CommandInput) => {
              const answer = await send(c, seat, payload.command, payload.commandId);
              last = { payload, answer };
              sent.push(last);
            };
            for (const action of actions) {
              await s.schedule(Promise.resolve(`${seat}:${action}`));
              const round = gameView(c).round;
              if (action === 'answer' && round && !round.revealed) {
                const canary = `w${seat}-${nanoid(10)}`;
                const commandId = cid();
                written.set(commandId, { key: `${seat}:${round.card.id}`, canary });
                // Sealed as a stand-in that carries the canary: every card type's answer is a sealed value.
                const move = { type: 'answer', cardId: round.card.id, sealed: sealedAround(canary) };
                await command({ commandId, seat, command: { type: 'move', move } });
              } else if (action === 'next' && round) {
                await command({ commandId: cid(), seat, command: { type: 'move', move: { type: 'next', cardId: round.card.id } } });
              } else if (action === 'again' && last) {
                // An accepted change sent again gets its first answer; a refused one is simply tried again.
                const first: Sent = last;
                const again = await send(c, seat, first.payload.command, first.payload.commandId);
                if (first.answer.ok) expect(again).toEqual(first.answer);
                sent.push({ payload: first.payload, answer: again });
              } else if (action === 'reconnect') {
                c.socket.disconnect();
                c.socket.connect();
                await connected(c);
              } else if (action === 'intrude') {
                const stranger = client(seat === 0 ? nodeA.url : nodeB.url);
                opened.push(stranger);
                await connected(stranger);
                const joined = await stranger.socket.emitWithAck('room:join', { commandId: cid(), roomId, name: fakeSealed('Eve') });
                expect(joined.ok ? 'seated' : joined.error.code).toBe('ROOM_FULL');
              }
            }
          };
          await s.waitFor(Promise.all([person(ada, 0, adaActions), person(grace, 1, graceActions)]));

          const { stored } = await stores[1]!.load(roomId);
          // One version per accepted command id, however often it was sent.
          const byId = new Map<string, number>();
          for (const x of sent) {
            if (!x.answer.ok) continue;
            const earlier = byId.get(x.payload.commandId);
            if (earlier !== undefined) expect(x.answer.version).toBe(earlier);
            byId.set(x.payload.commandId, x.answer.version);
          }
          const accepted = [...byId.values()];
          /** Words that were accepted, by card. */
          const words = new Map([...byId.keys()].flatMap((id) => (written.has(id) ? [[written.get(id)!.key, written.get(id)!.canary]] : [])));
          changes += accepted.length;
          // Versions: one per accepted change, each seen once, nothing else moved the room.
          expect([...accepted].sort((a, b) => a - b)).toEqual(accepted.map((_, i) => start + 1 + i));
          expect(stored!.version).toBe(start + accepted.length);
          expect(stored!.room.seats.filter(Boolean)).toHaveLength(2);
          // Words: one person's canary for a card appears in the other's screen only beside the other's own.
          for (const [reader, writer] of [[grace, 0], [ada, 1]] as const) {
            for (const snapshot of reader.snapshots) {
              const text = JSON.stringify(snapshot);
              for (const [key, canary] of words) {
                const [who, cardId] = key.split(':') as [string, string];
                if (Number(who) !== writer || !text.includes(canary)) continue;
                const own = words.get(`${1 - writer}:${cardId}`);
                expect(own && text.includes(own), `${canary} shown before the reveal`).toBe(true);
              }
            }
          }
          // Both screens end on the stored version.
          await eventually(() => {
            expect(ada.snapshots.at(-1)!.version).toBe(stored!.version);
            expect(grace.snapshots.at(-1)!.version).toBe(stored!.version);
          }, 5_000);
        } finally {
          opened.forEach((c) => c.close());
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`concurrency model: ${RUNS} runs over two nodes, ${changes} accepted changes, invariants held`);
  });
});
