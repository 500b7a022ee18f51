// What a command costs the kernel: on loopback a write is most of what a small message costs, so the
// asker's view and its answer go out together, and the partner's view, which the partner waits for,
// goes first in a write of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/server.js';
import { MemoryStore } from '../../server/store/memory.js';
import { recordKernelWrites, type KernelWrite } from '../support/kernel-writes.js';
import { cid, eventually, seatedPair, startTestServer } from '../support/server.js';

describe('the writes of one command', () => {
  let server: RunningServer;
  let writes: KernelWrite[];

  beforeAll(async () => {
    server = await startTestServer(new MemoryStore());
    writes = recordKernelWrites(server.http);
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
