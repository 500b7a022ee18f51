// This browser's side of notifications: whether it can show them at all, and its one push subscription
// (a browser has one per site, shared by every room it is on), made with the server's public key through
// the service worker. lib/Notifications.svelte says what happened in words.
import type { PushSubscriptionInput } from '../../shared/push.js';

/** Why this browser cannot be notified, or null when it can try. */
export type PushBlock = 'unsupported' | 'denied' | null;

export function pushBlock(): PushBlock {
  if (typeof window === 'undefined' || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return 'unsupported';
  return Notification.permission === 'denied' ? 'denied' : null;
}

/** How long to wait for the service worker to be found before saying it is not there. */
const WORKER_WAIT_MS = 3_000;

/** The service worker's registration, or null when this page has none (not installed yet, or blocked). */
export async function workerRegistration(): Promise<ServiceWorkerRegistration | null> {
  const found = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  if (!found) return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), WORKER_WAIT_MS));
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

/** This browser's subscription right now (a reload, or another room turned it on), if any. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await workerRegistration();
  return (await registration?.pushManager.getSubscription().catch(() => null)) ?? null;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function sameKey(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const view = new Uint8Array(a);
  return view.every((x, i) => x === b[i]);
}

/**
 * Subscribes this browser with the server's key (keeping a subscription made with the same key). Throws
 * with the browser's own error when its push service does not answer.
 */
export async function subscribeDevice(registration: ServiceWorkerRegistration, publicKey: string): Promise<PushSubscriptionInput> {
  const key = keyBytes(publicKey);
  let subscription = await registration.pushManager.getSubscription();
  if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  return asInput(subscription);
}

export function asInput(subscription: PushSubscription): PushSubscriptionInput {
  const { endpoint, keys } = subscription.toJSON();
  return { endpoint: endpoint ?? '', keys: { p256dh: keys?.p256dh ?? '', auth: keys?.auth ?? '' } };
}
