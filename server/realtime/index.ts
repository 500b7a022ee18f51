// Socket.IO wiring: makes the server and joins its pieces — the handshake, the handler table, fan-out
// to each seat's channel, presence across nodes, and the drain when the node stops.
import { seatedRoom } from './seated.js';
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Cluster as RedisCluster, Redis } from 'ioredis';
import type { Cluster } from '../cluster.js';
import type { Config } from '../config.js';
import { Limits } from '../limits.js';
import type { Logger } from '../log.js';
import { refuse } from '../../shared/protocol.js';
import { seatChannel } from '../channels.js';
import { Pusher } from '../push.js';
import { ROOM_CACHE, RoomService, type RoomNotifier } from '../rooms.js';
import { canKeepSubscriptions, type RoomStore, type StoredRoom } from '../store/types.js';
import { roomRef } from '../tokens.js';
import { InFlight, drainConnections } from './drain.js';
import { LeanEngine } from './engine.js';
import { nodeUid, roomNotifier, seatSocket, showNotice, viewEntries } from './fanout.js';
import { answerEmit } from './handlers.js';
import { originAllowed, seatHandshake } from './handshake.js';
import { LoneNode } from './lone.js';
import { RoomPresence, socketsOnEveryNode } from './presence.js';
import type { CloserServer } from './types.js';

export { clientAddress, originAllowed } from './handshake.js';
export type { CloserServer } from './types.js';

/** Largest message a client may send; a larger one closes its connection. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

export interface Realtime {
  io: CloserServer;
  service: RoomService;
  /** Null when the store cannot keep push subscriptions. */
  pusher: Pusher | null;
  /**
   * Stops presence timers, waits (up to `timeoutMs` in all) for the commands being handled to be
   * answered, then closes every connection once its last answers have been sent.
   */
  drain(timeoutMs: number): Promise<void>;
  /** Several nodes: once the stream readers know where they start, greets the other nodes (lone.ts). */
  greet(): Promise<void>;
}

export function attachRealtime(
  httpServer: HttpServer,
  options: {
    store: RoomStore;
    config: Config;
    log: Logger;
    /** The Redis (and key prefix) that rate limits are counted in, so every node counts together. */
    shared: { redis: Redis | RedisCluster; prefix: string } | null;
    /**
     * Several nodes on Redis: the adapter that carries emits between them, its stream, and where a
     * room's document and stream are (for a lone node's late publication).
     */
    cluster?: Pick<Cluster, 'adapter' | 'stream' | 'positioned' | 'republish' | 'onRoomNotice'> & { keysOf(roomId: string): { roomKey: string; streamKey: string } };
  },
): Realtime {
  const { store, config, log } = options;
  const io: CloserServer = new Server({ serveClient: false, ...(options.cluster ? { adapter: options.cluster.adapter } : {}) });
  // Engine.IO over WebSocket only, lean (engine.ts): Socket.IO and its adapter run on it unchanged.
  const engine = new LeanEngine({
    path: '/socket.io/',
    maxPayload: MAX_MESSAGE_BYTES,
    // A connection that went silent (packets lost, no close) is noticed within interval + timeout, not
    // the default 45 s; what it costs per connection is in docs/RELIABILITY.md.
    pingIntervalMs: config.pingIntervalMs,
    pingTimeoutMs: config.pingTimeoutMs,
    allowRequest: (req, callback) => callback(null, originAllowed(req, config.allowedOrigins)),
  });
  io.bind(engine as unknown as Parameters<CloserServer['bind']>[0]);
  engine.attach(httpServer);

  const pusher = canKeepSubscriptions(store)
    ? new Pusher(store, {
        vapid: config.vapid,
        subject: config.vapidSubject,
        production: config.production,
        log,
        // A seat with a shown page in the room now needs no push; if the nodes cannot be asked, it gets one.
        lookingNow: async (roomId, seat) => (await io.in(seatChannel(roomId, seat)).fetchSockets()).some((s) => !s.data.hidden),
      })
    : null;
  const cluster = options.cluster;
  const lone = cluster && loneNode(io, cluster, store, log);
  const notifier = withPushes(roomNotifier(io, cluster, lone), pusher);
  const service = new RoomService(store, config.lifetimes, notifier, Date.now, ROOM_CACHE, config.roomBytesMax);
  const limits = new Limits(config.limits, options.shared);
  const presence = new RoomPresence(socketsOnEveryNode(io), config.presenceGraceMs, log);
  const seat = seatSocket(service, (roomId) => presence.announce(roomId));
  const inFlight = new InFlight();
  const handshake = seatHandshake({ service, limits, log, trustProxy: config.trustProxy });
  const announcePresence = (roomId: string) => presence.announce(roomId);
  const push = pusher ?? NO_PUSH;
  const answering = { service, limits, notifier, seat, announcePresence, push, log, trustProxy: config.trustProxy, inFlight };

  io.use((socket, next) => void handshake.middleware(socket, next));
  io.on('room:forget', (channel) => service.forgetErased(channel));
  // Another node's commit: this node's copy follows it, and its seats here get their views if need be.
  cluster?.onRoomNotice(showNotice(io, service, (error) => log.warn({ err: { message: error.message } }, 'could not show another node’s commit')));

  io.on('connection', (socket) => {
    const resumed = handshake.takeResumed(socket);
    if (resumed) {
      log.info({ room: roomRef(resumed.roomId), seats: resumed.seats }, 'seat resumed');
      // The device asked for the old id of a moved room: it follows, as a connected one would have.
      if (resumed.movedFrom) socket.emit('room:moved', { roomId: resumed.roomId });
      seat(socket, resumed.roomId, resumed.seats, resumed.devices).catch((error: unknown) =>
        log.error({ err: { message: (error as Error).message } }, 'could not seat a resumed socket'),
      );
    }
    // Every event, known or not, goes through one door, so every acknowledged emit is answered.
    socket.onAny((event: string, ...args: unknown[]) => answerEmit(socket, event, args, answering));
    socket.on('disconnect', (reason) => {
      const roomId = seatedRoom(socket);
      if (roomId) presence.left(roomId, reason);
    });
  });

  return {
    io,
    service,
    pusher,
    async drain(timeoutMs) {
      presence.stop();
      await drainConnections(io, inFlight, timeoutMs);
      await lone?.stop();
    },
    async greet() {
      if (!cluster || !lone) return;
      await cluster.positioned;
      lone.start();
    },
  };
}

/** What a node does about being alone (lone.ts), and how it publishes a room's views late. */
function loneNode(io: CloserServer, cluster: Pick<Cluster, 'republish'> & { keysOf(roomId: string): { roomKey: string; streamKey: string } }, store: RoomStore, log: Logger): LoneNode {
  const republish = (stored: StoredRoom) => {
    const { roomKey, streamKey } = cluster.keysOf(stored.room.id);
    return cluster.republish(roomKey, streamKey, viewEntries(io, stored));
  };
  return new LoneNode(io, {
    uid: () => nodeUid(io),
    republish,
    republishCurrent: async (roomId) => {
      const { stored } = await store.load(roomId);
      if (stored) await republish(stored);
    },
    onError: (error) => log.warn({ err: { message: error.message } }, 'could not publish a room’s views late'),
  });
}

/** A store that cannot keep subscriptions (a test's own): every push request says so. */
const NO_PUSH: Pick<Pusher, 'publicKey' | 'subscribe' | 'unsubscribe'> = {
  publicKey: async () => refuse('NOT_POSSIBLE', 'This server does not send notifications.'),
  subscribe: async () => refuse('NOT_POSSIBLE', 'This server does not send notifications.'),
  unsubscribe: async () => ({ ok: true }),
};

/** The room notifier, plus what a commit or a sign-out means for push subscriptions. */
function withPushes(notifier: RoomNotifier, pusher: Pusher | null): RoomNotifier {
  if (!pusher) return notifier;
  return {
    ...notifier,
    committed: (command, before, after, seat) => pusher.afterCommit(command, before, after, seat),
    deviceSignedOut(roomId, device) {
      notifier.deviceSignedOut(roomId, device);
      pusher.forgetDevice(roomId, device);
    },
  };
}
