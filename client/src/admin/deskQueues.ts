import type { CaseSummaryView } from '../../../shared/api/views.js';
import type { CaseEventType } from '../../../shared/case/caseEvents.js';
import { caseListQuery } from '../api/cases.js';

/** Every status the desk's queues draw from. */
const DESK_STATUSES = ['screening', 'awaitingInfo', 'triage', 'inChannel', 'resolved', 'compliance'] as const;

/** The desk's list queries: one per status, oldest filing first (first come, first served). */
export function deskListQueries() {
  return DESK_STATUSES.map((status) => caseListQuery({ status, limit: 100, sort: 'filedAt' }));
}

/** The queues of the intake desk. */
export const DESK_QUEUES = ['screening', 'triage', 'holds', 'inChannel'] as const;
/** A desk queue. */
export type DeskQueue = (typeof DESK_QUEUES)[number];

/** The statuses each queue lists (one list request per status). */
export const QUEUE_STATUSES: Record<DeskQueue, string[]> = {
  screening: ['screening', 'awaitingInfo'],
  triage: ['triage'],
  holds: ['triage'],
  inChannel: ['inChannel', 'resolved', 'compliance'],
};

/** Whether a case belongs in a queue (holds are triage cases held for PAE review). */
export function inQueue(queue: DeskQueue, c: CaseSummaryView): boolean {
  if (!QUEUE_STATUSES[queue].includes(c.status)) return false;
  if (queue === 'holds') return c.stage === 'triage.held';
  if (queue === 'triage') return c.stage !== 'triage.held';
  return true;
}

/** The actions each queue is about, shown first in the workbench. */
export const QUEUE_ACTIONS: Record<DeskQueue, CaseEventType[]> = {
  screening: ['ACCEPT', 'REQUEST_INFO', 'REJECT'],
  triage: ['ROUTE', 'REJECT'],
  holds: ['RELEASE_HOLD', 'REJECT'],
  inChannel: [],
};
