import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { notFoundHandler } from './problemMiddleware.js';

/** Paths the single-page app never answers (the API, the socket, probes). */
const NOT_THE_APP = /^\/(api|socket\.io|healthz|readyz|metrics)(\/|$)/;

/** A source map, however the path is spelled (`express.static` matches case-insensitively on some disks). */
const SOURCE_MAP = /\.map$/i;

/** The built web client next to the sources (`client/dist`) or next to the compiled server (`dist/server`). */
export function findClientDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, '../../client/dist'), join(here, '../../../client/dist')].find((d) =>
    existsSync(join(d, 'index.html')),
  );
}

/**
 * Serves the built web client from `dir` when it holds an `index.html`: hashed assets cached for a
 * year, `index.html` never cached, and `index.html` for any other GET that asks for HTML (client-side
 * routes such as `/cases/abc`). In production source maps are refused (404): they would hand out the
 * client's sources, comments included.
 */
export function serveClient(app: Express, dir: string | undefined, opts: { production: boolean }): void {
  if (!dir || !existsSync(join(dir, 'index.html'))) return;
  if (opts.production) {
    app.use((req, res, next) => {
      if (SOURCE_MAP.test(req.path)) notFoundHandler(req, res, next);
      else next();
    });
  }
  app.use(
    express.static(dir, {
      index: false,
      setHeaders: (res, path) =>
        res.setHeader(
          'Cache-Control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    }),
  );
  app.use((req, res, next) => {
    // browsers navigating send `Accept: text/html`; API clients and probes get the 404 problem
    const wantsHtml = (req.get('accept') ?? '').includes('text/html');
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_THE_APP.test(req.path) || !wantsHtml) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
}
