// Global setup for the browser tests: build the client once, and check that Chromium is there.
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromiumAvailable } from './browser.js';
import { missing } from './requirements.js';

declare module 'vitest' {
  export interface ProvidedContext {
    clientDir: string;
    chromium: boolean;
  }
}

export const E2E_CLIENT_DIR = 'dist/client';

export default async function setup(project: TestProject) {
  const chromium = chromiumAvailable();
  if (!chromium) missing('Chromium', 'apt-get install -y chromium');
  project.provide('chromium', chromium);
  if (chromium) await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  project.provide('clientDir', E2E_CLIENT_DIR);
}
