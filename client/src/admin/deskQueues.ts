import { infiniteQueryOptions } from '@tanstack/react-query';
import type { DeskView } from '../../../shared/api/views.js';
import { DESK_PAGE_SIZE } from '../../../shared/schemas/caseQueries.js';
import type { DeskQueue } from '../../../shared/machine/deskQueue.js';
import type { CaseEventType } from '../../../shared/machine/caseEvents.js';
import { apiFetch } from '../api/http.js';
import { queryKeys } from '../api/queryKeys.js';
import { whenLive } from '../realtime/liveStores.js';

/** The desk's queues and the queue a case is in: one definition, shared with the server. */
export { DESK_QUEUES, deskQueueOf, type DeskQueue } from '../../../shared/machine/deskQueue.js';

/** The queue a desk user opens first: screening for the intake desk, the channel work for officers. */
export function defaultDeskQueue(role: string): DeskQueue {
  return role === 'admin' ? 'screening' : 'inChannel';
}

/**
 * The desk's home, page after page: each answer carries the counts of every queue (the tab badges) and
 * a page of the open queue, oldest filing first (first come, first served). Its key sits under the case
 * lists, so a `queue:changed` push refreshes it with them.
 */
export function deskQuery(queue: DeskQueue) {
  return infiniteQueryOptions({
    queryKey: [...queryKeys.caseLists, 'desk', queue] as const,
    initialPageParam: 1,
    queryFn: async ({ pageParam, signal }) => {
      await whenLive();
      return apiFetch<DeskView>(`/api/cases/desk?queue=${queue}&page=${pageParam}&limit=${DESK_PAGE_SIZE}`, {
        signal,
      });
    },
    getNextPageParam: (last) =>
      last.cases.page * last.cases.limit < last.cases.total ? last.cases.page + 1 : undefined,
  });
}

/** The actions each queue is about, shown first in the workbench. */
export const QUEUE_ACTIONS: Record<DeskQueue, CaseEventType[]> = {
  screening: ['ACCEPT', 'REQUEST_INFO', 'REJECT'],
  triage: ['ROUTE', 'REJECT'],
  holds: ['RELEASE_HOLD', 'REJECT'],
  inChannel: [],
};
