// The HTTP side: security headers, health checks and the built client (any path serves the app,
// so /r/<roomId> links open it).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';

export interface AppOptions {
  clientDir: string;
  /** True when the room store answers. */
  ready: () => Promise<boolean>;
}

export function createApp({ clientDir, ready }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Names and invite codes are in the page: never send a Referer that could carry a room link.
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    const ok = await ready().catch(() => false);
    res.status(ok ? 200 : 503).json({ ok });
  });

  const index = resolve(clientDir, 'index.html');
  // Text goes compressed (the page, scripts, styles, the manifest); Socket.IO's own path never comes here.
  app.use(compression());
  app.use(
    express.static(clientDir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, path) => {
        // The service worker and the manifest say which version is current: always asked again.
        if (path.endsWith('sw.js') || path.endsWith('.webmanifest')) res.setHeader('Cache-Control', 'no-cache');
        // Vite names each built file by its content: a name is never reused for other bytes.
        else if (path.startsWith(resolve(clientDir, 'assets'))) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.get('/{*splat}', (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text').send('The client is not built yet: run `npm run build` (npm start does it for you).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return app;
}
