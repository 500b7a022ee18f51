// The pure parts of push notifications: which pushes a committed command makes (to whom, saying what),
// and where a push may be sent (endpoint checks; private addresses refused in production).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { State as CheckInState } from '../../shared/activities/check-in/index.js';
import { EMPTY_PLAY } from '../../shared/play.js';
import type { RoomCommand, SeatIndex } from '../../shared/protocol.js';
import { applyCommand, createRoom, type Room } from '../../shared/room.js';
import { createECDH, randomBytes } from 'node:crypto';
import webpush from 'web-push';
import { deliverPush, endpointProblem, isPrivateAddress, publicOnlyLookup } from '../../server/push-endpoint.js';
import { pushesAfter } from '../../server/push-triggers.js';
import { NOW, ROOM_ID, fullRoom, lifetimes, seat } from '../support/rooms.js';
import { TEST_SEAL, sealedAround } from '../support/sealed.js';
import type { State as TwentyState } from '../../shared/activities/twenty-questions/index.js';

const ctx = { now: NOW, freshCode: () => 'BCDEFGHJKM', freshRoomId: () => 'n'.repeat(21), seed: 7, lifetimes };

function apply(room: Room, actor: SeatIndex, command: RoomCommand): Room {
  const changed = applyCommand(room, actor, command, ctx);
  if (!changed.ok) throw new Error(changed.error.message);
  return changed.value.room;
}

function withCheckIn(room: Room, entries: [boolean, boolean], day = '2026-12-03'): Room {
  const entry = { mood: 'm', words: 'w', at: NOW };
  const state: CheckInState = {
    days: [{ day, entries: [entries[0] ? entry : null, entries[1] ? entry : null] }],
    zones: { room: null, seats: [null, null] },
    starred: [],
    reading: [null, null],
  };
  return { ...room, play: { ...EMPTY_PLAY, activity: { id: 'check-in', seed: 1, state, startedAt: NOW } } };
}

const answer: RoomCommand = { type: 'move', move: { type: 'answer' } };

describe('which pushes a committed command makes', () => {
  it('a suggestion tells the other seat which activity, and nothing else', () => {
    const before = fullRoom();
    const after = apply(before, 1, { type: 'propose', activity: 'check-in', options: {} });
    expect(pushesAfter({ type: 'propose', activity: 'check-in', options: {} }, before, after, 1)).toEqual([
      { kind: 'suggested', roomId: ROOM_ID, by: 1, activity: 'check-in' },
    ]);
  });

  it('"waiting" only when one says Ready to the other’s suggestion before the other did', () => {
    const proposed = apply(fullRoom(), 0, { type: 'propose', activity: 'check-in', options: {} });
    const graceReady = apply(proposed, 1, { type: 'ready' });
    expect(pushesAfter({ type: 'ready' }, proposed, graceReady, 1)).toEqual([{ kind: 'waiting', roomId: ROOM_ID, by: 1 }]);
    // The one who suggested it saying Ready: the suggestion told the other already.
    const adaReady = apply(proposed, 0, { type: 'ready' });
    expect(pushesAfter({ type: 'ready' }, proposed, adaReady, 0)).toEqual([]);
    // The second Ready starts the activity: both are there, nobody waits.
    const started = apply(adaReady, 1, { type: 'ready' });
    expect(started.play.activity?.id).toBe('check-in');
    expect(pushesAfter({ type: 'ready' }, adaReady, started, 1)).toEqual([]);
  });

  it('"checked-in" when the actor’s entry for the day arrives, once', () => {
    const none = withCheckIn(fullRoom(), [false, false]);
    const adaIn = withCheckIn(fullRoom(), [true, false]);
    expect(pushesAfter(answer, none, adaIn, 0)).toEqual([{ kind: 'checked-in', roomId: ROOM_ID, by: 0 }]);
    // Any later move of hers (a star, reading a day, a zone) is not another check-in.
    expect(pushesAfter(answer, adaIn, adaIn, 0)).toEqual([]);
    // Grace's move does not say Ada checked in.
    expect(pushesAfter(answer, adaIn, withCheckIn(fullRoom(), [true, true]), 1)).toEqual([{ kind: 'checked-in', roomId: ROOM_ID, by: 1 }]);
    // A new day, and she is in on it: a check-in again.
    expect(pushesAfter(answer, adaIn, withCheckIn(fullRoom(), [true, false], '2026-12-04'), 0)).toHaveLength(1);
  });

  it('"waiting" when a move hands what is awaited to the other alone; a check-in says "checked-in" instead', () => {
    let room = apply(apply(fullRoom(), 0, { type: 'propose', activity: 'twenty-questions', options: {} }), 0, { type: 'ready' });
    room = apply(room, 1, { type: 'ready' });
    const thinker = (room.play.activity!.state as TwentyState).thinker;
    const asker = thinker === 0 ? 1 : 0;
    const choose: RoomCommand = { type: 'move', move: { type: 'choose', thing: sealedAround('THING', 1024) } };
    const chosen = apply(room, thinker, choose);
    expect(pushesAfter(choose, room, chosen, thinker)).toEqual([{ kind: 'waiting', roomId: ROOM_ID, by: thinker }]);
    // A question leaves the asker free to ask on or guess: both are awaited, nobody waits yet.
    const ask: RoomCommand = { type: 'move', move: { type: 'ask', n: 1, words: sealedAround('Q1', 1024) } };
    const asked = apply(chosen, asker, ask);
    expect(pushesAfter(ask, chosen, asked, asker)).toEqual([]);
    // Its answer hands it back to the asker alone: the thinker waits.
    const reply: RoomCommand = { type: 'move', move: { type: 'answer', n: 1, answer: sealedAround('A1') } };
    const answered = apply(asked, thinker, reply);
    expect(pushesAfter(reply, asked, answered, thinker)).toEqual([{ kind: 'waiting', roomId: ROOM_ID, by: thinker }]);
    const none = withCheckIn(fullRoom(), [false, false]);
    expect(pushesAfter(answer, none, withCheckIn(fullRoom(), [true, false]), 0).map((p) => p.kind)).toEqual(['checked-in']);
  });

  it('nothing in a room on one shared device, nor with nobody in the other seat', () => {
    const shared = createRoom(
      { id: ROOM_ID, audience: 'family', mode: 'one-device', seal: TEST_SEAL, creator: seat('Ada', 0), partner: seat('Grace', 1), code: 'ABCDEFGHJK', now: NOW },
      lifetimes,
    );
    const proposed = apply(shared, 0, { type: 'propose', activity: 'check-in', options: {} });
    expect(pushesAfter({ type: 'propose', activity: 'check-in', options: {} }, shared, proposed, 0)).toEqual([]);
    expect(pushesAfter(answer, withCheckIn(shared, [false, false]), withCheckIn(shared, [true, false]), 0)).toEqual([]);
    const alone = { ...fullRoom(), seats: [fullRoom().seats[0], null] as Room['seats'] };
    expect(pushesAfter(answer, withCheckIn(alone, [false, false]), withCheckIn(alone, [true, false]), 0)).toEqual([]);
  });

  it('whatever the lobby commands, every push is from the actor, to this room, and says only kind, seat and activity', () => {
    const command = fc.constantFrom<RoomCommand>(
      { type: 'propose', activity: 'check-in', options: {} },
      { type: 'propose', activity: 'what-it-means', options: {} },
      { type: 'ready' },
      { type: 'withdraw' },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(command, fc.constantFrom<SeatIndex>(0, 1)), { maxLength: 12 }), (steps) => {
        let room = fullRoom();
        for (const [c, actor] of steps) {
          const changed = applyCommand(room, actor, c, ctx);
          if (!changed.ok) continue;
          for (const push of pushesAfter(c, room, changed.value.room, actor)) {
            expect(push.by).toBe(actor);
            expect(push.roomId).toBe(ROOM_ID);
            expect(Object.keys(push).every((k) => ['kind', 'roomId', 'by', 'activity'].includes(k))).toBe(true);
            expect(push.kind === 'suggested').toBe(c.type === 'propose');
          }
          room = changed.value.room;
        }
      }),
    );
  });
});

describe('where a push may go', () => {
  it('outside production: https anywhere, and plain http to loopback only', () => {
    expect(endpointProblem('https://fcm.googleapis.com/fcm/send/abc', false)).toBeNull();
    expect(endpointProblem('http://127.0.0.1:4000/push/1', false)).toBeNull();
    expect(endpointProblem('http://localhost:4000/push/1', false)).toBeNull();
    expect(endpointProblem('http://10.1.2.3/push', false)).toMatch(/https/);
    expect(endpointProblem('http://push.example.com/x', false)).toMatch(/https/);
    expect(endpointProblem('javascript:alert(1)', false)).toMatch(/https/);
    expect(endpointProblem('nope', false)).toMatch(/web address/);
  });

  it('in production: a public push service by name, on the standard port, nothing else', () => {
    expect(endpointProblem('https://fcm.googleapis.com/fcm/send/abc', true)).toBeNull();
    expect(endpointProblem('https://web.push.apple.com/QGx', true)).toBeNull();
    expect(endpointProblem('https://updates.push.services.mozilla.com:443/wpush/v2/x', true)).toBeNull();
    for (const bad of [
      'http://127.0.0.1:4000/push/1',
      'https://127.0.0.1/push',
      'https://8.8.8.8/push',
      'https://[::1]/push',
      'https://[fe80::1]/push',
      'https://localhost/push',
      'https://a.localhost/push',
      'https://metadata/computeMetadata',
      'https://push.example.com:8443/x',
      'https://u:p@push.example.com/x',
    ]) {
      expect(endpointProblem(bad, true), bad).toMatch(/^A push endpoint (must|cannot) .+\.$/);
    }
  });

  it('private, loopback and link-local addresses are private; public ones are not', () => {
    for (const a of ['10.0.0.1', '127.0.0.1', '169.254.169.254', '172.16.5.4', '192.168.1.1', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1', '::ffff:7f00:1', '0:0:0:0:0:ffff:a9fe:a9fe']) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '142.250.74.106', '2607:f8b0:4004:c07::5f']) expect(isPrivateAddress(a), a).toBe(false);
    expect(isPrivateAddress('not-an-address')).toBe(true);
  });

  it('in production, a name that resolves to a private address is refused when connecting', async () => {
    const looked = await new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
      publicOnlyLookup('localhost', { all: true }, (error, address) => resolve({ error, address })),
    );
    expect(looked.error?.code).toBe('EPRIVATE');
    expect(looked.error?.message).not.toContain('127.0.0.1');
    // And a push sent there in production never connects.
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const subscription = { endpoint: 'https://localhost:9/push', keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') } };
    const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:test@example.invalid' };
    await expect(deliverPush(subscription, '{}', vapid, true)).rejects.toMatchObject({ code: 'EPRIVATE' });
  });

  it('an IPv4-mapped IPv6 address is judged as the IPv4 address it carries', () => {
    fc.assert(fc.property(fc.ipV4(), (address) => isPrivateAddress(`::ffff:${address}`) === isPrivateAddress(address)));
  });
});
