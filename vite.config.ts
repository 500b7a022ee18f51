// Builds the Svelte client from client/ into dist/client. In development (`npm run dev`) Vite serves
// the client and forwards the socket to the server on API_PORT. vite-plugin-pwa builds our own service
// worker (client/sw.ts, injectManifest: the precache list is injected into it) and the web app manifest.
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('./client', import.meta.url));

/** The page's own colours (client/index.html's theme-color), so the installed app opens in them. */
const PAPER = '#fbf5ef';

export default defineConfig({
  root,
  plugins: [
    svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      // main.ts registers it itself (a few lines), so no register script is added to the first load.
      injectRegister: false,
      // A new worker waits: it is never swapped in under a running room (client/lib/pwa.svelte.ts).
      registerType: 'prompt',
      injectManifest: { globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'] },
      manifest: {
        name: 'Closer',
        short_name: 'Closer',
        description: 'Small games for two, to feel closer.',
        start_url: '/',
        scope: '/',
        id: '/',
        display: 'standalone',
        theme_color: PAPER,
        background_color: PAPER,
        // A room link (/r/<id>#k=…) opens in the installed app where the platform allows, in its open window.
        handle_links: 'preferred',
        launch_handler: { client_mode: ['navigate-existing', 'auto'] },
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    port: 5173,
    proxy: { '/socket.io': { target: `http://127.0.0.1:${process.env.API_PORT ?? 3001}`, ws: true } },
  },
});
