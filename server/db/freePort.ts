import { createServer } from 'node:net';

/** Asks the OS for a free TCP port on a loopback host. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      srv.close(() =>
        addr && typeof addr === 'object' ? resolvePort(addr.port) : reject(new Error('no port')),
      );
    });
  });
}
