import { queryOptions } from '@tanstack/react-query';
import type { CaseCountsView } from '../../../shared/api/views.js';
import type { DeskQueue } from '../../../shared/machine/deskQueue.js';
import type { CaseEventType } from '../../../shared/machine/caseEvents.js';
import { caseListQuery } from '../api/cases.js';
import { apiFetch } from '../api/http.js';
import { queryKeys } from '../api/queryKeys.js';
import { whenLive } from '../realtime/liveStores.js';

/** The desk's queues and the queue a case is in: one definition, shared with the server. */
export { DESK_QUEUES, deskQueueOf, type DeskQueue } from '../../../shared/machine/deskQueue.js';

/** The queue a desk user opens first: screening for the intake desk, the channel work for officers. */
export function defaultDeskQueue(role: string): DeskQueue {
  return role === 'admin' ? 'screening' : 'inChannel';
}

/** One queue's cases, oldest filing first (first come, first served). */
export function deskListQuery(queue: DeskQueue) {
  return caseListQuery({ queue, limit: 100, sort: 'filedAt' });
}

/**
 * The open cases per queue, for the tab badges: one request. Its key sits under the case lists, so
 * a `queue:changed` push refreshes it with them.
 */
export function deskCountsQuery() {
  return queryOptions({
    queryKey: [...queryKeys.caseLists, 'counts'] as const,
    queryFn: async ({ signal }) => {
      await whenLive();
      return apiFetch<CaseCountsView>('/api/cases/counts', { signal });
    },
  });
}

/** The actions each queue is about, shown first in the workbench. */
export const QUEUE_ACTIONS: Record<DeskQueue, CaseEventType[]> = {
  screening: ['ACCEPT', 'REQUEST_INFO', 'REJECT'],
  triage: ['ROUTE', 'REJECT'],
  holds: ['RELEASE_HOLD', 'REJECT'],
  inChannel: [],
};
