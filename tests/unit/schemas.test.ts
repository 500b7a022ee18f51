// Payload checks and the invite code's shape. Names are checked in the browser (Name) before they are sealed;
// the server checks only that a sealed name is well formed.
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, formatCode, normalizeCode } from '../../shared/invite-code.js';
import { CreateRoomSchema, Name, parse } from '../../shared/schemas.js';
import { fakeSealed, TEST_SEAL } from '../support/sealed.js';


describe('names', () => {
  it('are trimmed', () => {
    const result = parse(Name, '  Ada  ');
    expect(result.ok && result.value).toBe('Ada');
  });

  it('must have 1 to 40 characters', () => {
    for (const name of ['', '   ', 'x'.repeat(41)]) {
      expect(parse(Name, name).ok).toBe(false);
    }
    expect(parse(Name, 'x'.repeat(40)).ok).toBe(true);
  });

  it('refuse invisible names and direction overrides', () => {
    for (const name of ['\u200B', 'Ada\u202Eevil', '\u200B\u200B', '\u0301'.repeat(41)]) {
      expect(parse(Name, name).ok, JSON.stringify(name)).toBe(false);
    }
    expect(parse(Name, 'Zoë-Marie 李').ok).toBe(true);
  });

  it('count an emoji as one character, and refuse control characters', () => {
    expect(parse(Name, '👩‍❤️‍👨'.repeat(40)).ok).toBe(true);
    expect(parse(Name, 'Ada\u0000').ok).toBe(false);
  });
});

describe('creating', () => {
  it('one shared device needs the other person’s name', () => {
    const base = { commandId: 'cmd-12345', name: fakeSealed('Ada'), audience: 'partners', mode: 'one-device', seal: TEST_SEAL };
    const missing = parse(CreateRoomSchema, base);
    expect(missing.ok).toBe(false);
    expect(parse(CreateRoomSchema, { ...base, partnerName: fakeSealed('Grace') }).ok).toBe(true);
    expect(parse(CreateRoomSchema, { ...base, partnerName: fakeSealed('Grace'), seal: undefined }).ok).toBe(false);
  });

  it('drops keys it does not know, including __proto__', () => {
    const input = JSON.parse(`{"commandId":"cmd-12345","name":"${fakeSealed('Ada')}","audience":"friends","mode":"two-devices","seal":${JSON.stringify(TEST_SEAL)},"__proto__":{"polluted":true},"admin":true}`);
    const result = parse(CreateRoomSchema, input);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(Object.keys(result.value).sort()).toEqual(['audience', 'commandId', 'mode', 'name', 'seal']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('answers a sentence a person can read', () => {
    const result = parse(Name, '  ');
    expect(result.ok ? '' : result.error.message).toBe('Please type a name.');
    const sealed = parse(CreateRoomSchema, { commandId: 'cmd-12345', name: 'Ada', audience: 'friends', mode: 'two-devices', seal: TEST_SEAL });
    expect(sealed.ok ? '' : sealed.error.message).toBe('That sealed value has the wrong length.');
  });
});

describe('invite codes', () => {
  it('use no look-alike characters', () => {
    for (const c of '01ILOU') expect(CODE_ALPHABET).not.toContain(c);
  });

  it('are read in groups and typed in any case, with or without the dash', () => {
    expect(formatCode('ABCDE23456')).toBe('ABCDE-23456');
    expect(normalizeCode(' abcde-23456 ')).toBe('ABCDE23456');
    expect(normalizeCode('abcde 23456')).toBe('ABCDE23456');
  });

  it('anything else is not a code', () => {
    for (const typed of ['', 'ABCDE', 'ABCDE-2345O', 'ABCDE-234567', '<script>']) expect(normalizeCode(typed)).toBeNull();
  });
});
