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
 * The mount path of the route that answered a URL: the URL's path without as many trailing segments
 * as the route's own path has (Express matched those). Read from the URL the client sent, so an
 * error that left a router (Express then restores `req.baseUrl`) is still labelled by its route.
 */
export function mountPathOf(originalUrl: string, routePath: string): string {
  const path = originalUrl.split('?', 1)[0] ?? '';
  const own = routePath.split('/').filter(Boolean).length;
  const segments = path.split('/').filter(Boolean);
  if (own === 0) return path.replace(/\/+$/, '');
  return segments.length > own ? `/${segments.slice(0, segments.length - own).join('/')}` : '';
}

/**
 * The pattern of the route that handled `req` (Express leaves `req.route` set to the last route it
 * dispatched to), or {@link UNMATCHED_ROUTE} when none did; read once the response ended.
 */
export function routePatternOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string') return UNMATCHED_ROUTE;
  return routePattern(mountPathOf(req.originalUrl, path), path, req.params as Record<string, unknown>);
}
