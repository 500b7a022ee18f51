// Where a push may go, and sending one there. A subscription's endpoint is a URL a browser chose, so it
// is also a URL anyone could send us: in production only a public https push service by its host name,
// and the address it resolves to is checked again at connect time (a name may point anywhere, and may
// change between the check and the request). Loopback over http is allowed outside production, for tests.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { lookup as dnsLookup } from 'node:dns';
import webpush from 'web-push';
import type { PushSubscriptionInput } from '../shared/push.js';

/** Addresses no push service lives at: loopback, private, link-local, shared, documentation, multicast… */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 3],
] as const) PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 127], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for an address (v4 or v6) that is not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  // An IPv4-mapped IPv6 address (dotted or in hex) is checked as the IPv4 address it is.
  const mapped = mappedIPv4(address);
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function mappedIPv4(address: string): string | null {
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (dotted) return dotted;
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const [high, low] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** Why a push may not go to `endpoint`, in words a person can read; null when it may. */
export function endpointProblem(endpoint: string, production: boolean): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'A push endpoint must be a web address.';
  }
  if (url.username || url.password) return 'A push endpoint cannot carry a user name or password.';
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'http:') return !production && loopback ? null : 'A push endpoint must be an https address.';
  if (url.protocol !== 'https:') return 'A push endpoint must be an https address.';
  if (!production) return null;
  if (loopback || url.hostname.endsWith('.localhost') || !url.hostname.includes('.')) return 'A push endpoint must be a public push service.';
  if (isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0) return 'A push endpoint must name its push service, not an address.';
  if (url.port !== '' && url.port !== '443') return 'A push endpoint must use the standard https port.';
  return null;
}

/** A DNS lookup that refuses to connect to a private address (production), whatever the name said. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const usable = addresses.filter((a) => !isPrivateAddress(a.address));
    if (usable.length === 0) return callback(Object.assign(new Error('The push service resolves to a private address.'), { code: 'EPRIVATE' }), '', 0);
    if (options.all) return (callback as unknown as (e: null, all: typeof usable) => void)(null, usable);
    const first = usable[0]!;
    callback(null, first.address, first.family);
  });
};

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/** How long a push service keeps a push for a device that is offline: a day's news, no longer. */
const PUSH_TTL_SECONDS = 12 * 3600;
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Encrypts `payload` for the subscription (RFC 8291, aes128gcm), signs the request with the VAPID keys
 * (RFC 8292) and sends it. Answers the push service's status; a network failure rejects.
 */
export function deliverPush(subscription: PushSubscriptionInput, payload: string, vapid: VapidKeys, production: boolean): Promise<number> {
  const details = webpush.generateRequestDetails(subscription, payload, {
    vapidDetails: vapid,
    TTL: PUSH_TTL_SECONDS,
    urgency: 'normal',
    contentEncoding: 'aes128gcm',
  });
  const url = new URL(details.endpoint);
  const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: details.method,
        headers: details.headers,
        timeout: REQUEST_TIMEOUT_MS,
        ...(production ? { lookup: publicOnlyLookup } : {}),
      },
      (res: IncomingMessage) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('The push service did not answer in time.'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(details.body);
  });
}
