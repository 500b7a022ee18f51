// Fan-out: each taken seat gets its own view, addressed to that seat's channel alone.
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { joinRoom } from '../../../shared/room.js';
import { seatChannel } from '../../../server/channels.js';
import { eventPacket, seatViews } from '../../../server/realtime/fanout.js';
import { NOW, seat, waitingRoom } from '../../support/rooms.js';

describe('views per seat', () => {
  it('a free seat gets nothing', () => {
    const views = seatViews({ version: 3, room: waitingRoom() });
    expect(views.map((v) => v.channel)).toEqual([seatChannel('r'.repeat(21), 0)]);
  });

  it("each seat's view goes to its own channel and is that seat's view", () => {
    const joined = joinRoom(waitingRoom(), seat('Grace', 1), NOW);
    if (!joined.ok) throw new Error('join failed');
    const views = seatViews({ version: 4, room: joined.value.room });
    expect(views.map(({ channel, snapshot }) => [channel, snapshot.seat, snapshot.view.you, snapshot.version])).toEqual([
      [seatChannel('r'.repeat(21), 0), 0, 0, 4],
      [seatChannel('r'.repeat(21), 1), 1, 1, 4],
    ]);
  });
});

describe('a view encoded once', () => {
  it('is the packet Socket.IO would write, and its client reads it back as the event', () => {
    const joined = joinRoom(waitingRoom(), seat('Grace «née» \u2028', 1), NOW);
    if (!joined.ok) throw new Error('join failed');
    const [snapshot] = seatViews({ version: 4, room: joined.value.room }).map((v) => v.snapshot);
    if (!snapshot) throw new Error('no view');
    const packet = eventPacket('room:snapshot', snapshot);
    expect([packet]).toEqual(new Encoder().encode({ type: PacketType.EVENT, nsp: '/', data: ['room:snapshot', snapshot] }));
    const decoded: Packet[] = [];
    const decoder = new Decoder();
    decoder.on('decoded', (p: Packet) => decoded.push(p));
    decoder.add(packet);
    expect(decoded).toEqual([{ type: PacketType.EVENT, nsp: '/', data: ['room:snapshot', JSON.parse(JSON.stringify(snapshot))] }]);
  });
});
