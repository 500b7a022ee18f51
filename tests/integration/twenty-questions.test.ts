// 20 Questions sealed end to end through the real server and Redis, between two socket.io clients with a
// real room key: the thing never reaches the asker's frames before the reveal (not even sealed), every
// question, answer, guess, hint and story is sealed as the browser seals it and opens on the other side,
// refusals leave the room as it was, a resent move counts once, and no canary typed anywhere is in Redis,
// in the server's logs at trace level, or in any frame either client sent or the server received.
import { nanoid } from 'nanoid';
import { describe, expect, inject, it } from 'vitest';
import {
  answerSlot,
  guessSlot,
  hintSlot,
  MEMORY_TITLE,
  memoryKeyOf,
  questionSlot,
  storySlot,
  thingSlot,
  writeAnswer,
  writeThing,
  type View,
} from '../../shared/activities/twenty-questions/index.js';
import { openView, starWords } from '../../shared/activities/twenty-questions/open.js';
import { memorySlot } from '../../shared/activities/types.js';
import { other, type CommandInput, type SeatIndex } from '../../shared/protocol.js';
import { openMemories } from '../../shared/opened-room.js';
import type { Opener } from '../../shared/sealed/opener.js';
import { expectNoCanary, logSource, recordReceived, recordSent, redisSources, type Source } from '../support/canary.js';
import { sealedPair } from '../support/sealed-pair.js';
import { cid, eventually, useServerOnRedis, type Client } from '../support/server.js';

const redisUrl = inject('redisUrl');
const A = 'twenty-questions';

function tqView(c: Client, seat: SeatIndex): View {
  const snapshot = [...c.snapshots].reverse().find((s) => s.seat === seat);
  const activity = snapshot?.view.activity;
  if (activity?.id !== A) throw new Error('20 Questions is not running');
  return activity.view;
}

describe.runIf(redisUrl !== '')('20 Questions over Redis, sealed', () => {
  const world = useServerOnRedis('twenty', { logLevel: 'trace' });

  it('a whole round: the thing reaches the asker only at the reveal, everything opens on the other side, and nothing written is in the clear anywhere', { timeout: 60_000 }, async () => {
    const { server, admin, logs, clients, store } = world;
    const sent: Source[] = [];
    const received = recordReceived(server);
    const pair = await sealedPair(server.url, ['Ada', 'Grace'], { onClient: (c, name) => sent.push(recordSent(c, name)) });
    clients.push(pair.ada, pair.grace);
    const people: [Client, Client] = [pair.ada, pair.grace];
    const opener: Opener = (at, sealed) => pair.open(at.seat, at.activity, at.slot, sealed);
    const command = (seat: SeatIndex, c: CommandInput['command'], commandId = cid()) => people[seat].socket.emitWithAck('room:command', { commandId, seat, command: c });
    const ok = async (seat: SeatIndex, c: CommandInput['command'], commandId?: string) => {
      const answer = await command(seat, c, commandId);
      if (!answer.ok) throw new Error(`${JSON.stringify(c).slice(0, 80)}: ${answer.error.code} ${answer.error.message}`);
    };
    const move = (seat: SeatIndex, m: Record<string, unknown>, commandId?: string) => ok(seat, { type: 'move', move: m } as CommandInput['command'], commandId);
    const version = async () => (await store.load(pair.roomId)).stored!.version;
    const canaries: string[] = [];
    const canary = (what: string) => {
      const word = `Canary${what}${nanoid(8).replace(/[-_]/g, 'x')}`;
      canaries.push(word);
      return word;
    };

    await ok(0, { type: 'propose', activity: A, options: {} });
    await ok(0, { type: 'ready' });
    await ok(1, { type: 'ready' });
    const thinker = await eventually(() => tqView(pair.ada, 0).thinker);
    const asker = other(thinker);
    const T = people[thinker];
    const Q = people[asker];
    const view = (seat: SeatIndex) => tqView(people[seat], seat);

    // Only the thinker is offered prompts; the asker's view has none.
    expect(view(thinker).prompts).toHaveLength(5);
    await eventually(() => expect(view(asker).phase).toBe('choosing'));
    expect(view(asker).prompts).toEqual([]);
    const prompt = view(thinker).prompts[0]!;

    // Refusals, each with its sentence, and the room unchanged: the asker choosing, a thing in the clear.
    const before = await version();
    const refusals = await Promise.all([
      command(asker, { type: 'move', move: { type: 'choose', thing: await pair.seal(asker, A, thingSlot(1), writeThing('mine')) } }),
      command(thinker, { type: 'move', move: { type: 'choose', thing: 'a lighthouse' } } as never),
      command(asker, { type: 'move', move: { type: 'ask', n: 1, words: null } }),
    ]);
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['NOT_YOUR_TURN', 'BAD_REQUEST', 'NOT_YOUR_TURN']);
    for (const r of refusals) expect(r.ok ? '' : r.error.message.length).toBeGreaterThan(10);
    expect(await version()).toBe(before);

    const thingText = canary('Thing');
    const thing = await pair.seal(thinker, A, thingSlot(1), writeThing(thingText, prompt.text));
    await move(thinker, { type: 'choose', thing });
    await eventually(() => expect(view(asker).phase).toBe('asking'));
    /** The asker's device has received nothing of the thing: not its words, not even the sealed value. */
    const askerHasNoThing = () => {
      const frames = JSON.stringify(Q.received);
      expect(frames).not.toContain(thing);
      expect(frames).not.toContain(thingText);
    };
    askerHasNoThing();
    expect((await openView(view(thinker), opener)).thing).toEqual({ text: thingText, prompt: prompt.text, unreadable: false });

    // A typed question: the thinker reads it at once and answers with a few words; the asker reads the answer.
    const q1 = canary('Question');
    await move(asker, { type: 'ask', n: 1, words: await pair.seal(asker, A, questionSlot(1, 1), q1) });
    await eventually(async () => expect((await openView(view(thinker), opener)).questions[0]?.words?.text).toBe(q1));
    const words1 = canary('Words');
    await move(thinker, { type: 'answer', n: 1, answer: await pair.seal(thinker, A, answerSlot(1, 1), writeAnswer('sometimes', words1)) });
    await eventually(async () => expect((await openView(view(asker), opener)).questions[0]?.answer).toEqual({ reply: 'sometimes', label: 'Sometimes', words: words1 }));

    // One asked aloud, resent with the same command id (a lost answer): it counts once.
    const again = cid();
    await move(asker, { type: 'ask', n: 2, words: null }, again);
    await move(asker, { type: 'ask', n: 2, words: null }, again);
    await eventually(() => expect(view(thinker).questions).toEqual([expect.anything(), { words: null, answer: null }]));
    await move(thinker, { type: 'answer', n: 2, answer: await pair.seal(thinker, A, answerSlot(1, 2), writeAnswer('no', '')) });

    // A wrong guess, judged by the thinker's plain verdict; the hint waits for question 10.
    const wrong = canary('WrongGuess');
    await move(asker, { type: 'guess', n: 1, words: await pair.seal(asker, A, guessSlot(1, 1), wrong) });
    await eventually(async () => expect((await openView(view(thinker), opener)).guesses[0]?.words.text).toBe(wrong));
    await move(thinker, { type: 'judge', n: 1, right: false });
    const early = await command(asker, { type: 'move', move: { type: 'ask-hint' } });
    expect(early.ok ? '' : early.error.message).toMatch(/after question 10/);
    for (let n = 3; n <= 10; n++) {
      await move(asker, { type: 'ask', n, words: await pair.seal(asker, A, questionSlot(1, n), `question ${n}?`) });
      await move(thinker, { type: 'answer', n, answer: await pair.seal(thinker, A, answerSlot(1, n), writeAnswer(n % 2 ? 'yes' : 'unknown', '')) });
    }
    await eventually(() => expect(view(asker).questionsLeft).toBe(10));
    await move(asker, { type: 'ask-hint' });
    const hint = canary('Hint');
    await move(thinker, { type: 'hint', words: await pair.seal(thinker, A, hintSlot(1), hint) });
    await eventually(async () => expect((await openView(view(asker), opener)).hint.given?.text).toBe(hint));
    askerHasNoThing();

    // The right guess: the reveal hands the asker the thing, which opens to the thinker's words.
    const right = canary('RightGuess');
    await move(asker, { type: 'guess', n: 2, words: await pair.seal(asker, A, guessSlot(1, 2), right) });
    await move(thinker, { type: 'judge', n: 2, right: true });
    const revealed = await eventually(async () => {
      const opened = await openView(view(asker), opener);
      expect(opened.phase).toBe('revealed');
      return opened;
    });
    expect(revealed.ending).toBe('guessed');
    expect(revealed.thing).toEqual({ text: thingText, prompt: prompt.text, unreadable: false });
    expect(revealed.guesses.map((g) => [g.words.text, g.right])).toEqual([[wrong, false], [right, true]]);

    // The story, then the asker stars the round: Memories hold the thing and its story under a title that is nobody's words.
    const story = canary('Story');
    await move(thinker, { type: 'story', words: await pair.seal(thinker, A, storySlot(1), story) });
    const withStory = await eventually(async () => {
      const opened = await openView(view(asker), opener);
      expect(opened.story?.text).toBe(story);
      return opened;
    });
    const entries = await Promise.all(starWords(withStory).map(async (e) => ({ seat: e.seat, sealed: await pair.seal(e.seat, A, memorySlot(memoryKeyOf(1)), e.text) })));
    await move(asker, { type: 'star', starred: true, entries });
    const memories = await eventually(async () => {
      const opened = await openMemories(T.snapshots.at(-1)!.view.memories, opener);
      expect(opened).toHaveLength(1);
      return opened;
    });
    expect(memories[0]).toMatchObject({ title: MEMORY_TITLE, entries: [{ seat: thinker, text: `${thingText} — ${story}` }] });

    // Swapping roles is agreed: one ready, then both, and the next round goes the other way round.
    await move(asker, { type: 'swap', ready: true });
    await eventually(() => expect(view(thinker).swap[asker]).toBe(true));
    await move(thinker, { type: 'swap', ready: true });
    await eventually(() => expect(view(asker)).toMatchObject({ round: 2, thinker: asker, phase: 'choosing', thing: null, questions: [] }));

    // Nothing anyone wrote is in the clear: not in Redis (every key, the stream too), the logs, or any frame.
    const sources = [...(await redisSources(admin)), logSource(logs), received, ...sent];
    for (const frames of [received, ...sent]) expect(frames.text, frames.name).toContain('move');
    expect((await redisSources(admin)).some((s) => s.text.includes(pair.sealId)), 'the room is in this Redis').toBe(true);
    expect(canaries).toHaveLength(7);
    expectNoCanary([...canaries, /"reply"\s*:/, /\\"reply\\"/], sources);
  });
});
