// Joining by code: the room key reaches the joiner through CPace keyed by the code, and nothing opens for a
// device that used another code or when a relayed message was changed.
import { describe, expect, it } from 'vitest';
import { answerKeyAsk, finishKeyAsk, startKeyAsk } from '../../shared/sealed/key-exchange.js';
import { fakeSealed } from '../support/sealed.js';

const payload = { key: 'K'.repeat(43), seal: { id: 'i'.repeat(22), check: fakeSealed('check') } };

describe('the room key by typed code', () => {
  it('both sides with the same code: the joiner opens the key and the seal', async () => {
    const { secret, ask } = startKeyAsk('ABCDE23456');
    const give = await answerKeyAsk('ABCDE23456', ask, payload);
    expect(give).not.toBeNull();
    expect(await finishKeyAsk(secret, give!)).toEqual(payload);
  });

  it('another code, a changed share, a changed box or another session: nothing opens', async () => {
    const { secret, ask } = startKeyAsk('ABCDE23456');
    const wrong = await answerKeyAsk('ABCDE23457', ask, payload);
    expect(await finishKeyAsk(secret, wrong!)).toBeNull();
    const give = (await answerKeyAsk('ABCDE23456', ask, payload))!;
    const other = (await answerKeyAsk('ABCDE23456', startKeyAsk('ABCDE23456').ask, payload))!;
    expect(await finishKeyAsk(secret, { ...give, share: other.share })).toBeNull();
    expect(await finishKeyAsk(secret, { ...give, box: other.box })).toBeNull();
    expect(await finishKeyAsk(secret, { ...give, sid: other.sid })).toBeNull();
    expect(await finishKeyAsk(secret, { ...give, box: 'AAAA' })).toBeNull();
  });

  it('a share that is not a point is refused without an answer', async () => {
    const { ask } = startKeyAsk('ABCDE23456');
    expect(await answerKeyAsk('ABCDE23456', { ...ask, share: 'A'.repeat(43) }, payload)).toBeNull();
    expect(await answerKeyAsk('ABCDE23456', { ...ask, sid: 'short' }, payload)).toBeNull();
  });
});
