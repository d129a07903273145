import type { CaseStatus, IpType } from '../../../shared/vocabulary.js';
import type { CaseListParams } from '../api/cases.js';

/**
 * The protection-center dashboard's list: officers see their center's cases; an admin looking here
 * sees every center's fast track. `ipType` and `status` are the dashboard's filters; without a status
 * it lists the open cases (the ones with clocks running).
 */
export function centerQueueParams(
  everyCenter: boolean,
  filters: { ipType?: IpType; status?: CaseStatus } = {},
): CaseListParams {
  return {
    ...(everyCenter ? { channel: 'administrative', track: 'fast' } : {}),
    limit: 100,
    sort: 'nextDueAt',
    ipType: filters.ipType,
    status: filters.status,
    open: filters.status ? undefined : true,
  };
}
