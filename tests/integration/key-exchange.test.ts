// Joining by code through the real server and Redis: the server relays the CPace messages between the
// joiner and the creator's open device, one exchange per code; answers out of order, replayed or from the
// wrong seat are refused, a creator who is away leaves the code unused, and wrong codes count as guesses.
import { describe, expect, it } from 'vitest';
import { answerKeyAsk, finishKeyAsk, startKeyAsk, type KeyGive } from '../../shared/sealed/key-exchange.js';
import { browserSeal } from '../support/sealed.js';
import { cid, client, connected, eventually, useServerOnRedis, type Client } from '../support/server.js';

describe('the room key by typed code, over Redis', () => {
  const world = useServerOnRedis('key-exchange');
  const connect = async (auth: object = {}): Promise<Client> => {
    const c = client(world.server.url, auth);
    world.clients.push(c);
    await connected(c);
    return c;
  };

  async function waitingRoom() {
    const ada = await connect();
    const sealed = await browserSeal();
    const created = await ada.socket.emitWithAck('room:create', { commandId: cid(), name: await sealed.name(0, 'Ada'), audience: 'partners', mode: 'two-devices', seal: sealed.seal });
    if (!created.ok) throw new Error(created.error.message);
    const code = await eventually(() => ada.snapshots.at(-1)!.view.invite!.code);
    return { ada, sealed, code, created };
  }

  it('the joiner gets the key from the creator’s device through the server, once per code', async () => {
    const { ada, sealed, code } = await waitingRoom();
    const asked: unknown[] = [];
    ada.socket.on('key:asked', (ask) => asked.push(ask));
    const grace = await connect();
    const given = new Promise<KeyGive>((resolve) => grace.socket.once('key:given', resolve));
    const { secret, ask } = startKeyAsk(code);
    expect(await grace.socket.emitWithAck('key:ask', { code: code.toLowerCase(), ...ask })).toEqual({ ok: true });
    await eventually(() => expect(asked).toEqual([ask]));

    const payload = { key: 'K'.repeat(43), seal: sealed.seal };
    const give = (await answerKeyAsk(code, ask, payload))!;
    // Only the creator's seat may answer, and only the open exchange.
    expect((await grace.socket.emitWithAck('key:give', give)).ok).toBe(false);
    const stray = await ada.socket.emitWithAck('key:give', { ...give, sid: startKeyAsk(code).ask.sid });
    expect(stray.ok ? '' : stray.error.code).toBe('NOT_FOUND');
    expect(await ada.socket.emitWithAck('key:give', give)).toEqual({ ok: true });
    expect(await finishKeyAsk(secret, await given)).toEqual(payload);
    // A replayed answer, and a second exchange on the same code, are refused.
    const replayed = await ada.socket.emitWithAck('key:give', give);
    expect(replayed.ok ? '' : replayed.error.code).toBe('NOT_FOUND');
    const eve = await connect();
    const second = await eve.socket.emitWithAck('key:ask', { code, ...startKeyAsk(code).ask });
    expect(second.ok ? '' : second.error.code).toBe('CODE_INVALID');
    expect(asked).toHaveLength(1);

    // The view never shows the exchange, and the code still seats the joiner.
    expect(ada.snapshots.at(-1)!.view.invite).toEqual({ code, expiresAt: expect.any(Number), used: true });
    const joined = await grace.socket.emitWithAck('room:join-by-code', { commandId: cid(), code, name: await sealed.name(1, 'Grace') });
    expect(joined.ok).toBe(true);
  });

  it('while the creator’s device is away the code is not used up; a wrong code is refused like a join', async () => {
    const { ada, code, created } = await waitingRoom();
    ada.close();
    const grace = await connect();
    const away = await grace.socket.emitWithAck('key:ask', { code, ...startKeyAsk(code).ask });
    expect(away.ok ? '' : away.error.code).toBe('NOT_POSSIBLE');
    const wrong = await grace.socket.emitWithAck('key:ask', { code: 'ZZZZZZZZZZ', ...startKeyAsk('ZZZZZZZZZZ').ask });
    expect(wrong.ok ? '' : wrong.error.code).toBe('CODE_INVALID');
    const back = await connect({ roomId: created.roomId, tokens: [created.credentials[0]!.token] });
    await eventually(() => expect(back.snapshots.length).toBeGreaterThan(0));
    expect(await grace.socket.emitWithAck('key:ask', { code, ...startKeyAsk(code).ask })).toEqual({ ok: true });
  });

  it('malformed exchange messages are BAD_REQUEST', async () => {
    const c = await connect();
    for (const input of [{ code: 'X', sid: 'short', share: 'y'.repeat(43) }, { code: 'X', sid: 's'.repeat(22), share: 'y!'.repeat(21) + 'y' }, { sid: 's'.repeat(22) }]) {
      const answer = await c.socket.emitWithAck('key:ask', input as never);
      expect(answer.ok ? '' : answer.error.code).toBe('BAD_REQUEST');
    }
    const give = await c.socket.emitWithAck('key:give', { sid: 's'.repeat(22), share: 'y'.repeat(43), box: 'short' });
    expect(give.ok ? '' : give.error.code).toBe('BAD_REQUEST');
  });
});
