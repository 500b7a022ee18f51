// The same person on another device: the real server, real Redis, real sockets. A one-time transfer
// code (never the seat token) brings a device into the same seat with its own token; it works once,
// within its lifetime; a seat has at most MAX_DEVICES; either device can sign the other out.
import { createHash } from 'node:crypto';
import { nanoid } from 'nanoid';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { MAX_DEVICES } from '../../shared/devices.js';
import type { Ack, Credential, DeviceOffer, SeatedAnswer } from '../../shared/protocol.js';
import { RedisStore } from '../../server/store/redis.js';
import type { RunningServer } from '../../server/server.js';
import { ROOMY_LIMITS, cid, client, connected, eventually, firstSnapshot, refused, seatedPair, startTestServer, testConfig, type Client } from '../support/server.js';
import { fakeSealed, TEST_SEAL } from '../support/sealed.js';

const redisUrl = inject('redisUrl');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const codeOf = (answer: Ack<object>) => (answer.ok ? 'ok' : answer.error.code);

describe.runIf(redisUrl !== '')('the same person on another device, over Redis', () => {
  const stores: RedisStore[] = [];
  const servers: RunningServer[] = [];
  const open: Client[] = [];
  let server: RunningServer;
  let store: RedisStore;

  async function serve(overrides: Parameters<typeof startTestServer>[1] = {}): Promise<{ server: RunningServer; store: RedisStore }> {
    const s = await RedisStore.connect(redisUrl, `devices-${nanoid(8)}`);
    const running = await startTestServer(s, overrides);
    stores.push(s);
    servers.push(running);
    return { server: running, store: s };
  }

  const connect = (url = server.url, auth: object = {}) => {
    const c = client(url, auth);
    open.push(c);
    return c;
  };

  async function pair(url = server.url) {
    const seated = await seatedPair(url);
    open.push(seated.ada, seated.grace);
    return seated;
  }

  const offer = (c: Client, seat: 0 | 1 = 0): Promise<Ack<DeviceOffer>> => c.socket.emitWithAck('device:offer', { seat });

  async function claim(url: string, roomId: string, code: string, commandId = cid()): Promise<{ device: Client; answer: Ack<SeatedAnswer> }> {
    const device = connect(url);
    await connected(device);
    return { device, answer: await device.socket.emitWithAck('device:claim', { commandId, roomId, code }) };
  }

  async function codeFor(c: Client): Promise<string> {
    const offered = await offer(c);
    if (!offered.ok) throw new Error(offered.error.code);
    return offered.code;
  }

  beforeAll(async () => {
    ({ server, store } = await serve());
  });
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const s of stores) await s.close();
  });

  it('a transfer code brings another device into the same seat once, with its own token; both are in at once', async () => {
    const { ada, roomId, credentials } = await pair();
    const offered = await offer(ada);
    if (!offered.ok) throw new Error(offered.error.code);
    expect(offered.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(offered.code).not.toBe(credentials.ada.token);

    // Stored only as its hash, in the room's own document; what the commit remembers for replays holds neither.
    const [roomKey, resultsKey] = store.roomKeys(roomId);
    const doc = (await store.redis.hget(roomKey, 'doc'))!;
    expect(doc).not.toContain(offered.code);
    expect(doc).toContain(sha256(offered.code));
    expect(JSON.stringify(await store.redis.hgetall(resultsKey))).not.toContain(offered.code);

    const { device: laptop, answer } = await claim(server.url, roomId, offered.code);
    if (!answer.ok) throw new Error(answer.error.code);
    const laptopCred = answer.credentials[0]!;
    expect(laptopCred.seat).toBe(0);
    expect(laptopCred.token).not.toBe(credentials.ada.token);
    expect(laptopCred.device).not.toBe(credentials.ada.device);
    expect(await store.redis.hget(roomKey, 'doc')).not.toContain(laptopCred.token);
    const first = await eventually(() => firstSnapshot(laptop));
    expect(first.seat).toBe(0);
    expect(first.view.devices.map((d) => d.id)).toEqual([credentials.ada.device, laptopCred.device]);

    // Once only.
    expect(codeOf((await claim(server.url, roomId, offered.code)).answer)).toBe('TRANSFER_INVALID');

    // Both of Ada's devices are in: a change from the phone reaches the laptop, and the other way round.
    expect((await ada.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'propose', activity: 'plan-together', options: {} } })).ok).toBe(true);
    await eventually(() => expect(laptop.snapshots.at(-1)?.view.proposal).not.toBeNull());
    expect((await laptop.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'withdraw' } })).ok).toBe(true);
    await eventually(() => expect(ada.snapshots.at(-1)?.view.proposal).toBeNull());

    // The laptop's own token brings it back to the seat, as the phone's does.
    const back = connect(server.url, { roomId, tokens: [laptopCred.token] });
    await connected(back);
    expect((await eventually(() => firstSnapshot(back))).seat).toBe(0);
  });

  it('every way a code can fail answers the same TRANSFER_INVALID, and a new code replaces the old one', async () => {
    const { ada, roomId } = await pair();
    const old = await codeFor(ada);
    const current = await codeFor(ada);
    expect(codeOf((await claim(server.url, roomId, old)).answer)).toBe('TRANSFER_INVALID');
    expect(codeOf((await claim(server.url, roomId, 'x'.repeat(22))).answer)).toBe('TRANSFER_INVALID');
    expect(codeOf((await claim(server.url, 'n'.repeat(21), current)).answer)).toBe('TRANSFER_INVALID');
    expect(codeOf((await claim(server.url, roomId, current)).answer)).toBe('ok');
  });

  it('a code works only within its lifetime', async () => {
    const short = await serve({ lifetimes: { ...testConfig().lifetimes, transferMs: 300 } });
    const { ada, roomId } = await pair(short.server.url);
    const code = await codeFor(ada);
    await new Promise((r) => setTimeout(r, 400));
    expect(codeOf((await claim(short.server.url, roomId, code)).answer)).toBe('TRANSFER_INVALID');
  });

  it('a lost answer, replayed with the same claim id, gets the same device with a fresh token', async () => {
    const { ada, roomId } = await pair();
    const code = await codeFor(ada);
    const commandId = cid();
    const first = (await claim(server.url, roomId, code, commandId)).answer;
    const again = (await claim(server.url, roomId, code, commandId)).answer;
    if (!first.ok || !again.ok) throw new Error('claim failed');
    expect(again.credentials[0]!.device).toBe(first.credentials[0]!.device);
    expect(again.credentials[0]!.token).not.toBe(first.credentials[0]!.token);
    const stale = connect(server.url, { roomId, tokens: [first.credentials[0]!.token] });
    expect((await refused(stale))?.code).toBe('SEAT_REFUSED');
  });

  it(`a seat opens on at most ${MAX_DEVICES} devices, with a clear error`, async () => {
    const { ada, roomId } = await pair();
    for (let n = 1; n < MAX_DEVICES; n++) expect(codeOf((await claim(server.url, roomId, await codeFor(ada))).answer)).toBe('ok');
    const full = await offer(ada);
    expect(codeOf(full)).toBe('DEVICES_FULL');
    expect(full.ok ? '' : full.error.message).toContain(String(MAX_DEVICES));
    await eventually(() => expect(ada.snapshots.at(-1)?.view.can.addDevice).toBe(false));
  });

  it('either device signs the other out: it is told and closed, and its token opens nothing', async () => {
    const { ada, grace, roomId, credentials } = await pair();
    const { device: laptop, answer } = await claim(server.url, roomId, await codeFor(ada));
    if (!answer.ok) throw new Error(answer.error.code);
    const laptopCred: Credential = answer.credentials[0]!;
    await eventually(() => firstSnapshot(laptop));

    const signOut = (c: Client, device: string) =>
      c.socket.emitWithAck('room:command', { commandId: cid(), seat: 0, command: { type: 'sign-out-device', device } });
    // Grace holds no such device of hers; Ada's only device cannot go either, once it is the last.
    expect(codeOf(await grace.socket.emitWithAck('room:command', { commandId: cid(), seat: 1, command: { type: 'sign-out-device', device: laptopCred.device } }))).toBe('NOT_FOUND');

    expect((await signOut(laptop, credentials.ada.device)).ok).toBe(true);
    await eventually(() => expect(ada.received.map((e) => e.event)).toContain('device:signed-out'));
    await eventually(() => expect(ada.socket.connected).toBe(false));
    expect(laptop.socket.connected).toBe(true);
    const phoneAgain = connect(server.url, { roomId, tokens: [credentials.ada.token] });
    expect((await refused(phoneAgain))?.code).toBe('SEAT_REFUSED');
    expect(codeOf(await signOut(laptop, laptopCred.device))).toBe('LAST_DEVICE');
    expect(grace.received.map((e) => e.event)).not.toContain('device:signed-out');
  });

  it('on one shared device there is no other device to add', async () => {
    const tablet = connect();
    await connected(tablet);
    const created = await tablet.socket.emitWithAck('room:create', { commandId: cid(), name: fakeSealed('Ada'), audience: 'partners', mode: 'one-device', partnerName: fakeSealed('Grace'), seal: TEST_SEAL });
    if (!created.ok) throw new Error(created.error.code);
    expect(codeOf(await offer(tablet))).toBe('NOT_POSSIBLE');
  });

  it('wrong codes count against the same budget as wrong invite codes', async () => {
    const strict = await serve({ limits: { ...ROOMY_LIMITS, failedJoinsPerMinute: 3 } });
    const { ada, roomId } = await pair(strict.server.url);
    const answers: string[] = [];
    for (let n = 0; n < 4; n++) answers.push(codeOf((await claim(strict.server.url, roomId, `wrong${n}`.padEnd(22, 'x'))).answer));
    expect(answers).toEqual(['TRANSFER_INVALID', 'TRANSFER_INVALID', 'TRANSFER_INVALID', 'RATE_LIMITED']);
    // Even the right code waits out the budget.
    expect(codeOf((await claim(strict.server.url, roomId, await codeFor(ada))).answer)).toBe('RATE_LIMITED');
  });
});
