// The baseline: a bare Socket.IO relay with the same socket.io version and transport as Closer, and no
// store. A's message is passed to the other socket of its pair (a Socket.IO room) and A gets an ack.
// run.ts compiles it with the server and runs it as its own process, with PORT set. Socket.IO's own ping
// timing (25 s, 20 s) unless PING_INTERVAL_SECONDS / PING_TIMEOUT_SECONDS say otherwise, as for Closer
// (whose defaults are 5 s and 4 s: server/config.ts), so a run can give both the same.
// RELAY_ENGINE=lean binds it to Closer's lean engine (server/realtime/engine.ts) instead of engine.io.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { seconds } from '../server/config.js';
import { LeanEngine } from '../server/realtime/engine.js';
import type { RelayClientEvents, RelayServerEvents } from './pairs.js';

const pingInterval = seconds(process.env, 'PING_INTERVAL_SECONDS', 25_000);
const pingTimeout = seconds(process.env, 'PING_TIMEOUT_SECONDS', 20_000);
const io = new Server<RelayClientEvents, RelayServerEvents>({ transports: ['websocket'], serveClient: false, pingInterval, pingTimeout });

io.on('connection', (socket) => {
  const pair = String((socket.handshake.auth as { pair?: unknown }).pair);
  void socket.join(pair);
  socket.on('relay', (message, ack) => {
    socket.to(pair).emit('relayed', message);
    ack();
  });
});

const http = createServer();
if (process.env.RELAY_ENGINE === 'lean') {
  const engine = new LeanEngine({ path: '/socket.io/', pingIntervalMs: pingInterval, pingTimeoutMs: pingTimeout, maxPayload: 1e6, allowRequest: (_req, callback) => callback(null, true) });
  io.bind(engine as unknown as Parameters<typeof io.bind>[0]);
  engine.attach(http);
} else {
  io.attach(http);
}
http.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
