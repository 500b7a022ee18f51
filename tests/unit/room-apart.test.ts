// "We live apart" as a room setting (issue 17): set at creation or by either person later, carried in both
// views, and read by the activities a room starts: no dealt card or suggested idea needs the same place.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { State as SwapState } from '../../shared/activities/question-swap/index.js';
import { cardById } from '../../shared/activities/question-swap/draw.js';
import { ideasFor } from '../../shared/content/ideas.js';
import { applyCommand, createRoom, viewFor, type Changed, type Room } from '../../shared/room.js';
import { CreateRoomSchema, RoomCommandSchema } from '../../shared/schemas.js';
import type { SeatIndex } from '../../shared/core.js';
import { fakeSealed, TEST_SEAL } from '../support/sealed.js';
import { ALL_IN, act, cardOn, must } from '../support/question-swap-state.js';
import { NOW, fullRoom, lifetimes, seat } from '../support/rooms.js';

function roomOf(changed: Changed): Room {
  if (!changed.ok) throw new Error(changed.error.message);
  return changed.value.room;
}

const ctx = { now: NOW, freshCode: () => 'BCDEFGHJKM', freshRoomId: () => 'n'.repeat(21), seed: 7, lifetimes };

function setApart(room: Room, actor: SeatIndex, apart: boolean): Room {
  const changed = applyCommand(room, actor, { type: 'set-apart', apart }, ctx);
  if (!changed.ok) throw new Error(changed.error.message);
  expect(changed.value.effects).toEqual([]);
  return changed.value.room;
}

/** Both say yes to Question Swap in `room`: the game's first state. */
function startSwap(room: Room, seed: number): SwapState {
  let next = room;
  for (const [actor, command] of [[0, { type: 'propose', activity: 'question-swap', options: { answerMode: 'write', rounds: 15 }, ready: true }], [1, { type: 'ready' }]] as const) {
    const changed = applyCommand(next, actor, command, { ...ctx, seed });
    if (!changed.ok) throw new Error(changed.error.message);
    next = changed.value.room;
  }
  return next.play.activity!.state as SwapState;
}

describe('the room says whether the two live apart', () => {
  it('is off in a room made without it, and in an older room that has no such field', () => {
    const room = fullRoom();
    expect('apart' in room).toBe(false);
    expect(viewFor(room, 0).apart).toBe(false);
    expect(viewFor(room, 1).apart).toBe(false);
  });

  it('is on from creation when the creator ticked it, in both seats’ views', () => {
    const room = createRoom(
      { id: 'a'.repeat(21), audience: 'friends', mode: 'two-devices', seal: TEST_SEAL, creator: seat('Ada', 0), partner: null, code: 'ABCDEFGHJK', now: NOW, apart: true },
      lifetimes,
    );
    expect(viewFor(room, 0).apart).toBe(true);
  });

  it('either person can turn it on and off, and both views follow', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom<SeatIndex>(0, 1), fc.boolean()), { minLength: 1, maxLength: 8 }), (flips) => {
        let room = fullRoom();
        for (const [actor, apart] of flips) room = setApart(room, actor, apart);
        const last = flips.at(-1)![1];
        expect([viewFor(room, 0).apart, viewFor(room, 1).apart]).toEqual([last, last]);
        // Off leaves the document as an older room's: no field at all.
        expect('apart' in room).toBe(last);
      }),
    );
  });
});

describe('the set-apart command and the create input, as the server reads them', () => {
  it('takes true or false and refuses anything else with a sentence', () => {
    expect(v.safeParse(RoomCommandSchema, { type: 'set-apart', apart: true }).success).toBe(true);
    expect(v.safeParse(RoomCommandSchema, { type: 'set-apart', apart: false }).success).toBe(true);
    for (const bad of [{ type: 'set-apart' }, { type: 'set-apart', apart: 'yes' }, { type: 'set-apart', apart: 1 }]) {
      const parsed = v.safeParse(RoomCommandSchema, bad);
      expect(parsed.success).toBe(false);
      expect(parsed.issues?.[0]?.message).toBe('Say whether you live apart with true or false.');
    }
  });

  it('a two-device room may be created apart; a bad value is refused', () => {
    const input = { commandId: 'c'.repeat(12), name: fakeSealed('Ada'), audience: 'partners', mode: 'two-devices', seal: TEST_SEAL };
    const ok = v.safeParse(CreateRoomSchema, { ...input, apart: true });
    expect(ok.success && ok.output.mode === 'two-devices' && ok.output.apart).toBe(true);
    expect(v.safeParse(CreateRoomSchema, input).success).toBe(true);
    expect(v.safeParse(CreateRoomSchema, { ...input, apart: 'yes' }).success).toBe(false);
  });
});

describe('activities follow the room', () => {
  it('with the room apart, Question Swap never deals a card needing the same place', () => {
    fc.assert(
      fc.property(fc.constantFrom<SeatIndex>(0, 1), fc.nat(10_000), (actor, seed) => {
        let state = startSwap(setApart(fullRoom(), actor, true), seed);
        expect(state.options.apart).toBe(true);
        state = must(act(must(act(state, 0, ALL_IN, seed)), 1, ALL_IN, seed + 1));
        const dealt: string[] = [];
        for (let i = 0; state.round && i < 40; i++) {
          dealt.push(cardOn(state).id);
          state = must(act(state, i % 2 === 0 ? 0 : 1, { type: 'pass', cardId: state.round.cardId }, seed + i));
        }
        expect(dealt.length).toBeGreaterThan(0);
        expect(dealt.filter((id) => cardById(id)?.samePlace)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('a room not apart may deal same-place cards, so the setting is what holds them back', () => {
    expect(startSwap(fullRoom(), 1).options.apart).toBeUndefined();
  });

  it('a game proposed apart by an older page stays apart in a room that is not', () => {
    let room = fullRoom();
    const proposed = applyCommand(room, 0, { type: 'propose', activity: 'question-swap', options: { answerMode: 'write', rounds: 5, apart: true }, ready: true }, ctx);
    room = roomOf(proposed);
    const started = roomOf(applyCommand(room, 1, { type: 'ready' }, ctx));
    expect((started.play.activity!.state as SwapState).options.apart).toBe(true);
  });

  it('the plan ideas for a room apart never need the same place', () => {
    expect(ideasFor(true).filter((idea) => idea.samePlace)).toEqual([]);
    expect(ideasFor(false).some((idea) => idea.samePlace)).toBe(true);
  });
});
