// What a command costs the kernel: on loopback a write is most of what a small message costs, so the
// asker's view and its answer go out together, and the partner's view, which the partner waits for,
// goes first in a write of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.js';
import { MemoryStore } from '../../server/store/memory.js';
import { cid, eventually, seatedPair, startTestServer } from '../support/server.js';

/** Each write to the kernel on the server's side of a connection: whose, and the text it carried. */
interface Write {
  connection: number;
  text: string;
}

type Chunk = { chunk: Buffer | string } | Buffer | string;
type Writable = { _write: (chunk: Chunk, ...rest: unknown[]) => unknown; _writev: (chunks: Chunk[], ...rest: unknown[]) => unknown };

const text = (chunk: Chunk) => (typeof chunk === 'object' && 'chunk' in chunk ? chunk.chunk : chunk).toString('latin1');

describe('the writes of one command', () => {
  let server: RunningServer;
  const writes: Write[] = [];

  beforeAll(async () => {
    server = await startTestServer(new MemoryStore());
    let connections = 0;
    server.http.on('upgrade', (_req, socket: Writable) => {
      const connection = connections++;
      const [write, writev] = [socket._write, socket._writev];
      socket._write = function (this: unknown, chunk: Chunk, ...rest: unknown[]) {
        writes.push({ connection, text: text(chunk) });
        return write.call(this, chunk, ...rest);
      };
      socket._writev = function (this: unknown, chunks: Chunk[], ...rest: unknown[]) {
        writes.push({ connection, text: chunks.map(text).join('') });
        return writev.call(this, chunks, ...rest);
      };
    });
  });
  afterAll(() => server.close());

  it("the partner's view goes first in a write of its own; the asker's view and answer in one", async () => {
    const { ada, grace } = await seatedPair(server.url);
    const asked = writes.length;
    const sent = grace.received.length;
    const answer = await ada.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'set-apart', apart: true } });
    expect(answer.ok).toBe(true);
    await eventually(() => expect(grace.received.length).toBe(sent + 1));
    // What the command made: its views and its answer (not a ping, nor presence sent late after seating).
    const made = writes.slice(asked).filter(({ text }) => text.includes('room:snapshot') || text.includes('"ok":'));
    const [partner, asker, ...more] = made;
    expect(more).toEqual([]);
    expect(partner!.text).toContain('room:snapshot');
    expect(partner!.text).not.toContain('"ok":true');
    expect(asker!.connection).not.toBe(partner!.connection);
    expect(asker!.text).toContain('room:snapshot');
    expect(asker!.text).toContain('"ok":true');
    ada.close();
    grace.close();
  });
});
