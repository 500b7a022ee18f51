// Where each view goes. Each seat has its own Socket.IO room (seatChannel) and a view is only ever sent
// there: to this node's other sockets first, then the asker's own. The other nodes hear of the change through
// the commit: its room notice, from which each renders the views of the seats it holds (showNotice),
// with the views themselves beside it while a node that does not render is known — and nothing while
// this node knows no other node (server/realtime/lone.ts), which then publishes late if need be.
import { seatIn, seatedRoom } from './seated.js';
import type { SeatIndex, ServerToClientEvents, Snapshot } from '../../shared/protocol.js';
import { viewFor } from '../../shared/room.js';
import { deviceChannel, roomChannel, seatChannel, seatChannelOf } from '../channels.js';
import { broadcastEntry, type Cluster } from '../cluster.js';
import type { RoomNotifier, RoomService } from '../rooms.js';
import type { RoomParts } from '../store/documents.js';
import { roomNoticeEntry, type RoomNotice } from '../store/outbox.js';
import type { StoredRoom } from '../store/types.js';
import { holdWrites } from './engine.js';
import type { LoneNode } from './lone.js';
import type { CloserServer, CloserSocket } from './types.js';
import { asError } from '../log.js';

export function snapshotFor(stored: StoredRoom, seat: SeatIndex): Snapshot {
  return { version: stored.version, seat, view: viewFor(stored.room, seat) };
}

/** One view per taken seat, each addressed to that seat's channel alone. */
export function seatViews(stored: StoredRoom): { channel: string; seat: SeatIndex; snapshot: Snapshot }[] {
  const room = roomChannel(stored.room.id);
  return ([0, 1] as const)
    .filter((seat) => stored.room.seats[seat])
    .map((seat) => ({ channel: seatChannelOf(room, seat), seat, snapshot: snapshotFor(stored, seat) }));
}

/**
 * A server event as Socket.IO writes it to a socket of the main namespace (socket.io-parser's EVENT
 * packet, `2["event",payload]`), made once: a commit's views are encoded while Redis runs the commit,
 * so what is left to do for the partner once it answers is the write itself.
 */
export function eventPacket<E extends keyof ServerToClientEvents>(event: E, ...args: Parameters<ServerToClientEvents[E]>): string {
  return `2${JSON.stringify([event, ...args])}`;
}

/**
 * An encoded packet to each of this node's sockets in a seat's channel but `skip` (the asker, who gets
 * its own after), one by one rather than as a broadcast: a seat's channel holds one socket or a few, and a
 * broadcast made an operator, three sets and a pre-encoded frame copied out of Node's shared buffer pool
 * for each, whose slabs then outlived the young space (ArrayBuffer memory that brings on V8's full
 * collections: docs/PERFORMANCE.md). Written to the socket's Engine.IO connection as Socket.IO itself
 * would (its client's `writeToEngine`), which does nothing once that connection has closed.
 */
function sendLocal(io: CloserServer, channel: string, packet: string, skip?: CloserSocket): void {
  const ids = io.of('/').adapter.rooms.get(channel);
  if (!ids) return;
  for (const id of ids) {
    if (id !== skip?.id) io.sockets.sockets.get(id)?.conn.write(packet);
  }
}

/** This node's id in the cluster: its stream reader skips messages carrying it. */
export function nodeUid(io: CloserServer): string {
  return (io.of('/').adapter as unknown as { uid: string }).uid;
}

/** A change's views in the stream's format, one entry per taken seat. */
export function viewEntries(io: CloserServer, stored: StoredRoom): string[][] {
  return seatViews(stored).map(({ channel, snapshot }) => broadcastEntry(nodeUid(io), channel, [], 'room:snapshot', snapshot));
}

/**
 * What a commit writes for the other nodes: its notice, and the views too unless every node renders them
 * from the notice (`render`). A view sent again (no parts) has only its views.
 */
function publicationOf(io: CloserServer, next: StoredRoom, sends: { channel: string; snapshot: Snapshot }[], parts: RoomParts | undefined, render: boolean): string[][] {
  const uid = nodeUid(io);
  const views = render ? [] : sends.map(({ channel, snapshot }) => broadcastEntry(uid, channel, [], 'room:snapshot', snapshot));
  if (!parts) return views;
  const notice = { roomId: next.room.id, channel: roomChannel(next.room.id), version: next.version, doc: parts.doc, added: parts.added, render };
  return [...views, roomNoticeEntry(uid, notice)];
}

/** How a commit reaches the other nodes: not at all (alone), by its notice alone, or with its views too. */
type Reach = 'alone' | 'notice' | 'views';

function reachOf(lone: LoneNode | undefined, parts: RoomParts | undefined): Reach {
  if (lone?.alone) return 'alone';
  return parts && lone?.othersRender ? 'notice' : 'views';
}

export function roomNotifier(io: CloserServer, cluster: Pick<Cluster, 'stream'> | undefined, lone?: LoneNode): RoomNotifier {
  return {
    prepare(next, askedBy, parts) {
      const asker = askedBy === undefined ? undefined : io.sockets.sockets.get(askedBy);
      // Made once, on first need: while the commit is on its way to Redis (render), or by the publication
      // when the views go into the stream.
      let sends: { channel: string; snapshot: Snapshot; packet: string; asker: CloserSocket | undefined }[] | undefined;
      const views = () =>
        (sends ??= seatViews(next).map(({ channel, seat, snapshot }) => ({
          channel,
          snapshot,
          packet: eventPacket('room:snapshot', snapshot),
          asker: asker?.data.seats.includes(seat) ? asker : undefined,
        })));
      // Alone, nobody would read them: the node remembers the room instead, once committed. With its
      // notice alone, it remembers the room too, for a node that does not render heard of later.
      const reach = cluster ? reachOf(lone, parts) : undefined;
      const epoch = lone?.currentEpoch ?? 0;
      return {
        // The other nodes hear of it from the commit itself: no round trip of their own on anyone's path.
        // The room as written comes with it, so a node holding the version before keeps its copy current.
        publication:
          cluster && reach !== 'alone'
            ? { stream: cluster.stream, entries: publicationOf(io, next, reach === 'views' ? views() : [], parts, reach === 'notice') }
            : undefined,
        render: () => void views(),
        deliver() {
          if (reach === 'alone') lone?.committedUnpublished(next, epoch);
          if (reach === 'notice') lone?.committedViewless(next, epoch);
          // The other sockets first: the partner waits for this, the asker for its answer, which follows.
          const seats = views();
          for (const { channel, packet, asker: mine } of seats) sendLocal(io, channel, packet, mine);
          // The asker's view and its answer, which follows once this task's promises settle, go out as one write.
          const held = seats.find(({ asker: mine }) => mine)?.asker;
          if (held) holdWrites(held.conn);
          for (const { packet, asker: mine } of seats) mine?.conn.write(packet);
        },
      };
    },
    seatRemoved(roomId, seat) {
      io.to(seatChannel(roomId, seat)).emit('seat:removed');
      io.in(seatChannel(roomId, seat)).disconnectSockets(true);
    },
    moved(oldId, newId) {
      // After the creator's answer has gone out (it is sent once this task's promises settle).
      setImmediate(() => {
        io.to(roomChannel(oldId)).emit('room:moved', { roomId: newId });
        io.in(roomChannel(oldId)).disconnectSockets(true);
      });
    },
    deviceSignedOut(roomId, device) {
      // After the asker's answer has gone out: a device may sign itself out.
      setImmediate(() => {
        io.to(deviceChannel(roomId, device)).emit('device:signed-out');
        io.in(deviceChannel(roomId, device)).disconnectSockets(true);
      });
    },
    erased(roomId) {
      lone?.erased(roomId);
      io.to(roomChannel(roomId)).emit('room:erased');
      io.in(roomChannel(roomId)).disconnectSockets(true);
      // The other nodes let go of their copy of it (RoomService's cache), named by its opaque channel.
      // A node without the cluster adapter has no other nodes (and its adapter would warn on stderr).
      if (cluster) io.serverSideEmit('room:forget', roomChannel(roomId));
    },
  };
}

/**
 * Another node's commit (its room notice): this node's copy of the room follows it, and where the commit
 * published no views (`render`), each seat with sockets here gets its view of the room at that version.
 * From the copy when it is at the version before (the common case: no round trip), else from a load; a
 * load that finds a later version sends nothing, as that version's own notice is still to come (the
 * stream is read in order), so no view overtakes what the stream carries before it.
 */
export function showNotice(
  io: CloserServer,
  service: Pick<RoomService, 'heardCommit' | 'loadCurrent'>,
  onError: (error: Error) => void,
): (notice: RoomNotice) => void {
  const heldHere = (channel: string) => io.of('/').adapter.rooms.has(channel);
  const send = (stored: StoredRoom) => {
    const room = roomChannel(stored.room.id);
    for (const seat of [0, 1] as const) {
      const channel = seatChannelOf(room, seat);
      if (stored.room.seats[seat] && heldHere(channel)) sendLocal(io, channel, eventPacket('room:snapshot', snapshotFor(stored, seat)));
    }
  };
  return (notice) => {
    // Kept current only where someone on this node is in the room.
    if (!heldHere(notice.channel)) return;
    const held = service.heardCommit(notice);
    if (!notice.render || held === 'later') return;
    if (held) return send(held);
    service.loadCurrent(notice.roomId).then(
      (stored) => {
        if (stored?.version === notice.version) send(stored);
      },
      (error: unknown) => onError(asError(error)),
    );
  };
}

/**
 * Puts a socket in its room's channel, its seats' channels and its devices' channels, then sends it
 * everything it may see.
 */
export type SeatSocket = (socket: CloserSocket, roomId: string, seats: SeatIndex[], devices: string[]) => Promise<void>;

export function seatSocket(service: Pick<RoomService, 'loadCurrent'>, announcePresence: (roomId: string) => Promise<void>): SeatSocket {
  return async (socket, roomId, seats, devices) => {
    const previous = seatedRoom(socket);
    if (previous && previous !== roomId) {
      for (const name of [...socket.rooms]) if (name !== socket.id) await socket.leave(name);
    }
    seatIn(socket, roomId, seats, devices);
    // Join first, then load: a change committed in between reaches this socket either way (in the
    // load, or as a broadcast it now receives). Loading first would miss it until the next change.
    await socket.join([roomChannel(roomId), ...seats.map((s) => seatChannel(roomId, s)), ...devices.map((d) => deviceChannel(roomId, d))]);
    const stored = await service.loadCurrent(roomId);
    // Erased or expired a moment ago: closing makes the client ask again, and hear that the room is gone.
    if (!stored) return void socket.disconnect(true);
    for (const s of seats) socket.emit('room:snapshot', snapshotFor(stored, s));
    // Not awaited: asking the other nodes must not hold up this socket's answer.
    void announcePresence(roomId);
  };
}
