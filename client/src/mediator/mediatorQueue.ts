import type { CaseListParams } from '../api/cases.js';

/** The mediator console's one list: the mediator's cases, soonest clock first (pending ones included). */
export const MEDIATOR_QUEUE: CaseListParams = { assignee: 'me', limit: 100, sort: 'nextDueAt' };
