import type { Logger } from 'pino';
import { Counter, Gauge, type Registry } from 'prom-client';
import { CASE_STATUSES } from '../../shared/vocabulary.js';
import type { CaseStore } from '../cases/caseStore.js';

/** Case metrics: transitions counted as they are appended; open cases and breaches read on scrape. */
export interface CaseMetrics {
  transitions: Counter<'type'>;
  openCases: Gauge<'status'>;
  clocksBreached: Gauge;
}

/**
 * Registers the case metrics on a registry and counts the transitions `store` appends from now on
 * (this process's own; other instances count theirs). The gauges query the `cases` projection on
 * each scrape; when the database is disconnected (queries would wait for it) or a query fails, they
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

  const openCases = new Gauge({
    name: 'sevenfold_open_cases',
    help: 'Cases not closed, by status.',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      if (!connected()) return;
      try {
        const rows = await Cases.aggregate<{ _id: string; n: number }>([
          { $match: { status: { $ne: 'closed' } } },
          { $group: { _id: '$status', n: { $sum: 1 } } },
        ]);
        this.reset();
        for (const status of openStatuses) this.set({ status }, 0);
        for (const row of rows) this.set({ status: row._id }, row.n);
      } catch (err) {
        deps.logger.warn({ err }, 'metrics: could not count open cases');
      }
    },
  });

  const clocksBreached = new Gauge({
    name: 'sevenfold_clocks_breached',
    help: 'Cases with a breached clock running.',
    registers: [registry],
    async collect() {
      if (!connected()) return;
      try {
        this.set(await Cases.countDocuments({ 'clocks.breached': true }));
      } catch (err) {
        deps.logger.warn({ err }, 'metrics: could not count breached clocks');
      }
    },
  });

  return { transitions, openCases, clocksBreached };
}
