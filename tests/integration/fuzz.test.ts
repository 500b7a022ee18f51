// Fuzzing every event with generated payloads, from seated and unseated sockets: no crash, no
// unhandled rejection, every ack a typed error (or a valid answer), and rejected commands change nothing.
import fc from 'fast-check';
import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_IDS } from '../../shared/activities/catalog.js';
import { activityById, type ActivityId } from '../../shared/activities/registry.js';
import { ERROR_MESSAGES, type Ack, type CommandInput } from '../../shared/protocol.js';
import { MemoryStore } from '../../server/store/memory.js';
import type { RunningServer } from '../../server/server.js';
import { client, connected, seatedPair, startTestServer, type Client } from '../support/server.js';

const PAYLOADS = Number(process.env.FUZZ_PAYLOADS ?? 100_000);
/** Generated moves per activity, sent one at a time so each refusal can be checked on its own. */
const MOVES_PER_ACTIVITY = Number(process.env.FUZZ_MOVES ?? 2_000);
const BATCH = 500;
const EVENTS = ['room:create', 'room:peek', 'room:join', 'room:join-by-code', 'room:command', 'room:erase', 'device:offer', 'device:claim', 'room:nope', '__proto__', 'constructor'];
const CODES = new Set(Object.keys(ERROR_MESSAGES));

const nasty = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', ' ', '\u0000', '\uFEFF', '\u202E', '👩‍❤️‍👨', 'ﷺ'.repeat(50)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 3_000 }),
);
const payload = fc.oneof(
  fc.anything({ maxDepth: 6, withBigInt: false, withBoxedValues: true, withNullPrototype: true, withObjectString: true, key: nasty }),
  fc.record(
    {
      commandId: fc.oneof(fc.string({ minLength: 8, maxLength: 12, unit: fc.constantFrom(...'abcdefgh12345678') }), nasty),
      roomId: fc.oneof(fc.string({ minLength: 21, maxLength: 21 }), nasty),
      name: fc.oneof(fc.string({ maxLength: 50 }), nasty),
      code: nasty,
      seat: fc.oneof(fc.constantFrom(0, 1, 2, -1, '0', null), fc.double()),
      mode: fc.constantFrom('two-devices', 'one-device', 'x'),
      audience: fc.constantFrom('partners', 'friends', 'family', 'x'),
      command: fc.oneof(
        fc.record({ type: fc.constantFrom('move', 'propose', 'ready', 'closeness', 'forget-memory', 'sign-out-device', '__proto__'), move: fc.anything({ maxDepth: 4 }), id: nasty, value: fc.anything(), device: nasty }),
        fc.anything({ maxDepth: 3 }),
      ),
    },
    { requiredKeys: [] },
  ),
);

const fieldValue = fc.oneof(
  nasty,
  fc.integer({ min: -3, max: 12 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(nasty, fc.integer({ min: -1, max: 10 })), { maxLength: 12 }),
  fc.anything({ maxDepth: 3 }),
);

/** The parts of valibot's schema objects the fuzz reads, to write values that may fit. */
interface SchemaNode {
  type?: string;
  literal?: unknown;
  options?: unknown[];
  wrapped?: SchemaNode;
  item?: SchemaNode;
  entries?: Record<string, SchemaNode>;
  pipe?: { type?: string; requirement?: unknown }[];
}

/** The objects of an activity's move schema (`v.variant('type', [...])`), one per move type. */
function moveOptions(id: ActivityId): SchemaNode[] {
  return ((activityById(id).moveSchema as SchemaNode).options ?? []) as SchemaNode[];
}

/** The move types an activity's schema accepts. */
function moveTypes(id: ActivityId): string[] {
  return moveOptions(id).map((o) => o.entries?.['type']?.literal).filter((t): t is string => typeof t === 'string');
}

/** Values of the shape a schema asks for (its picklists, bounds, objects), so some moves get past it. */
function fitting(schema: SchemaNode): fc.Arbitrary<unknown> {
  const bound = (kind: string, otherwise: number) => {
    const found = schema.pipe?.find((action) => action.type === kind)?.requirement;
    return typeof found === 'number' ? found : otherwise;
  };
  switch (schema.type) {
    case 'optional':
    case 'nullable':
      return schema.wrapped ? fitting(schema.wrapped) : fc.constant(null);
    case 'literal':
      return fc.constant(schema.literal);
    case 'picklist':
      return fc.constantFrom(...(schema.options ?? [null]));
    case 'variant':
      return fc.oneof(...((schema.options ?? []) as SchemaNode[]).map(fitting));
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.integer({ min: bound('min_value', -3), max: bound('max_value', 12) });
    case 'array':
      return fc.array(schema.item ? fitting(schema.item) : fieldValue, { maxLength: bound('max_length', 6) });
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(schema.entries ?? {}).map(([name, entry]) => [name, fitting(entry)])));
    default:
      return nasty;
  }
}

/**
 * The fields an activity's moves take, read from the same schema (so a new activity's are fuzzed too),
 * each with values of any shape or of the shape it asks for; plus hostile names.
 */
function moveFields(id: ActivityId): Record<string, fc.Arbitrary<unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>[]> = {};
  for (const [name, schema] of moveOptions(id).flatMap((o) => Object.entries(o.entries ?? {}))) {
    if (name !== 'type') (fields[name] ??= [fieldValue]).push(fitting(schema));
  }
  const named = Object.entries(fields).map(([name, values]) => [name, fc.oneof(...values)] as const);
  return Object.fromEntries([...named, ['__proto__', fieldValue], ['constructor', fieldValue]]);
}

const moveFor = (id: ActivityId) => {
  const fields = moveFields(id);
  const someFields = fc
    .uniqueArray(fc.constantFrom(...Object.keys(fields)), { maxLength: 5 })
    .chain((names) => fc.tuple(...names.map((name) => fields[name]!)).map((values) => Object.fromEntries(names.map((name, i) => [name, values[i]]))));
  return fc.tuple(fc.constantFrom(...moveTypes(id), 'nope', '__proto__'), someFields).map(([type, chosen]) => ({ ...chosen, type }));
};

/**
 * Erasing and opening a device code are valid for a seated socket, so only the guest sends them; and the
 * guest never creates or joins (a lucky valid payload would seat it), so they stay refused. A device
 * claim needs a code no generated payload holds. Everything else goes anywhere.
 */
function senderFor(event: string, who: number): number {
  if (event === 'room:erase' || event === 'device:offer') return 2;
  if (event === 'room:create' || event.startsWith('room:join')) return who % 2;
  return who;
}

/** Payloads over 16 KiB close the connection by design (tests/integration/bad-input.test.ts). */
const underLimit = (body: unknown) => {
  try {
    return (JSON.stringify(body) ?? '').length < 15_000;
  } catch {
    return false;
  }
};

describe('fuzzing every event', () => {
  let server: RunningServer;
  let store: MemoryStore;
  const clients: Client[] = [];

  beforeAll(async () => {
    store = new MemoryStore();
    server = await startTestServer(store);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await server.close();
    await store.close();
  });

  it(`${PAYLOADS.toLocaleString('en')} generated payloads: every one answered with a typed error, state unchanged`, { timeout: 300_000 }, async () => {
    const { ada, grace, roomId } = await seatedPair(server.url);
    const guest = client(server.url);
    clients.push(ada, grace, guest);
    await connected(guest);
    const senders = [ada, grace, guest];
    const before = JSON.stringify((await store.load(roomId)).stored);
    const samples = fc.sample(
      fc.tuple(fc.constantFrom(...EVENTS), payload.filter(underLimit), fc.nat(2)),
      { numRuns: PAYLOADS, seed: 20261124 },
    );

    const unexpected: string[] = [];
    let answered = 0;
    for (let start = 0; start < samples.length; start += BATCH) {
      const answers = await Promise.all(
        samples.slice(start, start + BATCH).map(async ([event, body, who]) => {
          const socket = senders[senderFor(event, who)]!.socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<unknown> } };
          try {
            return { event, answer: await socket.timeout(5_000).emitWithAck(event, body) };
          } catch (error) {
            return { event, answer: { timeout: (error as Error).message } };
          }
        }),
      );
      for (const { event, answer } of answers) {
        answered += 1;
        const typed = answer as { ok?: unknown; error?: { code?: string; message?: unknown } };
        const fine = typed.ok === true || (typed.ok === false && CODES.has(typed.error?.code ?? '') && typeof typed.error?.message === 'string');
        if (!fine && unexpected.length < 5) unexpected.push(`${event}: ${JSON.stringify(answer).slice(0, 200)}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(answered).toBe(PAYLOADS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Random payloads never make a valid command for this room, so it must be exactly as it was.
    expect(JSON.stringify((await store.load(roomId)).stored)).toBe(before);
    for (const c of senders) expect(c.socket.connected).toBe(true);
  });

  it(`every activity's moves, generated (${MOVES_PER_ACTIVITY.toLocaleString('en')} each): typed answers, and a refused move changes nothing`, { timeout: 300_000 }, async () => {
    const { ada, grace, roomId } = await seatedPair(server.url);
    clients.push(ada, grace);
    const people = [ada, grace] as const;
    const command = (seat: 0 | 1, body: CommandInput['command']) =>
      people[seat].socket.timeout(5_000).emitWithAck('room:command', { commandId: `fz-${nanoid(10)}`, seat, command: body });
    const stored = async () => JSON.stringify((await store.load(roomId)).stored);
    const tally = { refused: 0, accepted: 0 };
    for (const id of ACTIVITY_IDS) {
      expect(moveTypes(id).length, `${id}: move types readable from its schema`).toBeGreaterThan(0);
      const options = id === 'question-swap' ? { answerMode: 'write' } : {};
      for (const [seat, body] of [[0, { type: 'propose', activity: id, options }], [0, { type: 'ready' }], [1, { type: 'ready' }]] as const) {
        expect((await command(seat, body as CommandInput['command'])).ok, `${id}: ${body.type}`).toBe(true);
      }
      if (id === 'question-swap') {
        const consent = { type: 'consent', kinds: ['emotional', 'intellectual'], maxDepth: 3 };
        for (const seat of [0, 1] as const) expect((await command(seat, { type: 'move', move: consent })).ok).toBe(true);
      }
      const moves = fc.sample(fc.tuple(moveFor(id), fc.constantFrom(0, 1) as fc.Arbitrary<0 | 1>), { numRuns: MOVES_PER_ACTIVITY, seed: 20261124 });
      let before = await stored();
      for (const [move, seat] of moves) {
        const answer: Ack<{ version: number }> = await command(seat, { type: 'move', move });
        if (answer.ok) {
          tally.accepted += 1;
          before = await stored();
          continue;
        }
        tally.refused += 1;
        expect(CODES.has(answer.error.code) && typeof answer.error.message === 'string', JSON.stringify(answer)).toBe(true);
        const after = await stored();
        if (after !== before) expect.fail(`${id}: a refused move changed the room: ${JSON.stringify(move).slice(0, 200)}`);
      }
      const ended = await command(0, { type: 'end-activity' });
      expect(ended.ok || ended.error.code === 'WRONG_PHASE').toBe(true);
    }
    for (const c of people) expect(c.socket.connected).toBe(true);
    console.log(`activity moves fuzzed: ${ACTIVITY_IDS.length} activities, ${tally.refused} refused (room unchanged each time), ${tally.accepted} accepted`);
  });
});
