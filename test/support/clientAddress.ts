import { Agent } from 'node:http';

/**
 * An HTTP agent whose connections come from another loopback address (Linux answers the whole
 * 127.0.0.0/8), so a test can be two clients: `request(url).post(...).agent(fromAddress('127.0.0.2'))`.
 */
export function fromAddress(localAddress: string): Agent {
  return new Agent({ localAddress });
}
