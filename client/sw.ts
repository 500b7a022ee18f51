/// <reference lib="webworker" />
// The service worker (built by vite-plugin-pwa with injectManifest): it keeps this version of the app on
// the device, so Closer opens offline and a running room keeps the code it started with; and it shows
// the opt-in notifications, with the name filled in from what this device keeps (lib/push-names.ts).
import { CATALOG } from '../shared/activities/catalog.js';
import { notificationText, type PushMessage } from '../shared/push.js';
import { notifiedRoom } from './lib/push-names.js';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

const PRECACHE = self.__WB_MANIFEST;
/** One cache per build: its name changes with the precache list, so a new worker never mixes versions. */
const CACHE = `closer-${hash(PRECACHE.map((e) => `${e.url}@${e.revision ?? ''}`).join('|'))}`;
const SHELL = '/index.html';
/** Always asked of the server, never answered from the cache. */
const LIVE = new Set(['/healthz', '/readyz']);

function hash(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = (h * 33) ^ text.charCodeAt(i);
  return (h >>> 0).toString(36);
}

const absolute = (url: string) => new URL(url, self.location.origin).href;

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the person taps "Update" in the lobby, or every
  // window of the old one has closed, so it never changes under a running room.
  // The plugin lists the manifest's icons twice; addAll refuses duplicates.
  const urls = [...new Set(PRECACHE.map((e) => absolute(e.url)))];
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(urls)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('closer-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'skip-waiting') void self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/socket.io') || LIVE.has(url.pathname)) return;
  // Every page of the app is the same shell (the server answers any path with index.html).
  const key = request.mode === 'navigate' ? absolute(SHELL) : request.url;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(key)) ?? fetch(request)),
  );
});

self.addEventListener('push', (event) => {
  const message = readMessage(event.data);
  if (!message) return;
  event.waitUntil(
    notifiedRoom(message.roomId).then((room) => {
      const name = room?.names[message.by] ?? '';
      const title = message.activity ? CATALOG[message.activity]?.title ?? null : null;
      const { title: heading, body } = notificationText(message, name, title);
      return self.registration.showNotification(heading, {
        body,
        icon: '/icon-192.png',
        tag: `${message.roomId}:${message.kind}`,
        data: { url: `/r/${message.roomId}` },
      });
    }),
  );
});

function readMessage(data: PushMessageData | null): PushMessage | null {
  try {
    const parsed = data?.json() as PushMessage | undefined;
    return parsed && typeof parsed.roomId === 'string' && typeof parsed.kind === 'string' && (parsed.by === 0 || parsed.by === 1) ? parsed : null;
  } catch {
    return null;
  }
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = absolute((event.notification.data as { url?: string } | null)?.url ?? '/');
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const open = windows.find((w) => w.url === url) ?? windows[0];
      if (!open) return void (await self.clients.openWindow(url));
      await open.focus();
      if (open.url !== url) await open.navigate(url);
    }),
  );
});
