// CPace checked against the specification's own test vectors (draft-irtf-cfrg-cpace, appendix "Test vector
// for CPace using group ristretto255 and hash SHA-512"), then as two parties with right and wrong codes.
import { describe, expect, it } from 'vitest';
import {
  bytesToNumberLE,
  calculateGenerator,
  generatorString,
  isk,
  sampleScalar,
  scalarMultVfy,
  share,
  transcriptIr,
} from '../../shared/sealed/cpace.js';

const hex = (h: string) => Uint8Array.from(h.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const text = (s: string) => new TextEncoder().encode(s);

const PRS = text('Password');
const CI = hex('0b415f696e69746961746f720b425f726573706f6e646572');
const SID = hex('7e4b4791d6a8ef019b936c79fb7f2c57');
const ya = bytesToNumberLE(hex('da3d23700a9e5699258aef94dc060dfda5ebb61f02a5ea77fad53f4ff0976d08'));
const yb = bytesToNumberLE(hex('d2316b454718c35362d83d69df6320f38578ed5984651435e2949762d900b80d'));

describe('CPace over ristretto255 against the draft test vectors', () => {
  it('builds the generator string and the generator', () => {
    expect(toHex(generatorString(PRS, CI, SID))).toBe(
      '11435061636552697374726574746f3235350850617373776f726464' +
        '00'.repeat(100) +
        '180b415f696e69746961746f720b425f726573706f6e646572107e4b4791d6a8ef019b936c79fb7f2c57',
    );
    expect(toHex(calculateGenerator(PRS, CI, SID))).toBe(
      '222b6b195fe84b1652badb6f6a3ae3d24341e7306967f0b8115b40d5698c7e56',
    );
  });

  it('gives the messages, the shared point and the ISK of the vectors', () => {
    const Ya = share(ya, PRS, CI, SID);
    const Yb = share(yb, PRS, CI, SID);
    expect(toHex(Ya)).toBe('d6bac480f2c386c394efc7c47adb9925dcd2630b64f240c50f8d0eec482b9157');
    expect(toHex(Yb)).toBe('3ea7e0b19560d7c0b0f5734f63b955286dfa8232b5ebe63324e2d9e7433f7258');
    const K = scalarMultVfy(ya, Yb)!;
    expect(toHex(K)).toBe('80b69a8a76457ab6a4d7f887a4bf6b55a2f80ac19c333f917a05fc9887c8b40f');
    expect(toHex(scalarMultVfy(yb, Ya)!)).toBe(toHex(K));
    const transcript = transcriptIr(Ya, text('ADa'), Yb, text('ADb'));
    expect(toHex(isk(SID, K, transcript))).toBe(
      'b69effbf61b51d56401c0f65601abe428de8206feaaf0e32198896dcae7b35cd2b38950a39dfd5d4a79164614c2984f7daa460b588c1e80c3fa2068af7900447',
    );
  });

  it('refuses an invalid point and the identity', () => {
    expect(scalarMultVfy(ya, new Uint8Array(32))).toBeUndefined(); // the identity's encoding
    expect(scalarMultVfy(ya, new Uint8Array(32).fill(0xff))).toBeUndefined(); // not a canonical encoding
  });

  it('two browsers with the same code reach the same key; a wrong code gives unrelated keys', () => {
    const run = (codeA: string, codeB: string) => {
      const a = sampleScalar();
      const b = sampleScalar();
      const Ya = share(a, text(codeA), CI, SID);
      const Yb = share(b, text(codeB), CI, SID);
      const transcript = transcriptIr(Ya, text(''), Yb, text(''));
      return [toHex(isk(SID, scalarMultVfy(a, Yb)!, transcript)), toHex(isk(SID, scalarMultVfy(b, Ya)!, transcript))];
    };
    const [same1, same2] = run('K7Q2M9', 'K7Q2M9');
    expect(same1).toBe(same2);
    const [wrong1, wrong2] = run('K7Q2M9', 'K7Q2M8');
    expect(wrong1).not.toBe(wrong2);
  });
});
