// A push service on loopback for tests: it takes pushes at /push/<device>, checks their VAPID signature
// (RFC 8292) and decrypts them (RFC 8291, aes128gcm) with a subscription made here — the test's own P-256
// key pair and auth secret, as a browser's push manager would make them.
import { createECDH, createHmac, createPublicKey, createDecipheriv, hkdfSync, randomBytes, verify, type ECDH } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PushSubscriptionInput } from '../../shared/push.js';

export interface ReceivedPush {
  device: string;
  /** The plaintext, decrypted with the device's own keys. */
  text: string;
  /** The VAPID public key the request was signed with (it verified). */
  vapidKey: string;
  audience: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface PushService {
  url: string;
  received: ReceivedPush[];
  /** Requests that could not be verified or decrypted (none expected). */
  problems: string[];
  /** A new device: its subscription, for /push/<device>. */
  subscription(device: string): PushSubscriptionInput;
  /** What the service answers for a device from now on (201 unless told). */
  answer(device: string, status: number): void;
  close(): Promise<void>;
}

const b64 = (bytes: Buffer) => bytes.toString('base64url');

function hmac(key: Buffer, data: Buffer): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** RFC 8291 section 3.4 and RFC 8188: one aes128gcm record, decrypted with the receiver's keys. */
export function decryptAes128gcm(body: Buffer, receiver: ECDH, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const senderPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const shared = receiver.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), receiver.getPublicKey(), senderPublic]);
  const ikm = hmac(hmac(authSecret, shared), Buffer.concat([keyInfo, Buffer.from([1])]));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(-16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, -16)), decipher.final()]);
  // The last record ends with the delimiter 2, then any zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('no last-record delimiter');
  return padded.subarray(0, end).toString('utf8');
}

/** Checks `Authorization: vapid t=<JWT>, k=<key>`: an ES256 JWT signed by k. Answers k and the JWT's aud. */
function checkVapid(header: string | undefined): { key: string; audience: string } {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? '');
  if (!match) throw new Error(`no VAPID authorization: ${header}`);
  const [jwt, key] = [match[1]!, match[2]!];
  const [head, claims, signature] = jwt.split('.') as [string, string, string];
  const point = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64(point.subarray(1, 33)), y: b64(point.subarray(33, 65)) }, format: 'jwk' });
  const signed = verify('sha256', Buffer.from(`${head}.${claims}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!signed) throw new Error('VAPID signature does not verify');
  const { aud } = JSON.parse(Buffer.from(claims, 'base64url').toString()) as { aud: string };
  return { key, audience: aud };
}

export async function startPushService(): Promise<PushService> {
  const devices = new Map<string, { ecdh: ECDH; auth: Buffer; status: number }>();
  const received: ReceivedPush[] = [];
  const problems: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const device = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1] ?? '';
      const keys = devices.get(device);
      if (!keys) return void res.writeHead(404).end();
      try {
        if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error(`content-encoding ${req.headers['content-encoding']}`);
        const { key, audience } = checkVapid(req.headers.authorization);
        const text = decryptAes128gcm(Buffer.concat(chunks), keys.ecdh, keys.auth);
        received.push({ device, text, vapidKey: key, audience, headers: req.headers });
      } catch (error) {
        problems.push((error as Error).message);
      }
      res.writeHead(keys.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    problems,
    subscription(device) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      devices.set(device, { ecdh, auth, status: 201 });
      return { endpoint: `${url}/push/${device}`, keys: { p256dh: b64(ecdh.getPublicKey()), auth: b64(auth) } };
    },
    answer(device, status) {
      const keys = devices.get(device);
      if (keys) keys.status = status;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
