// Entry point: read the configuration, start the server, stop cleanly on SIGTERM/SIGINT.
import { loadConfig } from './config.js';
import { tuneHeap } from './heap.js';
import { createLogger } from './log.js';
import { startServer } from './server.js';

tuneHeap();
const config = loadConfig();
const log = createLogger(config.logLevel);

const server = await startServer(config, log).catch((error: unknown) => {
  log.fatal({ err: { message: (error as Error).message } }, 'could not start');
  process.exit(1);
});
log.info({ port: server.port }, `Closer is listening on http://localhost:${server.port}`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping: no new connections, closing sockets');
  setTimeout(() => process.exit(1), config.shutdownGraceMs).unref();
  await server.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
