// A partner whose device sends what does not open: Ada creates a room in a real page on a phone, and a
// bare client joins as seat 1 with a sealed name that opens to nothing, so a test can send, as seat 1,
// values that do not open (or seal real ones with the room key) and see how Ada's page reads them.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Ack } from '../../shared/protocol.js';
import { importRoomKey, type RoomKey } from '../../shared/sealed/seal.js';
import { PHONE } from './browser.js';
import { createRoom, type BrowserWorld } from './people.js';
import { fakeSealed } from './sealed.js';
import { cid, client, connected, type Client } from './server.js';

export interface BrokenPartner {
  ada: Page;
  /** The room key from the link's fragment, to seal values that do open. */
  key: RoomKey;
  /** The bare client in seat 1; the test closes it. */
  broken: Client;
  /** Sends a room command as seat 1 and answers the ack. */
  send(command: Record<string, unknown>): Promise<Ack<{ version: number }>>;
}

export async function brokenPartner(world: BrowserWorld): Promise<BrokenPartner> {
  const ada = await world.people.open(PHONE);
  const link = await createRoom(ada, world.server.url, 'Ada');
  const key = await importRoomKey(new URL(link).hash.slice(3));
  if (!key.ok) throw new Error('no key');
  const broken: Client = client(world.server.url);
  await connected(broken);
  const roomId = new URL(link).pathname.split('/r/')[1]!;
  expect((await broken.socket.emitWithAck('room:join', { commandId: cid(), roomId, name: fakeSealed('garbage') })).ok).toBe(true);
  const send = (command: Record<string, unknown>) => broken.socket.emitWithAck('room:command', { commandId: cid(), seat: 1, command } as never);
  return { ada, key: key.value, broken, send };
}
