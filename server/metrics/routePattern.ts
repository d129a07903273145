import type { Request } from 'express';

/** The route label of requests that matched no route (404s from the fallback handler). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The pattern of a matched route: the mount path (`req.baseUrl`) joined with the route's path. A
 * mount path holds the values of its parameters, so each segment equal to a parameter value is put
 * back as `:name` (routers mounted on a parameter path need `mergeParams` for this to apply).
 */
export function routePattern(
  baseUrl: string,
  routePath: unknown,
  params: Record<string, unknown> = {},
): string {
  const path = typeof routePath === 'string' ? routePath : String(routePath);
  const byValue = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' && value !== '') byValue.set(encodeURIComponent(value), name);
  }
  const base = baseUrl
    .split('/')
    .map((segment) => {
      const name = byValue.get(segment);
      return name === undefined ? segment : `:${name}`;
    })
    .join('/');
  if (path === '/' || path === '') return base || '/';
  return `${base}${path}`;
}

/**
 * Follows which route handles `req` and returns a function giving its pattern (or
 * {@link UNMATCHED_ROUTE}). Express assigns `req.route` when it dispatches to a route and restores
 * `req.baseUrl` when an error leaves a router, so the pattern is taken at dispatch time: reading
 * `req.baseUrl` after the response would mislabel errors answered by the app's error middleware.
 */
export function trackRoutePattern(req: Request): () => string {
  let route: unknown;
  let pattern = UNMATCHED_ROUTE;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set: (value: unknown) => {
      route = value;
      const path = (value as { path?: unknown } | undefined)?.path;
      if (path !== undefined)
        pattern = routePattern(req.baseUrl, path, req.params as Record<string, unknown>);
    },
  });
  return () => pattern;
}
