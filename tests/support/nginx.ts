// A real nginx on loopback running the project's deploy/nginx.conf in front of the given nodes.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { freePort } from './redis-server.js';
import { eventually } from './server.js';

const NGINX = ['/usr/sbin/nginx', 'nginx'].find((path) => spawnSync(path, ['-v']).status === 0) ?? null;

export function nginxInstalled(): boolean {
  return NGINX !== null;
}

/** deploy/nginx.conf with the nodes on loopback ports, one worker (so round robin is predictable) and a free port. */
export function loopbackConfig(nodePorts: number[], port: number): string {
  const shipped = readFileSync('deploy/nginx.conf', 'utf8');
  const servers = nodePorts.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n    ');
  const config = shipped
    .replace(/upstream closer \{[^}]*\}/, `upstream closer {\n    ${servers}\n  }`)
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('worker_processes auto;', 'worker_processes 1;');
  if (config.includes('app1:3000') || !config.includes(`listen 127.0.0.1:${port};`)) {
    throw new Error('deploy/nginx.conf no longer has the shape this test rewrites');
  }
  return config;
}

export interface Nginx {
  url: string;
  stop(): Promise<void>;
}

export async function startNginx(nodePorts: number[]): Promise<Nginx> {
  if (!NGINX) throw new Error('nginx is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'closer-nginx-'));
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), loopbackConfig(nodePorts, port));
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', `daemon off; pid ${join(dir, 'nginx.pid')};`], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await eventually(async () => expect((await fetch(`${url}/healthz`)).status).toBe(200), 10_000);
  } catch (error) {
    const log = (() => {
      try {
        return readFileSync(join(dir, 'error.log'), 'utf8');
      } catch {
        return '';
      }
    })();
    child.kill('SIGKILL');
    throw new Error(`nginx did not start: ${(error as Error).message}\n${log}`);
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
