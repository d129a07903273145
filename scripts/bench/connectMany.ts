import { io as connect, type Socket } from 'socket.io-client';

/** Opens `n` websocket clients with a token, 50 at a time; rejects on the first `connect_error`. */
export async function connectMany(url: string, token: string | undefined, n: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < n; i += 50) {
    const batch = Array.from({ length: Math.min(50, n - i) }, () =>
      connect(url, {
        auth: token ? { token } : {},
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      }),
    );
    await Promise.all(
      batch.map(
        (s) => new Promise<void>((r, j) => (s.once('connect', () => r()), s.once('connect_error', j))),
      ),
    );
    sockets.push(...batch);
  }
  return sockets;
}
