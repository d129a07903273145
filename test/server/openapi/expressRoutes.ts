import type { Express } from 'express';

/** What the test reads of an Express 5 (router 2) layer. */
interface Layer {
  rawPath?: unknown;
  slash?: boolean;
  route?: { path: unknown; methods: Record<string, boolean | undefined> };
  handle?: { stack?: Layer[] };
}

const joinPath = (prefix: string, path: string) => {
  const joined = `${prefix}${path === '/' ? '' : path}`;
  return joined === '' ? '/' : joined;
};

/**
 * Every route the app answers, as `METHOD /path/{param}`: walks the router stack, following routers
 * mounted with `app.use(path, router)` (their mount path is the layer's `rawPath`).
 */
export function expressRoutes(app: Express): string[] {
  const routes: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) {
          if (typeof path !== 'string') throw new Error(`a route with a non-string path: ${String(path)}`);
          const template = joinPath(prefix, path).replace(/:([A-Za-z0-9_]+)/g, '{$1}');
          for (const [method, on] of Object.entries(layer.route.methods)) {
            if (on && method !== '_all') routes.push(`${method.toUpperCase()} ${template}`);
          }
        }
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' && !layer.slash ? layer.rawPath : '';
        walk(layer.handle.stack, joinPath(prefix, mount === '/' ? '' : mount).replace(/^\/$/, ''));
      }
    }
  };
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  walk(router.stack, '');
  return routes.sort();
}
