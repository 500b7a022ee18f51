// Question Swap's favourites, as pure functions: "Come back to this" marks the card on the table for
// both, the room keeps the ids (bounded) from game to game, and "Our favourites" draws them first.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { questionSwap, type Move, type State } from '../../shared/activities/question-swap/index.js';
import { FAVOURITES_MAX } from '../../shared/activities/question-swap/library.js';
import type { SeatIndex } from '../../shared/core.js';
import { applyCommand, viewFor, type Room, type RoomCommand } from '../../shared/room.js';
import { NOW, fullRoom, lifetimes } from '../support/rooms.js';
import { act, answerFor, errorCode, must, playing } from '../support/question-swap-state.js';

const ctx = { now: NOW, freshCode: () => 'MNPQRSTVWX', freshRoomId: () => 'new-room-id', seed: 7, lifetimes };
const consent = { type: 'consent', kinds: ['emotional', 'intellectual', 'experiential'], maxDepth: 2 };

function run(room: Room, seat: SeatIndex, command: RoomCommand): Room {
  const result = applyCommand(room, seat, command, { ...ctx, seed: ctx.seed + room.play.memories.length });
  if (!result.ok) throw new Error(`${command.type}: ${result.error.code}`);
  return result.value.room;
}

const gameOf = (room: Room) => room.play.activity!.state as State;

function newGame(room: Room, options: Record<string, unknown> = {}): Room {
  room = run(room, 0, { type: 'propose', activity: 'question-swap', options: { answerMode: 'write', rounds: 3, ...options } });
  room = run(room, 0, { type: 'ready' });
  room = run(room, 1, { type: 'ready' });
  for (const seat of [0, 1] as const) room = run(room, seat, { type: 'move', move: consent });
  return room;
}

const favourite = (state: State, on = true): Move => ({ type: 'favourite', cardId: state.round!.cardId, on });

describe('come back to this', () => {
  it('marks the card on the table for both, and either can take the mark off; marking twice keeps one', () => {
    let state = playing();
    state = must(act(state, 0, favourite(state)));
    for (const seat of [0, 1] as const) expect(questionSwap.view(state, seat).round!.favourite).toBe(true);
    expect(must(act(state, 1, favourite(state))).library!.favourites).toEqual([state.round!.cardId]);
    state = must(act(state, 1, favourite(state, false)));
    expect(questionSwap.view(state, 0).round!.favourite).toBe(false);
    expect(questionSwap.view(state, 0).library.favourites).toBe(0);
  });

  it('only the card on the table, and only while playing', () => {
    const state = playing();
    expect(errorCode(act(state, 0, { type: 'favourite', cardId: 'emo-1-01-not-here', on: true }))).toBe('UNKNOWN_CARD');
    expect(errorCode(act(questionSwap.setup({ answerMode: 'write', rounds: 3 }, { audience: 'partners' }, { next: () => 0.3, seed: () => 1 }), 0, { type: 'favourite', cardId: 'x', on: true }))).toBe('WRONG_PHASE');
  });

  it(`keeps at most ${FAVOURITES_MAX}, and says so rather than dropping one`, () => {
    let state = playing({ rounds: 15 });
    const full = Array.from({ length: FAVOURITES_MAX }, (_, i) => `kept-${i}`);
    state = { ...state, library: { favourites: full, cards: [] } };
    const refused = act(state, 0, favourite(state));
    expect(errorCode(refused)).toBe('NOT_POSSIBLE');
    expect(refused.ok ? '' : refused.error.message).toContain('Our favourites');
  });

  it('whatever is marked, the room keeps only ids of cards that were on the table, never more than the bound', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ seat: fc.constantFrom<SeatIndex>(0, 1), on: fc.boolean(), pass: fc.boolean() }), { maxLength: 60 }), (steps) => {
        let state = playing({ rounds: 15 });
        const seen = new Set<string>();
        for (const [i, step] of steps.entries()) {
          if (!state.round) break;
          seen.add(state.round.cardId);
          state = must(act(state, step.seat, favourite(state, step.on)));
          if (step.pass) state = must(act(state, step.seat, { type: 'pass', cardId: state.round!.cardId }, 100 + i));
        }
        const kept = state.library?.favourites ?? [];
        expect(kept.length).toBeLessThanOrEqual(FAVOURITES_MAX);
        expect(new Set(kept).size).toBe(kept.length);
        for (const id of kept) expect(seen.has(id)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('"Our favourites" is an option of the proposal; no other deck is', () => {
    expect(v.parse(questionSwap.optionsSchema, { answerMode: 'write', deck: 'favourites' }).deck).toBe('favourites');
    expect(v.safeParse(questionSwap.optionsSchema, { answerMode: 'write', deck: 'others' }).success).toBe(false);
  });
});

describe('our favourites, in a later game', () => {
  it('the room keeps them when the game ends, and "Our favourites" deals them first', () => {
    let room = newGame(fullRoom());
    const kept = gameOf(room).round!.cardId;
    room = run(room, 1, { type: 'move', move: favourite(gameOf(room)) });
    room = run(room, 0, { type: 'end-activity' });
    expect(room.play.libraries?.['question-swap']).toEqual({ favourites: [kept], cards: [] });
    // The lobby shows both how many are kept, and nothing else of the library.
    for (const seat of [0, 1] as const) expect(viewFor(room, seat).libraries).toEqual({ 'question-swap': { favourites: 1, cards: 0 } });
    room = newGame(room, { deck: 'favourites' });
    expect(gameOf(room).round!.cardId).toBe(kept);
    expect(gameOf(room).library!.favourites).toEqual([kept]);
  });

  it('a game picked up again gets the newest favourites, not the ones it was left with', () => {
    let room = newGame(fullRoom(), { rounds: 8 });
    room = run(room, 0, { type: 'end-activity' });
    // Another game, played to its end (so the one left mid-way stays kept), marks a card.
    room = newGame(room);
    const later = gameOf(room).round!.cardId;
    room = run(room, 0, { type: 'move', move: favourite(gameOf(room)) });
    while (gameOf(room).phase === 'play') {
      for (const seat of [0, 1] as const) room = run(room, seat, { type: 'move', move: answerFor(gameOf(room), `a${seat}`) });
      for (const seat of [0, 1] as const) room = run(room, seat, { type: 'move', move: { type: 'next', cardId: gameOf(room).round!.cardId } });
    }
    room = run(room, 0, { type: 'end-activity' });
    expect((room.play.kept[0]!.state as State).library).toBeUndefined();
    room = run(room, 0, { type: 'propose', activity: 'question-swap', options: { resume: true } });
    room = run(room, 0, { type: 'ready' });
    room = run(room, 1, { type: 'ready' });
    expect(gameOf(room).completed).toBe(0);
    expect(gameOf(room).library!.favourites).toEqual([later]);
  });

  it('with no favourite that fits, "Our favourites" deals new cards as usual', () => {
    const room = newGame(fullRoom(), { deck: 'favourites' });
    expect(gameOf(room).round).not.toBeNull();
  });
});
