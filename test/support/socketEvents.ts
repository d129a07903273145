import type { ClientSocket } from './testServer.js';

/** Emits a client event and resolves with its acknowledgement. */
export function emitAck<T>(socket: ClientSocket, event: string, payload: unknown): Promise<T> {
  return new Promise((resolve) => {
    (socket.emit as (e: string, p: unknown, ack: (res: T) => void) => void)(event, payload, resolve);
  });
}

/** Resolves with the first push of `event` that matches `pred`; rejects after `ms`. */
export function waitFor<T>(
  socket: ClientSocket,
  event: string,
  pred: (p: T) => boolean = () => true,
  ms = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    const on = (p: T) => {
      if (!pred(p)) return;
      clearTimeout(timer);
      (socket.off as (e: string, f: unknown) => void)(event, on);
      resolve(p);
    };
    (socket.on as (e: string, f: unknown) => void)(event, on);
  });
}

/** Collects every push of `event` a socket receives from now on. */
export function collect<T>(socket: ClientSocket, event: string): T[] {
  const got: T[] = [];
  (socket.on as (e: string, f: (p: T) => void) => void)(event, (p) => got.push(p));
  return got;
}

/** Resolves once the socket is disconnected, with the reason; rejects after `ms`. */
export function disconnected(socket: ClientSocket, ms = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) {
      resolve('not connected');
      return;
    }
    const timer = setTimeout(() => reject(new Error(`still connected after ${ms} ms`)), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** Waits `ms` milliseconds. */
export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
