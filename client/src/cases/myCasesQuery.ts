import type { CaseListParams } from '../api/cases.js';

/** What "My cases" lists: open cases, closed ones, or all. */
export type MyCasesScope = 'open' | 'all' | 'closed';

/** Page size of every scope. */
export const MY_CASES_PAGE_SIZE = 20;

/** The list behind "My cases": one page of the scope, most recently updated first. */
export function myCasesParams(scope: MyCasesScope, q = '', page = 1): CaseListParams {
  return {
    status: scope === 'closed' ? 'closed' : undefined,
    open: scope === 'open' ? true : undefined,
    q: q || undefined,
    page,
    limit: MY_CASES_PAGE_SIZE,
    sort: '-updatedAt',
  };
}
