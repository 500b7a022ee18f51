// How a client sends a request so that it is done exactly once: again after every reconnect, with the
// same command id, until answered. The browser and the integration tests both use it.

/** What this needs of a Socket.IO client socket. */
export interface Reconnecting {
  readonly connected: boolean;
  once(event: 'connect', listener: () => void): unknown;
  off(event: 'connect', listener: () => void): unknown;
}

/**
 * Sends until answered. When the connection drops first (the phone slept, the server node went away),
 * `send` runs again once connected. It must resend the same payload, with the same command id: the
 * server answers a repeat with its first answer, so nothing is done twice. Gives up after `giveUpMs`,
 * or as soon as `stillWanted()` is false (the page moved to another room).
 */
export async function sendUntilAnswered<S extends Reconnecting, T>(
  socket: S,
  send: (socket: S) => Promise<T>,
  options: { giveUpMs: number; stillWanted?: () => boolean },
): Promise<T> {
  const deadline = Date.now() + options.giveUpMs;
  for (;;) {
    try {
      return await send(socket);
    } catch (error) {
      if (options.stillWanted && !options.stillWanted()) throw error;
      await connectedAgain(socket, deadline);
    }
  }
}

/** Resolves once the socket is connected; rejects if that has not happened by `deadline`. */
function connectedAgain(socket: Reconnecting, deadline: number): Promise<void> {
  if (Date.now() >= deadline) return Promise.reject(new Error('No answer in time.'));
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onConnect = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      socket.off('connect', onConnect);
      reject(new Error('No connection in time.'));
    }, deadline - Date.now());
    socket.once('connect', onConnect);
  });
}
