// Starts a throwaway Redis Cluster: three masters, each with one replica, on free ports, its node files
// in a temp dir. A master can be killed (SIGKILL) and started again, to watch its replica take over.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createServer } from 'node:net';
import { freePort } from './redis-server.js';

export interface RedisClusterProcess {
  /** host:port of every node, as REDIS_CLUSTER_NODES takes them. */
  nodes: string[];
  /** The port of the master serving `key`'s slot now. */
  masterOf(key: string): Promise<number>;
  /** Kills a node outright and waits until its replica is master of every slot it had. */
  failOver(port: number): Promise<number>;
  /** Starts a killed node again (same port, same node file): it rejoins as a replica. */
  restart(port: number): Promise<void>;
  stop(): Promise<void>;
}

const NODE_TIMEOUT_MS = 1_000;
/** A cluster node also listens on its port + 10,000 (the cluster bus), so its port is at most 55,535. */
const BUS_OFFSET = 10_000;
const HIGHEST_PORT = 65_535 - BUS_OFFSET;

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free port whose cluster bus port is free too (a random free port's often is not, or is past 65,535). */
async function clusterPort(taken: number[]): Promise<number> {
  for (let tries = 0; tries < 100; tries++) {
    const port = await freePort();
    if (port > HIGHEST_PORT || taken.includes(port) || taken.includes(port + BUS_OFFSET)) continue;
    if (await portFree(port + BUS_OFFSET)) return port;
  }
  throw new Error('Redis Cluster: no free port with a free cluster bus port after 100 tries');
}

function startNode(port: number, dir: string): ChildProcess {
  return spawn(
    'redis-server',
    [
      '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir,
      '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`,
      '--cluster-node-timeout', String(NODE_TIMEOUT_MS),
    ],
    { stdio: 'ignore' },
  );
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Redis Cluster: ${what} did not happen in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function ask<T>(port: number, run: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return await run(redis);
  } finally {
    redis.disconnect();
  }
}

/** CLUSTER SLOTS: each range of slots with its master's [host, port, id] first. */
type Slots = [from: number, to: number, master: [string, number, string]][];

function slotsOf(port: number): Promise<Slots> {
  return ask(port, (r) => r.cluster('SLOTS') as unknown as Promise<Slots>);
}

/** Whether every node still running sees the cluster whole. */
async function clusterOk(ports: number[]): Promise<boolean> {
  for (const port of ports) {
    const info = await ask(port, (r) => r.cluster('INFO') as Promise<string>);
    if (!info.includes('cluster_state:ok')) return false;
  }
  return true;
}

/** Whether every master has a replica that is online (a commit waits for one). */
async function replicasInSync(ports: number[]): Promise<boolean> {
  for (const port of ports) {
    const info = await ask(port, (r) => r.info('replication'));
    if (info.includes('role:master') && !/slave0:.*state=online/.test(info)) return false;
  }
  return true;
}

export async function startRedisCluster(): Promise<RedisClusterProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'closer-cluster-'));
  const ports: number[] = [];
  const children = new Map<number, ChildProcess>();
  // Another process may take a port between the check and redis-server's bind: a node that exits is
  // started again on another port rather than waited for.
  for (let exits = 0; ports.length < 6; ) {
    if (exits > 10) throw new Error('Redis Cluster: redis-server exited at start more than 10 times');
    const port = await clusterPort(ports);
    const child = startNode(port, dir);
    const answered = await until(`node ${port} answering`, async () => {
      if (child.exitCode !== null || child.signalCode !== null) return false;
      return (await ask(port, (r) => r.ping())) === 'PONG' ? true : undefined;
    });
    if (answered) {
      ports.push(port);
      children.set(port, child);
    } else exits++;
  }
  const created = spawnSync('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '1', '--cluster-yes'], {
    encoding: 'utf8',
  });
  if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stderr || created.stdout}`);
  const running = () => ports.filter((p) => children.get(p)?.exitCode === null && children.get(p)?.signalCode === null);
  await until('cluster_state:ok', async () => ((await clusterOk(running())) ? true : undefined));
  await until('every replica in sync', async () => ((await replicasInSync(ports)) ? true : undefined));

  const masterOf = (key: string) =>
    until(`a master for ${key}`, async () => {
      for (const port of running()) {
        const slot = await ask(port, (r) => r.cluster('KEYSLOT', key) as Promise<number>);
        const shards = await slotsOf(port);
        const range = shards.find(([from, to]) => slot >= from && slot <= to);
        if (range && running().includes(range[2][1])) return range[2][1];
      }
      return undefined;
    });

  const kill = (port: number) =>
    new Promise<void>((resolve) => {
      const child = children.get(port);
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });

  return {
    nodes: ports.map((p) => `127.0.0.1:${p}`),
    masterOf,
    async failOver(port) {
      const slots = await slotsOf(port);
      const mine = slots.filter(([, , master]) => master[1] === port);
      await kill(port);
      return until('the replica taking over', async () => {
        const survivor = running()[0]!;
        const now = await slotsOf(survivor);
        const owner = now.find(([from]) => from === mine[0]?.[0])?.[2][1];
        return owner !== undefined && owner !== port && (await clusterOk(running())) ? owner : undefined;
      });
    },
    async restart(port) {
      children.set(port, startNode(port, dir));
      await until(`node ${port} back`, async () => ((await ask(port, (r) => r.ping())) === 'PONG' ? true : undefined));
      await until('cluster_state:ok after the restart', async () => ((await clusterOk(running())) ? true : undefined));
      await until('every replica in sync after the restart', async () => ((await replicasInSync(running())) ? true : undefined));
    },
    async stop() {
      await Promise.all(ports.map(kill));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
