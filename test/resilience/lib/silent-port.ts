/**
 * Holds a TCP port and never answers: connections are accepted and then left hanging, as with a database host
 * that stopped responding behind a proxy, a paused container or a dropped network path. Used while the database
 * is stopped, so the service's connection attempts hang instead of being refused.
 */
import { createServer, type Socket } from 'node:net';

export async function holdPortSilently(port: number): Promise<{ release(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    release: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
