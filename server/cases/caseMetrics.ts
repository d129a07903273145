import type { Logger } from 'pino';
import { Counter, Gauge, type Registry } from 'prom-client';
import { CASE_STATUSES } from '../../shared/vocabulary.js';
import type { CaseStore } from './caseStore.js';

/** Case metrics: transitions counted as they are appended; open cases and breaches read on scrape. */
export interface CaseMetrics {
  transitions: Counter<'type'>;
  openCases: Gauge<'status'>;
  clocksBreached: Gauge;
}

/**
 * Registers the case metrics on a registry and counts the transitions `store` appends from now on
 * (this process's own; other instances count theirs). The gauges read the open cases by index once
 * per scrape; when the database is disconnected (queries would wait for it) or a query fails, they
 * keep their last values, so a scrape still answers with the HTTP metrics.
 */
export function createCaseMetrics(
  registry: Registry,
  deps: { store: CaseStore; logger: Pick<Logger, 'warn'> },
): CaseMetrics {
  const Cases = deps.store.models.cases;
  const openStatuses = CASE_STATUSES.filter((s) => s !== 'closed');
  const connected = () => Cases.db.readyState === 1;

  const transitions = new Counter({
    name: 'sevenfold_transitions_total',
    help: 'Case transitions appended by this process, by action type.',
    labelNames: ['type'],
    registers: [registry],
  });
  deps.store.onAppended(({ event }) => {
    if (event.kind === 'transition') transitions.inc({ type: event.type });
  });

  /** One indexed read of the open cases serves both gauges of a scrape. */
  let scrape: Promise<{ byStatus: Map<string, number>; breached: number } | undefined> | undefined;
  const readOpenCases = () => {
    scrape ??= (async () => {
      if (!connected()) return undefined;
      try {
        const rows = await Cases.find({ open: true }, { status: 1, clocks: 1 }).lean();
        const byStatus = new Map<string, number>();
        for (const r of rows) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
        return { byStatus, breached: rows.filter((r) => r.clocks.some((c) => c.breached)).length };
      } catch (err) {
        deps.logger.warn({ err }, 'metrics: could not count open cases');
        return undefined;
      } finally {
        setImmediate(() => (scrape = undefined));
      }
    })();
    return scrape;
  };

  const openCases = new Gauge({
    name: 'sevenfold_open_cases',
    help: 'Cases not closed, by status.',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const read = await readOpenCases();
      if (!read) return;
      this.reset();
      for (const status of openStatuses) this.set({ status }, read.byStatus.get(status) ?? 0);
    },
  });

  const clocksBreached = new Gauge({
    name: 'sevenfold_clocks_breached',
    help: 'Open cases with a breached clock.',
    registers: [registry],
    async collect() {
      const read = await readOpenCases();
      if (read) this.set(read.breached);
    },
  });

  return { transitions, openCases, clocksBreached };
}
