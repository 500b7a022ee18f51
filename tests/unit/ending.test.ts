// Ending an activity, as the room's pure functions: either can end it for both, the other is told who
// did, a Question Swap left mid-way is kept to pick up where it was, and one played to its last card
// asks "after" as it finishes, once.
import { describe, expect, it } from 'vitest';
import type { State } from '../../shared/activities/question-swap/index.js';
import { applyCommand, viewFor, type Room, type RoomCommand } from '../../shared/room.js';
import type { SeatIndex } from '../../shared/core.js';
import { NOW, fullRoom, lifetimes } from '../support/rooms.js';
import { answerFor } from '../support/question-swap-state.js';
import { whatItMeans } from '../../shared/activities/what-it-means/index.js';
import { seededRng } from '../../shared/random.js';

const ctx = { now: NOW, freshCode: () => 'MNPQRSTVWX', freshRoomId: () => 'new-room-id', seed: 7, lifetimes };

function run(room: Room, seat: SeatIndex, command: RoomCommand): Room {
  const result = applyCommand(room, seat, command, ctx);
  if (!result.ok) throw new Error(`${command.type}: ${result.error.code}`);
  return result.value.room;
}

const gameState = (room: Room) => room.play.activity!.state as State;
const consent = { type: 'consent', kinds: ['emotional', 'intellectual'], maxDepth: 2 };

function inGame(rounds = 3): Room {
  let room = run(fullRoom(), 0, { type: 'propose', activity: 'question-swap', options: { answerMode: 'write', rounds } });
  room = run(room, 0, { type: 'ready' });
  room = run(room, 1, { type: 'ready' });
  for (const seat of [0, 1] as const) room = run(room, seat, { type: 'move', move: consent });
  return room;
}

describe('ending an activity', () => {
  it('ends for both, tells the other who ended it, and keeps a game left mid-way for the lobby', () => {
    const playing = inGame();
    const cardId = gameState(playing).round!.cardId;
    const room = run(playing, 1, { type: 'end-activity' });
    expect(room.play.activity).toBeNull();
    expect(viewFor(room, 0).ended).toEqual({ activity: 'question-swap', by: 1, at: NOW });
    expect(viewFor(room, 0).kept).toEqual([{ activity: 'question-swap', summary: 'card 1 of 3' }]);

    let again = run(room, 0, { type: 'propose', activity: 'question-swap', options: { resume: true } });
    again = run(run(again, 0, { type: 'ready' }), 1, { type: 'ready' });
    expect(gameState(again).round!.cardId).toBe(cardId);
    expect(again.play.kept).toEqual([]);
    expect(viewFor(again, 0).ended).toBeNull();
  });

  it('an activity both chose to leave (the reveal of What intimacy means to me) names nobody as having ended it', () => {
    const atReveal = (leaving: [boolean, boolean]): Room => {
      const room = fullRoom();
      const state = { ...whatItMeans.setup({}, { audience: 'partners' }, seededRng(1)), revealed: true, leaving };
      return { ...room, play: { ...room.play, activity: { id: 'what-it-means', seed: 1, state, startedAt: NOW } } };
    };
    expect(viewFor(run(atReveal([true, true]), 1, { type: 'end-activity' }), 0).ended).toBeNull();
    // Only one was ready: the other still ended it for both, and is named.
    expect(viewFor(run(atReveal([true, false]), 1, { type: 'end-activity' }), 0).ended).toEqual({ activity: 'what-it-means', by: 1, at: NOW });
  });

  it('Check-in keeps one history: suggesting it again while one is kept picks that one up, so starting over can never replace it', () => {
    let room = run(fullRoom(), 0, { type: 'propose', activity: 'check-in', options: {} });
    room = run(run(room, 0, { type: 'ready' }), 1, { type: 'ready' });
    const history = room.play.activity!.state;
    room = run(room, 1, { type: 'end-activity' });
    expect(room.play.kept.map((k) => k.activity)).toEqual(['check-in']);
    // A plain suggestion, as the lobby's "Suggest" sends it, is a pick-up.
    let again = run(room, 0, { type: 'propose', activity: 'check-in', options: {} });
    expect(again.play.proposal?.options).toEqual({ resume: true });
    again = run(run(again, 0, { type: 'ready' }), 1, { type: 'ready' });
    expect(again.play.activity!.state).toEqual(history);
    expect(again.play.kept).toEqual([]);
    // Question Swap is not like that: a new game may be suggested beside a kept one.
    const kept = run(inGame(), 1, { type: 'end-activity' });
    const fresh = run(kept, 0, { type: 'propose', activity: 'question-swap', options: { answerMode: 'write' } });
    expect(fresh.play.proposal?.options.resume).toBeUndefined();
  });

  it('picking up again needs something kept', () => {
    const result = applyCommand(fullRoom(), 0, { type: 'propose', activity: 'question-swap', options: { resume: true } }, ctx);
    expect(result.ok ? 'ok' : result.error.code).toBe('NOT_FOUND');
  });

  it('a room stored before "ended" existed ends as before', () => {
    const { ended: _, ...play } = inGame().play;
    const room = run({ ...inGame(), play }, 0, { type: 'end-activity' });
    expect(room.play.activity).toBeNull();
  });

  it('the last card opens the closeness question "after" at once; ending afterwards opens no second one', () => {
    let room = inGame(3);
    for (let i = 0; i < 3; i++) {
      for (const seat of [0, 1] as const) room = run(room, seat, { type: 'move', move: answerFor(gameState(room), 'words') });
      for (const seat of [0, 1] as const) room = run(room, seat, { type: 'move', move: { type: 'next', cardId: gameState(room).round!.cardId } });
    }
    expect(gameState(room).phase).toBe('finished');
    expect(viewFor(room, 0).closeness.open?.moment).toBe('after');
    const rounds = room.play.closeness.length;
    room = run(room, 0, { type: 'end-activity' });
    expect(room.play.closeness).toHaveLength(rounds);
    expect(room.play.kept).toEqual([]);
  });
});
