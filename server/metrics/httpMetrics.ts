import type { RequestHandler } from 'express';
import { Counter, Histogram, type Registry } from 'prom-client';
import { routePatternOf } from './routePattern.js';

type HttpLabel = 'method' | 'route' | 'status';

/** Request counters and latency of the HTTP app. */
export interface HttpMetrics {
  requests: Counter<HttpLabel>;
  duration: Histogram<HttpLabel>;
}

/** Registers `http_requests_total` and `http_request_duration_seconds` on a registry. */
export function createHttpMetrics(registry: Registry): HttpMetrics {
  return {
    requests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving a request to the end of its response, by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

/** The counter and histogram of one label set, resolved once. */
interface LabelledSeries {
  inc: () => void;
  observe: (seconds: number) => void;
}

/**
 * Middleware recording every request once its response ends (or the connection closes first),
 * labelled with the route pattern (e.g. `/api/cases/:id`, never the raw URL; `unmatched` for 404s
 * no route handled). Mount it before every router. Each label set's series are looked up once and
 * kept (methods × route patterns × statuses: a small, bounded set).
 */
export function recordRequests(metrics: HttpMetrics): RequestHandler {
  const series = new Map<string, LabelledSeries>();
  const seriesOf = (method: string, route: string, status: string): LabelledSeries => {
    const key = `${method} ${route} ${status}`;
    let found = series.get(key);
    if (!found) {
      const counter = metrics.requests.labels(method, route, status);
      const histogram = metrics.duration.labels(method, route, status);
      found = { inc: () => counter.inc(), observe: (seconds) => histogram.observe(seconds) };
      series.set(key, found);
    }
    return found;
  };
  return (req, res, next) => {
    const start = performance.now();
    let recorded = false;
    const record = () => {
      if (recorded) return;
      recorded = true;
      const s = seriesOf(req.method, routePatternOf(req), String(res.statusCode));
      s.inc();
      s.observe((performance.now() - start) / 1000);
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  };
}
