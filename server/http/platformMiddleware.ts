import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { HttpMetrics } from '../metrics/httpMetrics.js';
import { recordRequests } from '../metrics/httpMetrics.js';
import { requestLog } from './requestLog.js';

/**
 * Responses never compressed: evidence downloads (mostly compressed formats already, sent with their
 * exact Content-Length and checked against their SHA-256 on the way out) and Socket.IO (engine.io
 * answers before Express, and negotiates its own compression).
 */
const UNCOMPRESSED = /^\/(api\/cases\/[^/]+\/(evidence|documents)\/[^/]+\/download|socket\.io(\/.*)?)$/;

/**
 * Gzip (or deflate/brotli, as the client's Accept-Encoding allows) for JSON, problem documents,
 * metrics and the web client's files above 1 KB; what `compression` finds incompressible (images,
 * archives) and {@link UNCOMPRESSED} paths go as they are.
 */
function shouldCompress(req: Request, res: Response): boolean {
  // asked when the headers go out, inside a router that has cut its mount path from req.url
  const path = req.originalUrl.split('?', 1)[0] ?? '';
  return !UNCOMPRESSED.test(path) && compression.filter(req, res);
}

/**
 * A middleware that sets the same headers as `middleware`, which must only set fixed headers
 * (helmet with static directives does): it runs once at start-up against a recording response, and
 * each request then gets the recorded headers without helmet's per-request work.
 */
export function fixedHeadersOf(
  middleware: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void,
): RequestHandler {
  const headers: [string, number | string | readonly string[]][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: number | string | readonly string[]) => void headers.push([name, value]),
    removeHeader: (name: string) => void removed.push(name),
    getHeader: () => undefined,
  };
  let called = false;
  middleware(
    { headers: {}, method: 'GET', url: '/' } as IncomingMessage,
    recorder as unknown as ServerResponse,
    () => {
      called = true;
    },
  );
  if (!called) throw new Error('fixedHeadersOf: the middleware did not call next() synchronously');
  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/**
 * `compress` only for requests that accept an encoding: without `Accept-Encoding` nothing can be
 * compressed, and `compression` would still wrap the response's writes and negotiate when its headers go
 * out. An answer sent as it is is right for every client, so it needs no `Vary` either.
 */
function compressIfAccepted(compress: RequestHandler): RequestHandler {
  return (req, res, next) => (req.headers['accept-encoding'] ? compress(req, res, next) : next());
}

/** The parts of {@link platformMiddleware}, by name (the middleware benchmark measures each alone). */
export interface PlatformParts {
  metrics: RequestHandler;
  requestLog: RequestHandler;
  securityHeaders: RequestHandler;
  compression: RequestHandler;
}

/** Builds each part of the middleware every request goes through. */
export function platformParts(deps: { logger: Logger; metrics: HttpMetrics }): PlatformParts {
  return {
    metrics: recordRequests(deps.metrics),
    requestLog: requestLog(deps.logger),
    securityHeaders: fixedHeadersOf(
      helmet({
        contentSecurityPolicy: {
          // the web client: scripts from 'self' only; live updates over WebSocket; evidence previews as blob: images
          directives: { 'connect-src': ["'self'", 'ws:', 'wss:'], 'img-src': ["'self'", 'data:', 'blob:'] },
        },
      }),
    ),
    compression: compressIfAccepted(compression({ filter: shouldCompress })),
  };
}

/**
 * The middleware every request goes through, in order: metrics (route pattern, status, latency),
 * request id and request log, security headers (helmet), compression.
 */
export function platformMiddleware(deps: { logger: Logger; metrics: HttpMetrics }): RequestHandler[] {
  const parts = platformParts(deps);
  return [parts.metrics, parts.requestLog, parts.securityHeaders, parts.compression];
}
