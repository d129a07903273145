import type { CaseListParams } from '../api/cases.js';

/** What "My cases" lists: open cases, closed ones, or all. */
export type MyCasesScope = 'open' | 'all' | 'closed';

/** Page size of the closed and all scopes (open cases are shown at once). */
export const MY_CASES_PAGE_SIZE = 20;

/**
 * The list behind "My cases". The API has no "not closed" filter: open cases are the 100 most
 * recently updated, from which the page drops the closed ones.
 */
export function myCasesParams(scope: MyCasesScope, q = '', page = 1): CaseListParams {
  return {
    status: scope === 'closed' ? 'closed' : undefined,
    q: q || undefined,
    page: scope === 'open' ? 1 : page,
    limit: scope === 'open' ? 100 : MY_CASES_PAGE_SIZE,
    sort: '-updatedAt',
  };
}
