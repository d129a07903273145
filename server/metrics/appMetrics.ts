import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import type { CaseStore } from '../cases/caseStore.js';
import { createCaseMetrics, type CaseMetrics } from './caseMetrics.js';
import { createHttpMetrics, type HttpMetrics } from './httpMetrics.js';

/** The metrics of one app, on its own registry (never prom-client's global one: tests build many apps). */
export interface AppMetrics {
  registry: Registry;
  http: HttpMetrics;
  cases: CaseMetrics;
}

/** Builds the registry of an app with its HTTP and case metrics. */
export function createAppMetrics(deps: { store: CaseStore; logger: Pick<Logger, 'warn'> }): AppMetrics {
  const registry = new Registry();
  return { registry, http: createHttpMetrics(registry), cases: createCaseMetrics(registry, deps) };
}
