// Global setup for the integration project: one throwaway Redis for the run, its URL given to tests
// through `inject('redisUrl')` (empty when Redis is missing on a developer's machine).
import type { TestProject } from 'vitest/node';
import { missing } from './requirements.js';
import { redisServerInstalled, startRedis } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!redisServerInstalled()) {
    missing('redis-server', 'apt-get install -y redis-server');
    project.provide('redisUrl', '');
    return;
  }
  const redis = await startRedis();
  project.provide('redisUrl', redis.url);
  return () => redis.stop();
}
