import { Router } from 'express';
import type { AppMetrics } from './appMetrics.js';

/**
 * `GET /metrics`: the app's metrics in the Prometheus text format. It needs no sign-in (scrapers
 * carry no token) and reveals only counts, never case data; expose it to the monitoring network
 * only, e.g. by not routing `/metrics` through the public reverse proxy.
 */
export function metricsRoutes(metrics: AppMetrics): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    const body = await metrics.registry.metrics();
    res.set('Content-Type', metrics.registry.contentType).send(body);
  });
  return router;
}
