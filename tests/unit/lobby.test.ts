// The lobby's consent rule, as the room's pure functions: an activity starts only once both people have
// agreed to the suggestion that stands. Suggesting with `ready` (the lobby on two devices) counts as the
// suggester agreeing, so the other's one tap starts it; it never starts on the suggester's word alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_IDS, type ActivityId } from '../../shared/activities/catalog.js';
import type { SeatIndex } from '../../shared/core.js';
import { applyCommand, viewFor, type Room, type RoomCommand } from '../../shared/room.js';
import { RoomCommandSchema } from '../../shared/schemas.js';
import { parse } from '../../shared/parse.js';
import { NOW, fullRoom, lifetimes } from '../support/rooms.js';

const ctx = { now: NOW, freshCode: () => 'MNPQRSTVWX', freshRoomId: () => 'new-room-id', seed: 7, lifetimes };

function attempt(room: Room, seat: SeatIndex, command: RoomCommand) {
  return applyCommand(room, seat, command, ctx);
}

function run(room: Room, seat: SeatIndex, command: RoomCommand): Room {
  const result = attempt(room, seat, command);
  if (!result.ok) throw new Error(`${command.type}: ${result.error.code}`);
  return result.value.room;
}

/** A suggestion as the lobby sends it (Question Swap asks how you'll answer; the others take defaults). */
const suggest = (activity: ActivityId, ready?: boolean): RoomCommand => ({
  type: 'propose',
  activity,
  options: activity === 'question-swap' ? { answerMode: 'write' } : {},
  ...(ready === undefined ? {} : { ready }),
});

describe('suggesting in the lobby', () => {
  it('with ready, the suggester is ready and the other is not; the other sees who is ready', () => {
    const room = run(fullRoom(), 0, suggest('appreciations', true));
    expect(room.play.proposal).toMatchObject({ activity: 'appreciations', by: 0, ready: [true, false] });
    expect(viewFor(room, 1).proposal?.ready).toEqual([true, false]);
    expect(room.play.activity).toBeNull();
  });

  it("the other's one tap starts it", () => {
    const room = run(run(fullRoom(), 1, suggest('check-in', true)), 0, { type: 'ready' });
    expect(room.play.activity?.id).toBe('check-in');
    expect(room.play.proposal).toBeNull();
  });

  it("never starts on the suggester's word alone: their own ready is refused and changes nothing", () => {
    const suggested = run(fullRoom(), 0, suggest('appreciations', true));
    const again = attempt(suggested, 0, { type: 'ready' });
    expect(again.ok ? 'ok' : again.error.code).toBe('ALREADY_READY');
    expect(suggested.play.activity).toBeNull();
  });

  it('without ready (a shared device, or an older page) both still tap', () => {
    const suggested = run(fullRoom(), 0, suggest('appreciations'));
    expect(suggested.play.proposal?.ready).toEqual([false, false]);
    const one = run(suggested, 1, { type: 'ready' });
    expect(one.play.activity).toBeNull();
    expect(run(one, 0, { type: 'ready' }).play.activity?.id).toBe('appreciations');
  });

  it('a suggestion over the other one starts afresh: the first suggester is not ready for the new one', () => {
    let room = run(fullRoom(), 0, suggest('appreciations', true));
    room = run(room, 1, suggest('check-in', true));
    expect(room.play.proposal).toMatchObject({ activity: 'check-in', by: 1, ready: [false, true] });
  });

  it('picking a kept activity up again counts the same way', () => {
    let room = run(run(fullRoom(), 0, suggest('check-in', true)), 1, { type: 'ready' });
    room = run(room, 0, { type: 'end-activity' });
    room = run(room, 1, { type: 'propose', activity: 'check-in', options: { resume: true }, ready: true });
    expect(room.play.proposal).toMatchObject({ options: { resume: true }, ready: [false, true] });
    expect(run(room, 0, { type: 'ready' }).play.activity?.id).toBe('check-in');
  });

  it('the command schema takes ready as a yes or no, and nothing else', () => {
    expect(parse(RoomCommandSchema, { type: 'propose', activity: 'check-in', ready: true }).ok).toBe(true);
    expect(parse(RoomCommandSchema, { type: 'propose', activity: 'check-in' }).ok).toBe(true);
    expect(parse(RoomCommandSchema, { type: 'propose', activity: 'check-in', ready: 'yes' }).ok).toBe(false);
  });

  it('for any sequence of suggestions, taps, take-backs and the other suggesting over: an activity starts exactly when both have agreed to the suggestion that stands', () => {
    const step = fc.oneof(
      fc.record({
        type: fc.constant('propose' as const),
        seat: fc.constantFrom<SeatIndex>(0, 1),
        activity: fc.constantFrom(...ACTIVITY_IDS),
        ready: fc.option(fc.boolean(), { nil: undefined }),
      }),
      fc.record({ type: fc.constantFrom('ready' as const, 'withdraw' as const), seat: fc.constantFrom<SeatIndex>(0, 1) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        let room = fullRoom();
        // Who has agreed to the suggestion standing now, as the rule says it, kept beside the room.
        let agreed: [boolean, boolean] = [false, false];
        for (const s of steps) {
          const command: RoomCommand = s.type === 'propose' ? suggest(s.activity, s.ready) : { type: s.type };
          const result = attempt(room, s.seat, command);
          if (!result.ok) {
            // A refusal changes nothing, and is only ever for a tap with nothing to agree to (or twice).
            expect(['WRONG_PHASE', 'ALREADY_READY']).toContain(result.error.code);
            continue;
          }
          room = result.value.room;
          if (s.type === 'propose') agreed = [s.seat === 0 && s.ready === true, s.seat === 1 && s.ready === true];
          else if (s.type === 'ready') agreed = s.seat === 0 ? [true, agreed[1]] : [agreed[0], true];
          else agreed = [false, false];
          const started = room.play.activity !== null;
          expect(started).toBe(agreed[0] && agreed[1]);
          if (started) return; // the lobby is left; what happens inside the activity is its own tests'.
          expect(room.play.proposal?.ready ?? [false, false]).toEqual(agreed);
        }
      }),
    );
  });
});
