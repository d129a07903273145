import { ipKeyGenerator } from 'express-rate-limit';
import type { Request } from 'express';

/**
 * The client address a limit counts by: `req.ip` (the socket's peer, or the proxy's forwarded address
 * when `TRUST_PROXY` says so), with IPv4-mapped IPv6 as IPv4 and IPv6 by its /56 network, since one
 * subscriber usually holds a whole range.
 */
export function clientAddressKey(req: Request): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}
