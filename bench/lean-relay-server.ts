// The relay of bench/relay-server.ts without Socket.IO's server: Closer's lean engine
// (server/realtime/engine.ts) carries the Engine.IO side, and the few Socket.IO v5 packets a relay needs are
// read and written here by hand, so socket.io-client and the lean client connect to it unchanged. What it
// measures: what Socket.IO's own server layer costs a pair on top of the engine (bench/memory-floor.ts).
//
// The protocol asks little of a server: CONNECT `40{auth}` is answered `40{sid}`, `42<id>["relay",msg]` goes
// to the pair's other socket as `42["relayed",msg]` and is acked `43<id>[]`. No namespaces, binary or
// recovery. Run compiled, with PORT set, as relay-server.ts.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { seconds } from '../server/config.js';
import { LeanEngine, type EngineConnection } from '../server/realtime/engine.js';

const engine = new LeanEngine({
  path: '/socket.io/',
  pingIntervalMs: seconds(process.env, 'PING_INTERVAL_SECONDS', 25_000),
  pingTimeoutMs: seconds(process.env, 'PING_TIMEOUT_SECONDS', 20_000),
  maxPayload: 1e6,
  allowRequest: (_req, callback) => callback(null, true),
});
const pairs = new Map<string, Set<EngineConnection>>();

engine.on('connection', (conn: EngineConnection) => {
  let pair: string | null = null;
  conn.on('data', (packet: string) => {
    if (packet[0] === '0' && pair === null) {
      const auth = packet.length > 1 ? (JSON.parse(packet.slice(1)) as { pair?: unknown }) : {};
      pair = String(auth.pair);
      let members = pairs.get(pair);
      if (!members) pairs.set(pair, (members = new Set()));
      members.add(conn);
      conn.write(`0${JSON.stringify({ sid: randomBytes(15).toString('base64url') })}`);
    } else if (packet[0] === '2' && pair !== null) {
      const open = packet.indexOf('[');
      const id = packet.slice(1, open);
      const [event, message] = JSON.parse(packet.slice(open)) as [string, unknown];
      if (event !== 'relay') return;
      const relayed = `2${JSON.stringify(['relayed', message])}`;
      for (const other of pairs.get(pair)!) if (other !== conn) other.write(relayed);
      if (id) conn.write(`3${id}[]`);
    } else if (packet[0] === '1') {
      conn.close();
    }
  });
  conn.on('close', () => {
    if (pair === null) return;
    const members = pairs.get(pair)!;
    members.delete(conn);
    if (members.size === 0) pairs.delete(pair);
  });
});

const http = createServer();
engine.attach(http);
http.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
