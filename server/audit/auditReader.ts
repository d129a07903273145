import type { AuditPage } from '../../shared/api/auditView.js';
import type { Connection } from 'mongoose';
import { ACCESS_KINDS, type AuditKind } from '../../shared/admin/auditKinds.js';
import type { AuthUser } from '../auth/authUser.js';
import { DomainError } from '../errors/domainError.js';
import { auditEventModel, type AuditEventDoc } from './auditEventModel.js';
import type { AuditLog } from './auditLog.js';
import { presentAuditEntry } from './auditPresenter.js';
import { readAuditWindows, type AuditPrefix } from './readAuditWindows.js';

/** Filters and page of the audit screen (validated by `auditQuerySchema`). */
export interface AuditQuery {
  caseId?: string;
  actorId?: string;
  kind?: AuditKind;
  from?: Date;
  to?: Date;
  /** The id of the last entry of the previous page. */
  before?: string;
  limit: number;
}

/** Reading the audit log, for those allowed. */
export interface AuditReader {
  /**
   * The entries `viewer` may see that match `query`: admins every entry; an officer those about their
   * organisation's cases, and an organisation's lead also the changes to their organisation and its
   * staff; anyone else is refused (403).
   */
  list(viewer: AuthUser, query: AuditQuery): Promise<AuditPage>;
  /** Every entry of one case (the caller has checked the viewer may see the case's access log). */
  ofCase(caseId: string, query: Pick<AuditQuery, 'before' | 'limit'>): Promise<AuditPage>;
}

const READS = new Set<string>(ACCESS_KINDS);

/** Builds the audit reader (it writes the gathered reads first, so a page includes them). */
export function createAuditReader(deps: { db: Connection; log: AuditLog; now?: () => Date }): AuditReader {
  const Audit = auditEventModel(deps.db);
  const now = deps.now ?? (() => new Date());

  async function page(
    prefix: AuditPrefix,
    query: AuditQuery,
    keep: (e: AuditEventDoc) => boolean,
  ): Promise<AuditPage> {
    await deps.log.flush();
    let ceiling = (query.to ?? new Date(now().getTime() + 1000)).toISOString();
    if (query.before && query.before < ceiling) ceiling = query.before;
    const rows = await readAuditWindows(Audit, prefix, { floor: query.from, ceiling }, query.limit + 1, keep);
    const items = rows.slice(0, query.limit);
    return {
      items: items.map(presentAuditEntry),
      next: rows.length > query.limit ? (items.at(-1)?._id ?? null) : null,
    };
  }

  return {
    async list(viewer, query) {
      const matches = (e: AuditEventDoc) =>
        (!query.caseId || e.caseId === query.caseId) &&
        (!query.actorId || e.actorId === query.actorId) &&
        (!query.kind || e.kind === query.kind);
      if (viewer.role === 'admin') {
        const prefix: AuditPrefix = query.caseId
          ? { caseId: query.caseId }
          : query.actorId
            ? { actorId: query.actorId }
            : query.kind
              ? { kind: query.kind }
              : {};
        return page(prefix, query, matches);
      }
      if (viewer.role !== 'officer' || !viewer.orgId) {
        throw new DomainError(
          'forbidden',
          'Only admins and the staff of an organisation may read the audit log.',
        );
      }
      const orgId = viewer.orgId;
      const own = (e: AuditEventDoc) => e.orgId === orgId && (READS.has(e.kind) || viewer.lead) && matches(e);
      return page(query.caseId ? { caseId: query.caseId } : { orgId }, query, own);
    },
    ofCase(caseId, query) {
      return page({ caseId }, { ...query }, () => true);
    },
  };
}
