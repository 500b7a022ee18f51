// The lean Engine.IO server (server/realtime/engine.ts) on a real HTTP server, spoken to by real
// socket.io-client sockets and by raw WebSockets where the wire itself is what is tested: the open
// packet, pings and their timeout, refusals, the close reasons Socket.IO passes on, the other routes.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import WebSocket from 'ws';
import { recordKernelWrites } from '../support/kernel-writes.js';
import { LeanEngine, holdWrites, type EngineOptions } from '../../server/realtime/engine.js';

interface Running {
  url: string;
  io: Server;
  engine: LeanEngine;
  http: HttpServer;
}

const open: Running[] = [];
const clients: ClientSocket[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  for (const { io, http } of open.splice(0)) {
    await io.close();
    await new Promise((resolve) => http.close(resolve));
  }
});

async function start(options: Partial<EngineOptions> = {}): Promise<Running> {
  const http = createServer((_req, res) => res.end('the app'));
  const engine = new LeanEngine({
    path: '/socket.io/',
    pingIntervalMs: 5_000,
    pingTimeoutMs: 4_000,
    maxPayload: 1_000,
    allowRequest: (_req, callback) => callback(null, true),
    ...options,
  });
  const io = new Server({ serveClient: false });
  io.bind(engine as unknown as Parameters<Server['bind']>[0]);
  engine.attach(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const running = { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, io, engine, http };
  open.push(running);
  return running;
}

function client(url: string, auth: Record<string, unknown> = {}): ClientSocket {
  const socket = connectClient(url, { transports: ['websocket'], reconnection: false, auth });
  clients.push(socket);
  return socket;
}

/** A raw WebSocket on the engine's path, and every text message it got. */
async function raw(url: string, query = 'EIO=4&transport=websocket'): Promise<{ ws: WebSocket; messages: string[] }> {
  const ws = new WebSocket(`${url.replace('http:', 'ws:')}/socket.io/?${query}`);
  const messages: string[] = [];
  ws.on('message', (data) => messages.push(data.toString()));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { ws, messages };
}

/** The status line and body an upgrade was refused with. */
function refusedUpgrade(url: string, query: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http:', 'ws:')}/socket.io/?${query}`, { headers });
    ws.once('open', () => reject(new Error('the upgrade was taken')));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once('error', () => undefined);
  });
}

const until = async (check: () => boolean, ms = 3_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('the lean engine', () => {
  it('opens with Engine.IO’s open packet and carries Socket.IO events and acks both ways', async () => {
    const { url, io } = await start();
    io.on('connection', (socket) => {
      socket.emit('hello', socket.handshake.auth, socket.handshake.address, socket.handshake.headers);
      socket.on('echo', (value: unknown, ack: (value: unknown) => void) => ack({ echoed: value }));
    });
    const { ws, messages } = await raw(url);
    await until(() => messages.length > 0);
    const openPacket = JSON.parse(messages[0]!.slice(1)) as Record<string, unknown>;
    expect(messages[0]![0]).toBe('0');
    expect(openPacket).toMatchObject({ upgrades: [], pingInterval: 5_000, pingTimeout: 4_000, maxPayload: 1_000 });
    expect(String(openPacket.sid)).toMatch(/^[\w-]{20}$/);
    ws.close();

    const socket = connectClient(url, { transports: ['websocket'], reconnection: false, auth: { who: 'a' }, extraHeaders: { 'X-Forwarded-For': '203.0.113.7', 'Accept-Language': 'fr' } });
    clients.push(socket);
    const hello = new Promise<unknown[]>((resolve) => socket.once('hello', (...args: unknown[]) => resolve(args)));
    // Of the request's headers, the socket keeps those Closer reads later.
    expect(await hello).toEqual([{ who: 'a' }, '127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }]);
    expect(await socket.emitWithAck('echo', 'café ☕')).toEqual({ echoed: 'café ☕' });
  });

  it('pings every interval; a client that answers stays, one that does not is closed after the timeout', async () => {
    const { url, io, engine } = await start({ pingIntervalMs: 200, pingTimeoutMs: 100 });
    const reasons: string[] = [];
    io.on('connection', (socket) => socket.on('disconnect', (reason) => reasons.push(reason)));

    const answering = await raw(url);
    answering.ws.on('message', (data) => data.toString() === '2' && answering.ws.send('3'));
    answering.ws.send('40');
    const silent = await raw(url);
    silent.ws.send('40');
    const silentClosed = new Promise((resolve) => silent.ws.once('close', resolve));
    const startedAt = Date.now();
    await silentClosed;
    const silentFor = Date.now() - startedAt;
    // Pinged an interval after it opened (to within a tick of 100 ms), closed a timeout later.
    expect(silentFor).toBeGreaterThanOrEqual(150);
    expect(silentFor).toBeLessThan(1_500);
    expect(reasons).toEqual(['ping timeout']);

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(answering.ws.readyState).toBe(WebSocket.OPEN);
    expect(answering.messages.filter((m) => m === '2').length).toBeGreaterThanOrEqual(4);
    expect(engine.clientsCount).toBe(1);
  });

  it('socket.io-client keeps its connection across many pings', async () => {
    const { url } = await start({ pingIntervalMs: 50, pingTimeoutMs: 50 });
    const socket = client(url);
    const disconnects: string[] = [];
    socket.on('disconnect', (reason) => disconnects.push(reason));
    await until(() => socket.connected);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(socket.connected).toBe(true);
    expect(disconnects).toEqual([]);
  });

  it('a busy event loop that calls the tick late still pings each socket every interval, and closes no one who answered', async () => {
    // socket.io-client gives up on a server silent for interval + timeout (1.5 s here). The loop below is
    // busy 300 ms at a time, so the tick's timer is called every ~300 ms instead of every 50 ms: a ring
    // moved one turn a call would ping each socket every ~3 s.
    const { url, io } = await start({ pingIntervalMs: 500, pingTimeoutMs: 1_000 });
    const reasons: string[] = [];
    io.on('connection', (socket) => socket.on('disconnect', (reason) => reasons.push(reason)));
    const socket = client(url);
    const disconnects: string[] = [];
    socket.on('disconnect', (reason) => disconnects.push(reason));
    await until(() => socket.connected);
    const pings: number[] = [];
    socket.io.engine.on('ping', () => pings.push(Date.now()));

    const busyUntil = Date.now() + 4_000;
    while (Date.now() < busyUntil) {
      const blockedUntil = Date.now() + 300;
      while (Date.now() < blockedUntil);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(disconnects).toEqual([]);
    expect(reasons).toEqual([]);
    expect(socket.connected).toBe(true);
    // Each ping came within the interval and one busy stretch of the one before.
    const gaps = pings.slice(1).map((at, i) => at - pings[i]!);
    expect(pings.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...gaps)).toBeLessThan(1_200);
  });

  it('a pong that came while the loop was busy past its deadline is read before anyone is closed', async () => {
    const { url, io } = await start({ pingIntervalMs: 200, pingTimeoutMs: 100 });
    const reasons: string[] = [];
    io.on('connection', (socket) => socket.on('disconnect', (reason) => reasons.push(reason)));
    const { ws, messages } = await raw(url);
    let stalled = false;
    ws.on('message', (data) => {
      if (data.toString() !== '2') return;
      ws.send('3');
      // The first time, the whole process (this client and the server alike) stalls past the pong's
      // deadline right after the pong was sent: it waits unread while the server's tick comes due.
      if (stalled) return;
      stalled = true;
      const until = Date.now() + 250;
      while (Date.now() < until);
    });
    ws.send('40');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(stalled).toBe(true);
    expect(reasons).toEqual([]);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    expect(messages.filter((m) => m === '2').length).toBeGreaterThanOrEqual(3);
  });

  it('refuses what it does not speak as engine.io does, and serves every other route as before', async () => {
    const { url } = await start({ allowRequest: (req, callback) => callback(null, req.headers.origin !== 'https://elsewhere.example') });
    const polling = await fetch(`${url}/socket.io/?EIO=4&transport=polling`);
    expect(polling.status).toBe(400);
    expect(await polling.json()).toEqual({ code: 0, message: 'Transport unknown' });
    const plainWebsocket = await fetch(`${url}/socket.io/?EIO=4&transport=websocket`);
    expect(await plainWebsocket.json()).toEqual({ code: 3, message: 'Bad request' });
    expect(await (await fetch(`${url}/elsewhere`)).text()).toBe('the app');

    expect(await refusedUpgrade(url, 'EIO=3&transport=websocket')).toEqual({ status: 400, body: 'Unsupported protocol version' });
    expect(await refusedUpgrade(url, 'EIO=4&transport=websocket&sid=abc')).toEqual({ status: 400, body: 'Session ID unknown' });
    expect(await refusedUpgrade(url, 'EIO=4&transport=polling')).toEqual({ status: 400, body: 'Transport unknown' });
    expect(await refusedUpgrade(url, 'EIO=4&transport=websocket', { Origin: 'https://elsewhere.example' })).toEqual({ status: 400, body: 'Forbidden' });
  });

  it('closes on what breaks the protocol, with the reason Socket.IO passes on', async () => {
    const { url, io } = await start();
    const reasons: string[] = [];
    io.on('connection', (socket) => socket.on('disconnect', (reason) => reasons.push(reason)));
    const closedOn = async (send: (ws: WebSocket) => void) => {
      const { ws } = await raw(url);
      ws.send('40');
      await until(() => io.engine.clientsCount === 1 && io.sockets.sockets.size === 1);
      const closed = new Promise((resolve) => ws.once('close', resolve));
      send(ws);
      await closed;
      await until(() => io.sockets.sockets.size === 0);
      return reasons.at(-1);
    };
    expect(await closedOn((ws) => ws.send('x'))).toBe('parse error');
    expect(await closedOn((ws) => ws.send('2'))).toBe('transport error');
    expect(await closedOn((ws) => ws.send(`42${JSON.stringify(['big', 'x'.repeat(2_000)])}`))).toBe('transport error');
    expect(await closedOn((ws) => ws.send('1'))).toBe('transport close');
    expect(await closedOn((ws) => ws.close())).toBe('transport close');
    expect(io.engine.clientsCount).toBe(0);
  });

  it('a server-side close sends what was written first; binary goes through as binary', async () => {
    const { url, io } = await start();
    io.on('connection', (socket) => {
      socket.on('bytes', (bytes: Buffer, ack: (length: number) => void) => ack(bytes.length));
      socket.on('leave', () => {
        socket.emit('goodbye', 'last words');
        socket.conn.close();
      });
    });
    const socket = client(url);
    await until(() => socket.connected);
    expect(await socket.emitWithAck('bytes', new Uint8Array([1, 2, 3, 4, 5]))).toBe(5);
    const goodbye = new Promise((resolve) => socket.once('goodbye', resolve));
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
    socket.emit('leave');
    expect(await goodbye).toBe('last words');
    expect(await disconnected).toBe('transport close');
  });

  it('held writes go out together once the task’s promises have settled, and unheld ones one by one', async () => {
    const { url, io, http } = await start();
    // The server's side of each connection, its writes to the kernel counted (a corked batch is one _writev).
    const writes = recordKernelWrites(http);
    io.on('connection', (socket) => {
      socket.on('ask', async (hold: boolean, ack: (answer: string) => void) => {
        if (hold) holdWrites(socket.conn);
        socket.emit('view', 'the view');
        socket.emit('view', 'and another');
        await Promise.resolve();
        ack('the answer');
      });
    });
    const socket = client(url);
    await until(() => socket.connected);
    const views: string[] = [];
    socket.on('view', (view: string) => views.push(view));
    for (const hold of [false, true]) {
      writes.length = 0;
      views.length = 0;
      expect(await socket.emitWithAck('ask', hold)).toBe('the answer');
      expect(views).toEqual(['the view', 'and another']);
      // Three frames (ws gives each a header and its data): in three writes to the kernel, or in one.
      expect(writes.map((w) => w.chunks)).toEqual(hold ? [6] : [2, 2, 2]);
    }
  });

  it('io.close() closes every connection', async () => {
    const { url, io, engine } = await start();
    const sockets = [client(url), client(url), client(url)];
    await until(() => sockets.every((s) => s.connected));
    expect(engine.clientsCount).toBe(3);
    const reasons: string[] = [];
    for (const s of sockets) s.on('disconnect', (reason) => reasons.push(reason));
    await io.close();
    await until(() => reasons.length === 3);
    expect(engine.clientsCount).toBe(0);
  });
});
