// Builds the Svelte client from client/ into dist/client. In development (`npm run dev`) Vite serves
// the client and forwards the socket to the server on API_PORT.
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./client', import.meta.url));

export default defineConfig({
  root,
  plugins: [svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) })],
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
