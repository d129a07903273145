import { Registry } from 'prom-client';
import { createHttpMetrics, type HttpMetrics } from './httpMetrics.js';

/** The metrics of one app, on its own registry (never prom-client's global one: tests build many apps). */
export interface AppMetrics {
  registry: Registry;
  http: HttpMetrics;
}

/**
 * Builds the registry of an app with its HTTP metrics; features register theirs on the same registry
 * (the composition root adds the case metrics, `server/cases/caseMetrics.ts`).
 */
export function createAppMetrics(): AppMetrics {
  const registry = new Registry();
  return { registry, http: createHttpMetrics(registry) };
}
