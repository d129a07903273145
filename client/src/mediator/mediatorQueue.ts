import type { CaseListParams } from '../api/cases.js';

/**
 * The mediator console's one list: the mediator's open cases, soonest clock first (pending ones
 * included), each row with the actions the mediator may take (accept or decline an assignment without
 * a request per card).
 */
export const MEDIATOR_QUEUE: CaseListParams = {
  assignee: 'me',
  limit: 100,
  sort: 'nextDueAt',
  open: true,
  withActions: true,
};
