import type { CaseListQuery, DeskQuery } from '../../shared/schemas/caseQueries.js';
import type { AvailableActionView } from '../../shared/api/views.js';
import type { Connection } from 'mongoose';
import type {
  CaseCountsView,
  CaseEventView,
  CaseIntegrityView,
  CaseSummaryView,
  CaseView,
  DeskView,
  Page,
} from '../../shared/api/views.js';
import { type ActionBody } from '../../shared/machine/actions/actionSchemas.js';
import type { CaseAction } from '../../shared/machine/caseEvents.js';
import { availableActions } from '../../shared/machine/machineApi.js';
import type { DeskQueue } from '../../shared/machine/deskQueue.js';
import type { IntakeFlags } from '../../shared/intake/intakeChecks.js';
import type { Complaint } from '../../shared/schemas/complaint.js';
import { actorOf, type AuthUser } from '../auth/authUser.js';
import { authoriseAction, canSeeCase, canSeeEvent, mayActOn, viewerKeyOf } from './casePolicy.js';
import { DomainError, ForbiddenError, NotAllowedNowError, NotFoundError } from '../errors/domainError.js';
import { refusalOf } from './refusalOf.js';
import type { WriteLimits } from '../limits/writeLimits.js';
import type { CaseDoc } from './caseModel.js';
import { caseSearchModel } from './caseSearchModel.js';
import { ALL_CASES_SCOPE, countsFrom, createCaseTallies, type ScopeTallies } from './caseTallies.js';
import { actionFormFields } from '../../shared/machine/actions/actionFormFields.js';
import { checkCaseIntegrity } from './checkCaseIntegrity.js';
import { documentsOnlyThrough } from './documentsOnlyThrough.js';
import { presentCase, presentCaseSummary } from './casePresenter.js';
import type { CaseStore, LoadedCase } from './caseStore.js';
import { presentEvent } from './eventPresenter.js';
import {
  assessComplaint,
  fileComplaint,
  type IntakeAssessment,
  type IntakeSources,
} from './fileComplaint.js';
import { planCaseList, type CaseListPlan } from './planCaseList.js';
import { readRecentCases } from './readRecentCases.js';
import { createListPrefixHints, type ListPrefixHints } from './listPrefixHints.js';
import { createListPageMemo, type ListPageMemo } from './listPageMemo.js';
import { prefixBoundOf, prefixShape, readListPrefix, type PrefixPlan } from './readListPrefix.js';
import { respondentAtSeq } from './respondentAtSeq.js';
import { restoreCaseSnapshot } from '../../shared/machine/machineApi.js';

/**
 * The fields a list row is presented from and its filters, visibility and sort are checked on: only
 * these are read. Naming them (an inclusion projection) costs the embedded engine half of what leaving
 * out the large ones does (the machine snapshot and the filing's full texts stay in the database).
 */
const LIST_FIELDS = {
  caseNo: 1,
  title: 1,
  status: 1,
  stage: 1,
  channel: 1,
  track: 1,
  ipType: 1,
  industry: 1,
  seq: 1,
  orgId: 1,
  joinedOrgIds: 1,
  participantIds: 1,
  assigneeIds: 1,
  complainantId: 1,
  complainantName: 1,
  respondentId: 1,
  respondentName: 1,
  mediatorId: 1,
  clocks: 1,
  nextDueAt: 1,
  closureReason: 1,
  filedAt: 1,
  updatedAt: 1,
  closedAt: 1,
  open: 1,
  deskQueue: 1,
  attentionAt: 1,
} as const satisfies Partial<Record<keyof CaseDoc, 1>>;

/** The list's fields with the machine snapshot (rows that list the caller's actions). */
const WITH_SNAPSHOT = { ...LIST_FIELDS, snapshot: 1 } as const;

/** The searchable texts besides the list's fields (a search checks its phrase on them). */
const SEARCH_FIELDS = { 'complaint.description': 1, 'complaint.rights': 1 } as const;

/** List shapes whose prefix bounds are remembered (a handful of desk queues and page sizes). */
const LIST_PREFIX_HINTS = 64;

/** How many of a search's tokens are counted to find the rarest. */
const SEARCH_TOKENS_WEIGHED = 8;

/** Case use cases for the HTTP and realtime layers, each authorised for the calling user. */
export interface CaseService {
  /**
   * Files a complaint. With `caseId` (a filing under an Idempotency-Key) the case gets that id, and
   * when a case of that id exists already (an earlier attempt created it before failing) it is
   * returned instead of filing again.
   */
  file(user: AuthUser, complaint: Complaint, caseId?: string): Promise<CaseView>;
  preview(user: AuthUser, complaint: Complaint): Promise<IntakeAssessment>;
  list(user: AuthUser, query: CaseListQuery): Promise<Page<CaseSummaryView>>;
  /**
   * Every case of a list (its filters and search, no page), one at a time from a database cursor, so
   * an export of any size streams without holding the list in memory.
   */
  exportList(user: AuthUser, query: CaseListQuery): AsyncIterable<CaseDoc>;
  /** How many open cases the user may see are in each status (one indexed read, for queue badges). */
  counts(user: AuthUser): Promise<CaseCountsView>;
  /**
   * The intake desk's home in one answer: the counts of its queues and a page of one queue, oldest
   * filing first (one authentication, the tallies read once for both).
   */
  desk(user: AuthUser, query: DeskQuery): Promise<DeskView>;
  /** The case if the user may see it; 404 otherwise (its existence does not leak). */
  loadVisible(user: AuthUser, caseId: string): Promise<LoadedCase>;
  get(user: AuthUser, caseId: string): Promise<CaseView>;
  events(user: AuthUser, caseId: string, after: number, limit: number): Promise<CaseEventView[]>;
  actions(user: AuthUser, caseId: string): Promise<AvailableActionView[]>;
  /** Whether the case's event log still verifies (what `npm run verify-log` checks), for its page. */
  integrity(user: AuthUser, caseId: string): Promise<CaseIntegrityView>;
  /**
   * The one command behind `POST /api/cases/:id/actions` (and the platform's own actions): load the
   * case the user sees, authorise (`casePolicy.authoriseAction`), run the machine once on its snapshot,
   * commit through the store's pipeline (append → publish → follow-ups), present the case after it.
   */
  actOnCase(user: AuthUser, caseId: string, body: ActionBody): Promise<CaseView>;
}

/** Builds the case service. */
export function createCaseService(deps: {
  db: Connection;
  store: CaseStore;
  now: () => Date;
  /** Filings per user (none: not limited). */
  limits?: WriteLimits;
  /** What intake reads from the credit register and the accounts. */
  intake: IntakeSources;
  /**
   * Completes an action from the case's other records before the machine sees it (the agreement
   * being signed: `server/documents/checkAgreementSignature.ts`); none: the action as sent.
   */
  prepareAction?: (doc: CaseDoc, action: CaseAction) => Promise<CaseAction>;
  /** The prefix bounds of desk queues (default: the last {@link LIST_PREFIX_HINTS} list shapes). */
  prefixHints?: ListPrefixHints;
  /** The first rows of watched desk queues (default: the last {@link LIST_PREFIX_HINTS} list shapes). */
  listPages?: ListPageMemo;
}): CaseService {
  const { db, store, now } = deps;
  const Cases = store.models.cases;
  const Search = caseSearchModel(db);
  const tallies = createCaseTallies(db);
  const prefixHints = deps.prefixHints ?? createListPrefixHints(LIST_PREFIX_HINTS);
  const listPages = deps.listPages ?? createListPageMemo(LIST_PREFIX_HINTS);

  /** The cases a case's intake flags name (an officer sees only those they may: a read decides). */
  function flaggedCaseIds(doc: CaseDoc): string[] {
    const flags = doc.flags as unknown as IntakeFlags | undefined;
    return [...(flags?.duplicate ?? []), ...(flags?.parallel ?? [])].map((c) => c.caseId);
  }

  /** The case as `user` sees it, when that needs no read (else undefined: see {@link present}). */
  function presentWithoutRead(doc: CaseDoc, user: AuthUser): CaseView | undefined {
    if (user.role === 'officer' && flaggedCaseIds(doc).length > 0) return undefined;
    return presentCase(doc, user, now());
  }

  /**
   * The case as the user sees it. An officer's view names the cases its intake flags point at only
   * when the officer may see them (one read of their access fields by id); others are told of neutrally.
   */
  async function present(doc: CaseDoc, user: AuthUser): Promise<CaseView> {
    const named = flaggedCaseIds(doc);
    if (user.role !== 'officer' || named.length === 0) return presentCase(doc, user, now());
    const others = await Cases.find(
      { _id: { $in: [...new Set(named)] } },
      { orgId: 1, joinedOrgIds: 1, participantIds: 1, viewerKeys: 1, complainantId: 1, respondentId: 1 },
    ).lean<CaseDoc[]>();
    const seen = new Set(others.filter((c) => canSeeCase(user, c)).map((c) => c._id));
    return presentCase(doc, user, now(), (id) => seen.has(id));
  }

  /**
   * A staff search reads the cases holding its rarest token: each token's count is one index-only
   * read of `case_search` (at most {@link SEARCH_TOKENS_WEIGHED} of them), then the ids of the cases
   * holding the rarest (by the same index) become the filter, read by `_id`.
   */
  async function narrowSearch(plan: CaseListPlan): Promise<CaseListPlan> {
    const tokens = plan.searchTokens;
    if (!tokens || tokens.length === 0) return plan;
    const weighed = tokens.slice(0, SEARCH_TOKENS_WEIGHED);
    const counts =
      weighed.length > 1
        ? await Promise.all(weighed.map((token) => Search.countDocuments({ tokens: token })))
        : [0];
    const rarest = weighed[counts.indexOf(Math.min(...counts))] as string;
    const holding = await Search.find({ tokens: rarest }, { _id: 1 }).lean<{ _id: string }[]>();
    return { ...plan, filter: { _id: { $in: holding.map((h) => h._id) } } };
  }

  /**
   * The case if the user may see it, read (or, `forAction`, possibly from the store's cache: see
   * `CaseStore.loadForAction`; a cached case the user may not see is read again before the 404).
   */
  async function loadVisible(user: AuthUser, caseId: string, forAction = false): Promise<LoadedCase> {
    let loaded: LoadedCase;
    try {
      loaded = forAction ? await store.loadForAction(caseId) : await store.load(caseId);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'notFound')
        throw new NotFoundError('No such case.', 'caseNotFound');
      throw err;
    }
    if (!canSeeCase(user, loaded.doc)) {
      const refused = new NotFoundError('No such case.', 'caseNotFound');
      if (store.staleCached(loaded, refused)) return loadVisible(user, caseId);
      throw refused;
    }
    return loaded;
  }

  /** Authorises and takes an action on the case as `first` holds it (see `act`). */
  async function actOn(
    user: AuthUser,
    caseId: string,
    body: ActionBody,
    first: LoadedCase,
  ): Promise<CaseView> {
    let loaded = first;
    const { doc, state } = loaded;
    const { expectedSeq, ...requested } = body;
    await authoriseAction(db, user, doc, requested);
    let seen = expectedSeq ?? doc.seq;
    for (let attempt = 1; ; attempt++) {
      try {
        const action = deps.prepareAction ? await deps.prepareAction(loaded.doc, requested) : requested;
        const expected = expectedSeq === undefined ? undefined : seen;
        // the answer is made while the commit is on its way, and sent if the commit leaves that case
        let early: { doc: CaseDoc; view: CaseView | undefined } | undefined;
        const after = await store.transition(caseId, actorOf(user), action, {
          expectedSeq: expected,
          loaded,
          whileCommitting: (doc) => {
            early = { doc, view: presentWithoutRead(doc, user) };
          },
        });
        return (early?.doc === after ? early.view : undefined) ?? present(after, user);
      } catch (err) {
        const code = err instanceof DomainError ? err.extra.code : undefined;
        // a generated document recorded meanwhile changes nothing the user decided on: act again
        if ((code === 'seqConflict' || code === 'staleSeq') && attempt < 5) {
          const through = await documentsOnlyThrough(store, caseId, seen);
          if (through !== null) {
            // expect exactly the last of those documents: whatever came after this read refuses it
            loaded = await loadVisible(user, caseId);
            seen = through;
            continue;
          }
        }
        if (err instanceof NotAllowedNowError)
          throw refusalOf(err, state.snapshot, requested, actorOf(user), now());
        throw err;
      }
    }
  }

  /**
   * The first `need` rows of an admin's desk queue by filing, and its total, once its tallies are read
   * (`tallied`: its total and version): the rows kept at that version (`listPageMemo`), else the prefix
   * of its order that holds them (`readListPrefix`), else the whole queue (which leaves the bound of a
   * prefix for next time). Rows read are kept at the version read before them. `fieldsKey` names the
   * fields read, for the kept page's key.
   */
  async function readDeskQueue(
    plan: PrefixPlan,
    tallied: ScopeTallies,
    fields: Record<string, 1>,
    fieldsKey: string,
    need: number,
  ): Promise<{ rows: readonly CaseDoc[]; total: number }> {
    const queued = tallied.counts.byQueue[plan.prefix.queue as DeskQueue] ?? 0;
    const version = tallied.versionOf(plan.prefix.queue);
    const key = `${prefixShape(plan, need)}|${fieldsKey}`;
    const kept = version === undefined ? undefined : listPages.get(key, version);
    if (kept) return { rows: kept, total: Math.max(queued, kept.length) };
    let read = await readListPrefix(Cases, plan, fields, need, prefixHints, async () => queued);
    if (!read) {
      const candidates = await Cases.find(plan.filter, fields).lean<CaseDoc[]>();
      const matching = candidates.filter(plan.matches).sort(plan.compare);
      prefixHints.set(prefixShape(plan, need), prefixBoundOf(plan, matching, need));
      read = { rows: matching.slice(0, need), total: matching.length };
    }
    if (version !== undefined) listPages.set(key, version, read.rows);
    return read;
  }

  /** `list`; `adminTallies` (an admin's tallies, already being read) gives a desk queue's total. */
  async function listCases(
    user: AuthUser,
    query: CaseListQuery,
    adminTallies?: Promise<ScopeTallies>,
  ): Promise<Page<CaseSummaryView>> {
    const at = now();
    const plan = await narrowSearch(planCaseList(user, query, at));
    const skip = (query.page - 1) * query.limit;
    // the machine snapshot is read only when the rows must say which actions the caller may take
    const fields = {
      ...(query.withActions ? WITH_SNAPSHOT : LIST_FIELDS),
      ...(plan.searchesText ? SEARCH_FIELDS : {}),
    };
    let rows: CaseDoc[];
    let total: number;
    if (plan.none) {
      rows = [];
      total = 0;
    } else if (plan.recent) {
      // every case, newest first: the total from the tallies, the page from a recent window
      total = await tallies.total(ALL_CASES_SCOPE);
      const recent = await readRecentCases(Cases, plan.recent, skip + query.limit, total, fields, at);
      rows = recent.sort(plan.compare).slice(skip, skip + query.limit);
    } else if (plan.scan) {
      [rows, total] = await Promise.all([
        Cases.find(plan.filter, fields).sort(plan.sort).skip(skip).limit(query.limit).lean<CaseDoc[]>(),
        Object.keys(plan.filter).length === 0
          ? Cases.estimatedDocumentCount()
          : Cases.countDocuments(plan.filter),
      ]);
    } else if (plan.prefix) {
      const need = skip + query.limit;
      const fieldsKey = `${query.withActions ? 'actions' : 'rows'}${plan.searchesText ? '+texts' : ''}`;
      const tallied = await (adminTallies ?? tallies.readScope(ALL_CASES_SCOPE));
      const read = await readDeskQueue({ ...plan, prefix: plan.prefix }, tallied, fields, fieldsKey, need);
      total = read.total;
      rows = read.rows.slice(skip, need);
    } else {
      // one user's queue: read by its index, filtered and ordered here
      const candidates = await Cases.find(plan.filter, fields).lean<CaseDoc[]>();
      const matching = candidates.filter(plan.matches).sort(plan.compare);
      total = matching.length;
      rows = matching.slice(skip, skip + query.limit);
    }
    const actor = actorOf(user);
    return {
      items: rows.map((d) => {
        const row = presentCaseSummary(d, at);
        if (!query.withActions) return row;
        const actions = mayActOn(user, d)
          ? availableActions(restoreCaseSnapshot(d.snapshot), actor, at.toISOString())
          : [];
        return { ...row, actions };
      }),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  /** `counts`. */
  async function countCases(user: AuthUser): Promise<CaseCountsView> {
    // the desk of an administrator or an organisation: its tallies, kept by every commit
    if (user.role === 'admin') return tallies.read(ALL_CASES_SCOPE);
    if (user.role === 'officer' && user.orgId) return tallies.read(viewerKeyOf(user));
    // anyone else: their own open cases, read by their viewer key
    const rows = await Cases.find(
      { viewerKeys: viewerKeyOf(user), open: true },
      { status: 1, deskQueue: 1, orgId: 1, joinedOrgIds: 1, participantIds: 1 },
    ).lean<CaseDoc[]>();
    return countsFrom(
      rows.filter((r) => canSeeCase(user, r)).map((r) => ({ status: r.status, queue: r.deskQueue, n: 1 })),
    );
  }

  return {
    async file(user, complaint, caseId) {
      if (user.role !== 'complainant')
        throw new ForbiddenError('Only rights holders file complaints.', 'onlyComplainantsFile');
      const existing = async () => present((await loadVisible(user, caseId as string)).doc, user);
      if (caseId && (await store.models.events.exists({ _id: `${caseId}:1` }))) return existing();
      await deps.limits?.consume('filing', user.id);
      try {
        const { caseDoc } = await fileComplaint(
          deps.intake,
          store,
          complaint,
          { id: user.id, name: user.name },
          actorOf(user),
          now(),
          caseId,
        );
        return present(caseDoc, user);
      } catch (err) {
        // another attempt under the same key created it first
        if (caseId && err instanceof DomainError && err.extra.code === 'seqConflict') return existing();
        throw err;
      }
    },

    async preview(user, complaint) {
      return assessComplaint(deps.intake, store, complaint, user.id, now());
    },

    list: (user, query) => listCases(user, query),

    async *exportList(user, query) {
      const plan = await narrowSearch(planCaseList(user, query, now()));
      if (plan.none) return;
      const fields = { ...LIST_FIELDS, ...(plan.searchesText ? SEARCH_FIELDS : {}), closedAt: 1 };
      // in index order (a whole-collection export walks the sort's index); rows checked one by one
      const find = Cases.find(plan.filter, fields);
      const cursor = (plan.scan ? find.sort(plan.sort) : find).lean<CaseDoc[]>().cursor({ batchSize: 200 });
      for await (const row of cursor as AsyncIterable<CaseDoc>) {
        if (plan.matches(row)) yield row;
      }
    },

    counts: countCases,

    async desk(user, query) {
      // an admin's counts, its queue's total and the queue's version are the same tallies: read once
      const scope = user.role === 'admin' ? tallies.readScope(ALL_CASES_SCOPE) : undefined;
      const [counts, cases] = await Promise.all([
        scope ? scope.then((t) => t.counts) : countCases(user),
        listCases(user, { ...query, sort: 'filedAt' }, scope),
      ]);
      return { counts, cases };
    },

    loadVisible,

    async get(user, caseId) {
      const { doc } = await loadVisible(user, caseId);
      return present(doc, user);
    },

    async events(user, caseId, after, limit) {
      const { doc } = await loadVisible(user, caseId);
      const [events, respondentAt] = await Promise.all([
        store.events(caseId, after),
        respondentAtSeq(store, doc),
      ]);
      // a caucus entry reaches the respondent of its time, not whoever holds the role now
      return events
        .filter((ev) => canSeeEvent(user, { ...doc, respondentId: respondentAt(ev.seq) }, ev))
        .slice(0, limit)
        .map(presentEvent);
    },

    async integrity(user, caseId) {
      const { doc } = await loadVisible(user, caseId);
      return checkCaseIntegrity(await store.events(caseId, 0), doc);
    },

    async actions(user, caseId) {
      const { doc, state } = await loadVisible(user, caseId);
      if (!mayActOn(user, doc)) return [];
      const at = now().toISOString();
      const actor = actorOf(user);
      return availableActions(state.snapshot, actor, at).map((type) => ({
        type,
        fields: actionFormFields(state.snapshot, actor, at, type),
      }));
    },

    async actOnCase(user, caseId, body) {
      // the case as this process last committed it, when it holds it: the commit proves it current
      const loaded = await loadVisible(user, caseId, true);
      try {
        return await actOn(user, caseId, body, loaded);
      } catch (err) {
        // refused or beaten on a cached case another server may have moved on: decide again on a read
        if (!store.staleCached(loaded, err)) throw err;
        return actOn(user, caseId, body, await loadVisible(user, caseId));
      }
    },
  };
}
