// Every write to the kernel on the server's side of each WebSocket connection an HTTP server upgrades
// from now on: Node hands a socket's writes to `_write` one by one, or to `_writev` as a corked batch.
import type { Server as HttpServer } from 'node:http';

/** One write to the kernel: whose connection (in the order they were upgraded), its chunks and their text. */
export interface KernelWrite {
  connection: number;
  chunks: number;
  text: string;
}

type Chunk = { chunk: Buffer | string } | Buffer | string;
type Writable = { _write: (chunk: Chunk, ...rest: unknown[]) => unknown; _writev: (chunks: Chunk[], ...rest: unknown[]) => unknown };

const text = (chunk: Chunk) => (typeof chunk === 'object' && 'chunk' in chunk ? chunk.chunk : chunk).toString('latin1');

/** Records the writes of every connection `http` upgrades after this call, into the array it returns. */
export function recordKernelWrites(http: HttpServer): KernelWrite[] {
  const writes: KernelWrite[] = [];
  let connections = 0;
  http.on('upgrade', (_req, socket: Writable) => {
    const connection = connections++;
    const [write, writev] = [socket._write, socket._writev];
    socket._write = function (this: unknown, chunk: Chunk, ...rest: unknown[]) {
      writes.push({ connection, chunks: 1, text: text(chunk) });
      return write.call(this, chunk, ...rest);
    };
    socket._writev = function (this: unknown, chunks: Chunk[], ...rest: unknown[]) {
      writes.push({ connection, chunks: chunks.length, text: chunks.map(text).join('') });
      return writev.call(this, chunks, ...rest);
    };
  });
  return writes;
}
