// The installed app's page side: registers the service worker (client/sw.ts), notices a new version
// waiting (offered as "Update" in the lobby only, never swapped in by itself), and keeps the browser's
// install offer (beforeinstallprompt) for the lobby's suggestion. Small on purpose: it is in the first load.

interface InstallPrompt extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

class AppOnDevice {
  /** A new version installed and waiting for the old one's windows (or "Update"). */
  waiting = $state<ServiceWorker | null>(null);
  /** The browser's install offer, where it makes one (Chromium); null elsewhere or once installed. */
  installable = $state<InstallPrompt | null>(null);
  registration: ServiceWorkerRegistration | null = null;

  start(): void {
    addEventListener('beforeinstallprompt', (event) => {
      // Ours is offered in the lobby, once, and can be dismissed; not the browser's own bar.
      event.preventDefault();
      this.installable = event as InstallPrompt;
    });
    addEventListener('appinstalled', () => (this.installable = null));
    // In development (vite serve) there is no /sw.js: the registration fails quietly.
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then((registration) => {
        this.registration = registration;
        const watch = (worker: ServiceWorker | null) => {
          if (!worker) return;
          const check = () => {
            // Only an update waits behind a controller; a first install has nothing to replace.
            if (worker.state === 'installed' && navigator.serviceWorker.controller) this.waiting = worker;
          };
          check();
          worker.addEventListener('statechange', check);
        };
        watch(registration.waiting);
        registration.addEventListener('updatefound', () => watch(registration.installing));
      })
      .catch(() => undefined);
  }

  /** The person chose to update (from the lobby): the new worker takes over, and the page reloads once. */
  update(): void {
    const worker = this.waiting;
    if (!worker) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    worker.postMessage({ type: 'skip-waiting' });
  }

  async install(): Promise<void> {
    const offer = this.installable;
    if (!offer) return;
    this.installable = null;
    await offer.prompt();
  }
}

export const appOnDevice = new AppOnDevice();
