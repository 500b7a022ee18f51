// The floor under the floor: a bare `ws` server (the WebSocket library Engine.IO uses), holding each
// connection and reading its messages, nothing more. bench/memory-floor.ts compares a connection's memory
// here with the relay's (Engine.IO and Socket.IO on top) and with Closer's. Run compiled, with PORT set.
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const held = new Set<WebSocket>();
const http = createServer();
const wss = new WebSocketServer({ server: http, clientTracking: false });
wss.on('connection', (socket) => {
  held.add(socket);
  socket.on('message', () => undefined);
  socket.on('close', () => held.delete(socket));
});
http.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
