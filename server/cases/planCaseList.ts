import type { AuthUser } from '../auth/authUser.js';
import { canSeeCase, viewerKeyOf } from './casePolicy.js';
import { caseSearchTexts } from './caseSearchTexts.js';
import { queryTokens, textsContain } from './searchTokens.js';
import type { CaseDoc } from './caseModel.js';
import type { CaseListQuery } from '../../shared/schemas/caseQueries.js';

/** How one case list is read: an index-served filter, the rest checked on each candidate row. */
export interface CaseListPlan {
  /**
   * What the database is asked: exactly the leading fields of a declared index (equalities, then at
   * most one range), so every engine answers it from that index; `{}` only for an admin's list with
   * no indexed filter (every case), which then also carries `scan` for the database to apply.
   */
  filter: Record<string, unknown>;
  /** For a list with no indexed filter: the whole condition, sort and page are left to the database. */
  scan: boolean;
  /** The full condition of the list, checked on every candidate row. */
  matches(row: CaseDoc): boolean;
  /** Orders two rows as the requested sort does (ties broken by id, in the same direction). */
  compare(a: CaseDoc, b: CaseDoc): number;
  /** The requested sort as a database sort, for `scan` lists. */
  sort: Record<string, 1 | -1>;
  /**
   * For an admin's list of every case, newest first by update or filing (no condition at all): read
   * the most recent cases window by window (`readRecentCases`) instead of every case.
   */
  recent?: 'updatedAt' | 'filedAt';
  /** A search whose text has nothing searchable (punctuation, one Latin letter): nothing matches. */
  none?: boolean;
  /**
   * A staff search's tokens: the service reads from `case_search` (by its `{tokens}` index) the ids of
   * the cases holding the rarest of them and sets `filter` to those ids; the other tokens and the
   * phrase are checked on the rows.
   */
  searchTokens?: string[];
  /** Whether rows must carry the searchable texts (`complaint.description`, `complaint.rights`). */
  searchesText: boolean;
  /**
   * An admin's desk queue by filing date and nothing else (`filter` is `{deskQueue}` and decides every
   * row): its `{deskQueue, filedAt}` index serves a prefix of the order (filed up to a bound, or from
   * one when newest first), and its total is the queue's tally. See `readListPrefix`.
   */
  prefix?: { field: 'filedAt'; dir: 1 | -1; queue: string };
}

type Sortable = 'updatedAt' | 'filedAt' | 'nextDueAt' | 'caseNo';

const SORTS: Record<string, [Sortable, 1 | -1]> = {
  '-updatedAt': ['updatedAt', -1],
  updatedAt: ['updatedAt', 1],
  '-filedAt': ['filedAt', -1],
  filedAt: ['filedAt', 1],
  nextDueAt: ['nextDueAt', 1],
  caseNo: ['caseNo', 1],
};

/** Orders values as MongoDB does for one field: null first, then dates or strings. */
function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/**
 * Plans `GET /api/cases` for a user. The indexed part narrows to the cases the user may see (by their
 * viewer key, or assigned to them) and, when asked, to one status, the open ones or the overdue ones;
 * an admin's list is narrowed by status, open, overdue or channel and track. So the rows read are those
 * of one queue of one user, not every case. Search text and the other filters are checked on those rows.
 */
export function planCaseList(user: AuthUser, query: CaseListQuery, now: Date): CaseListPlan {
  const [field, dir] = SORTS[query.sort] ?? (SORTS['-updatedAt'] as [Sortable, 1 | -1]);
  const scope: Record<string, unknown> =
    query.assignee === 'me'
      ? // an assignee is a participant: among the cases holding `u:<me>`, the rows name them assignee
        { viewerKeys: `u:${user.id}` }
      : user.role === 'admin'
        ? {}
        : { viewerKeys: viewerKeyOf(user) };
  // a status implies `open` (only `closed` is not), so one `{…, open, status}` index serves both; a
  // desk queue is read by its own index on the admin's desk, else among the viewer's open cases (a case
  // in a queue is open) and checked on the rows
  const narrowed: Record<string, unknown> = query.overdue
    ? { ...scope, attentionAt: { $lt: now } }
    : query.status
      ? { ...scope, open: query.status !== 'closed', status: query.status }
      : query.queue
        ? Object.keys(scope).length === 0
          ? { deskQueue: query.queue }
          : { ...scope, open: true }
        : query.open
          ? { ...scope, open: true }
          : scope;
  let filter = narrowed;
  const unnarrowed = !query.overdue && !query.status && !query.queue;
  if (user.role === 'admin' && query.assignee !== 'me' && unnarrowed && query.channel) {
    // the {channel, track, open} index: an admin's view of one channel (the centers' fast track)
    filter = {
      channel: query.channel,
      ...(query.track ? { track: query.track, ...(query.open ? { open: true } : {}) } : {}),
    };
  }
  const q = query.q ? query.q : undefined;
  const tokens = q ? queryTokens(q) : [];
  const staffSearch =
    q && tokens.length > 0 && (user.role === 'admin' || user.role === 'officer') && query.assignee !== 'me';
  if (staffSearch) {
    // staff search every case they may see: `case_search` gives the ids of those with one token (an
    // equality: the embedded engine serves no `$all` by index), which the service puts in the filter;
    // the phrase, visibility and the other filters are checked on them
    filter = { _id: { $in: [] } };
  }
  const scan = Object.keys(filter).length === 0;

  const matches = (c: CaseDoc): boolean =>
    canSeeCase(user, c) &&
    (!query.status || c.status === query.status) &&
    (!query.channel || c.channel === query.channel) &&
    (!query.track || c.track === query.track) &&
    (!query.ipType || c.ipType === query.ipType) &&
    (query.assignee !== 'me' || c.assigneeIds.includes(user.id)) &&
    (!query.open || c.open) &&
    (!query.queue || c.deskQueue === query.queue) &&
    (!query.overdue || (c.open && c.attentionAt !== null && c.attentionAt < now)) &&
    (!q || textsContain(caseSearchTexts(c), q));

  if (scan) {
    // every case: the database applies the whole condition (no index can narrow it)
    const and: Record<string, unknown>[] = [];
    for (const key of ['status', 'channel', 'track', 'ipType'] as const) {
      if (query[key]) and.push({ [key]: query[key] });
    }
    filter = and.length ? { $and: and } : {};
  }

  const recent =
    scan && Object.keys(filter).length === 0 && dir === -1 && (field === 'updatedAt' || field === 'filedAt')
      ? field
      : undefined;

  // the filter alone decides every row: an admin sees every case, and nothing else is asked
  const onlyQueue =
    user.role === 'admin' &&
    query.queue &&
    query.assignee !== 'me' &&
    !query.status &&
    !query.overdue &&
    !query.open &&
    !query.channel &&
    !query.track &&
    !query.ipType &&
    !q;
  const prefix = onlyQueue && field === 'filedAt' ? { field, dir, queue: query.queue as string } : undefined;

  return {
    filter,
    scan,
    ...(prefix ? { prefix } : {}),
    searchesText: Boolean(q),
    ...(staffSearch ? { searchTokens: tokens } : {}),
    ...(q && tokens.length === 0 ? { none: true } : {}),
    ...(recent ? { recent } : {}),
    matches,
    // ties by id in the same direction, so one `{field: 1, _id: 1}` index walks either way
    compare: (a, b) => dir * (compareValues(a[field], b[field]) || compareValues(a._id, b._id)),
    sort: field === 'caseNo' ? { caseNo: 1 } : { [field]: dir, _id: dir },
  };
}
