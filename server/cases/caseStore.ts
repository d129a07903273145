import { randomBytes } from 'node:crypto';
import type { ClientSession } from 'mongodb';
import type { Connection, Model } from 'mongoose';
import type { Logger } from 'pino';
import type { Actor, CaseAction } from '../../shared/machine/caseEvents.js';
import { CASE_MACHINE_VERSION } from '../../shared/machine/machine.js';
import {
  applyCaseEvent,
  availableActions,
  caseStage,
  caseStatus,
  restoreCaseSnapshot,
  type CaseSnapshot,
} from '../../shared/machine/machineApi.js';
import { isDuplicateKeyError } from '../db/duplicateKeyError.js';
import { TogetherWriteError, writeTogether, type TogetherWrite } from '../db/writeTogether.js';
import { DomainError, NotAllowedNowError } from '../errors/domainError.js';
import type { CaseEffects, FollowUp, FollowUpKind } from './caseEffects.js';
import { caseEventModel, type CaseEventDoc } from './caseEventModel.js';
import { caseModel, type CaseDoc } from './caseModel.js';
import { createCaseCache } from './caseCache.js';
import { caseSearchModel } from './caseSearchModel.js';
import { caseSearchFields, searchFieldsChanged } from './caseSearchTokens.js';
import { createCaseTallies, tallyChanges } from './caseTallies.js';
import { nextCaseNumber } from './caseNumbers.js';
import { GENESIS_HASH, hashEvent } from './eventHash.js';
import { foldCaseEvent } from './foldCaseEvent.js';
import { projectCase, type CaseFiling, type CaseFoldState } from './projectCase.js';
import { projectionUpdate } from './projectionUpdate.js';
import { readCaseEvents } from './readCaseEvents.js';
import { SYSTEM_ACTOR } from './systemActor.js';

/**
 * Called after each committed event, in `seq` order, before the event's follow-ups are appended
 * (fan-out and metrics subscribe). A listener's failure is logged; it does not undo the commit.
 */
export type AppendListener = (appended: {
  event: CaseEventDoc;
  caseDoc: CaseDoc;
  /** The clocks the case ran before this event (none for a new case). */
  previousClocks: CaseDoc['clocks'];
}) => Promise<void> | void;

/** What the case store needs. */
export interface CaseStoreDeps {
  db: Connection;
  logger: Pick<Logger, 'warn' | 'error' | 'debug'>;
  /** The current time (tests control it). */
  now: () => Date;
  /** What an event causes: writes in its transaction and follow-up events (none without). */
  effects?: CaseEffects;
  /**
   * How many case projections this process keeps for its writers (`CASE_CACHE_SIZE`; 0 or none:
   * every action reads its case). See {@link CaseCache}.
   */
  cacheSize?: number;
}

/** A loaded case: the projection document and the live snapshot it was computed from. */
export interface LoadedCase {
  doc: CaseDoc;
  state: CaseFoldState;
  /**
   * Taken from this process's cache, not read: the commit that follows proves it current (its
   * `<caseId>:<seq + 1>` insert fails otherwise); whoever decided on it must decide again on a read.
   */
  cached?: boolean;
}

/** Options of a transition. */
export interface TransitionOptions {
  /** The seq the caller last saw; a different current seq is a 409. */
  expectedSeq?: number | undefined;
  /**
   * The case as the caller loaded it moments ago (to authorise the action): used instead of a
   * second read. Safe because the commit of its next seq fails if another writer came first.
   */
  loaded?: LoadedCase | undefined;
  /**
   * Work on the projection this transition commits, done while the commit is on its way to the
   * database instead of after it (say, presenting the answer): called at most once, after the commit
   * was sent, with the projection the transition returns unless follow-ups move the case on. What it
   * makes must be dropped when the transition fails; a throw is logged and changes nothing.
   */
  whileCommitting?: ((doc: CaseDoc) => void) | undefined;
}

/** A write committed in the same transaction as an event (given the session and the event). */
export type AlsoWrite = (session: ClientSession, event: CaseEventDoc) => Promise<void>;

/** Options of a record event. */
export interface RecordOptions {
  /**
   * Refuse the fact (409 `caseClosed`, with this detail) when the case is closed. The check is part of
   * the append: it reads the state the event follows, and the transaction that appends the event
   * only updates a projection that is still open, so a racing close can never be followed by it.
   */
  refuseWhenClosed?: string;
}

/** Fields of a stored projection that the store keeps itself (not computed by `projectCase`). */
const BOOKKEEPING = ['pendingEffects'] as const;

/** How often a follow-up transition is taken again when other appends keep taking its seq. */
const FOLLOW_UP_ATTEMPTS = 5;

/**
 * True when a duplicate key error is the event's own `_id`, `<caseId>:<seq>`, already taken; an error
 * that does not say which key (an older server) counts as one.
 */
function takesEventSeq(err: unknown, ev: CaseEventDoc): boolean {
  // the event is the first write of the commit's batch: a duplicate there is its own id
  if (err instanceof TogetherWriteError) return err.index === 0;
  const key = (err as { keyValue?: Record<string, unknown> }).keyValue;
  return !key || key._id === ev._id;
}

/** Filing data for {@link CaseStore.create}; the store assigns the id, number and time. */
export type NewCase = Omit<CaseFiling, 'caseNo' | 'input'> & {
  input: Omit<CaseFiling['input'], 'caseId' | 'filedAt'>;
};

/** The per-case event log and its projection. */
export interface CaseStore {
  /** Files a case (event 1) under `caseId` (a new id by default); a second create of one id is a 409. */
  create(filing: NewCase, actor: Actor, caseId?: string): Promise<CaseDoc>;
  load(caseId: string): Promise<LoadedCase>;
  /**
   * The case for an action: from this process's cache when it holds it (marked `cached`), else read
   * as {@link CaseStore.load} does. A caller that authorised or refused on a cached case and then
   * fails must {@link CaseStore.forget} it and decide again on a read: nothing was committed.
   */
  loadForAction(caseId: string): Promise<LoadedCase>;
  /**
   * Whether a failure of a decision taken on `loaded` calls for deciding again on a read: the case
   * came from the cache, the failure is a domain error (a refusal or a conflict: nothing was
   * committed) and no commit of this process moved the case meanwhile (that is a race, answered as it
   * is without the cache). When it does, the case is dropped from the cache.
   */
  staleCached(loaded: LoadedCase, err: unknown): boolean;
  transition(caseId: string, actor: Actor, action: CaseAction, opts?: TransitionOptions): Promise<CaseDoc>;
  /**
   * Appends a record event (a fact that does not move the machine). `alsoWrite` writes what belongs
   * with the fact (a message document) inside the same transaction as the event.
   */
  record(
    caseId: string,
    actor: Actor,
    type: string,
    data: Record<string, unknown>,
    alsoWrite?: AlsoWrite,
    opts?: RecordOptions,
  ): Promise<CaseDoc>;
  events(caseId: string, afterSeq?: number): Promise<CaseEventDoc[]>;
  /** The case's events of one type, in order (by the `{caseId, type}` index). */
  eventsOfType(caseId: string, type: string): Promise<CaseEventDoc[]>;
  /**
   * Projections (with `fields`) of the cases filed by `complainantId` since `since`, at most `limit`,
   * newest first: their ids from `case_search` by `{complainantId, filedAt}`, then the cases by `_id`.
   */
  filedBy(complainantId: string, since: Date, fields: Record<string, 0>, limit: number): Promise<CaseDoc[]>;
  /**
   * Projections (with `fields`) of the open cases asserting the right `number`, at most `limit`: their
   * ids from `case_search` by `{rightNumbers, open}`, then the cases by `_id`.
   */
  openOnRight(number: string, fields: Record<string, 0>, limit: number): Promise<CaseDoc[]>;
  rebuild(caseId: string): Promise<CaseDoc>;
  /** Calls `listener` after each commit, in `seq` order, before the commit's follow-ups are appended. */
  onAppended(listener: AppendListener): void;
  /**
   * Ids of cases whose follow-ups are not all appended (an indexed query; few or none): a commit that
   * may call for follow-ups marks its case `pendingEffects`, cleared once they are appended, so a
   * crash or a failure in between leaves the case here for {@link CaseStore.finishPending}.
   */
  pendingEffects(limit?: number): Promise<string[]>;
  /**
   * Finishes every pending case: its stored clocks and register entries checked again, its
   * follow-ups appended, its mark cleared. A case that fails again stays pending. Resolves with how
   * many finished.
   */
  finishPending(): Promise<number>;
  /** Finishes one case as {@link CaseStore.finishPending} does (a repair after a rebuild); returns it after. */
  finish(caseId: string): Promise<CaseDoc>;
  /** Set when follow-ups failed in this process since the last {@link CaseStore.finishPending} call. */
  readonly effectsFailed: boolean;
  readonly models: { events: Model<CaseEventDoc>; cases: Model<CaseDoc> };
}

/** A new opaque case id (URL-safe, 16 characters). */
export function newCaseId(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Builds the case store. Every change is one transaction: the insert of `<caseId>:<seq>` into
 * `case_events` (whose unique id stops a second writer of that seq) and the update of the `cases`
 * projection (only the fields that changed) commit together or not at all, so the projection never
 * lags behind its log.
 */
export function createCaseStore(deps: CaseStoreDeps): CaseStore {
  const Events = caseEventModel(deps.db);
  const Cases = caseModel(deps.db);
  const Search = caseSearchModel(deps.db);
  const client = deps.db.getClient();
  const eventsNs = `${deps.db.name}.${Events.collection.collectionName}`;
  const casesNs = `${deps.db.name}.${Cases.collection.collectionName}`;
  const searchNs = `${deps.db.name}.${Search.collection.collectionName}`;
  const tallies = createCaseTallies(deps.db);
  const cache = createCaseCache(deps.cacheSize ?? 0);
  const listeners: AppendListener[] = [];
  const effects = deps.effects;
  let effectsFailed = false;

  function buildEvent(
    prev: { caseId: string; seq: number; lastHash: string },
    kind: CaseEventDoc['kind'],
    type: string,
    actor: Actor,
    at: Date,
    data: Record<string, unknown>,
    snapshot: CaseSnapshot,
  ): CaseEventDoc {
    const fields = {
      caseId: prev.caseId,
      seq: prev.seq + 1,
      kind,
      type,
      at,
      actor: { id: actor.id, role: actor.role, orgId: actor.orgId ?? null, orgType: actor.orgType ?? null },
      data,
      status: caseStatus(snapshot),
      stage: caseStage(snapshot),
      machineVersion: CASE_MACHINE_VERSION,
      prevHash: prev.lastHash,
    };
    return { _id: `${prev.caseId}:${fields.seq}`, ...fields, hash: hashEvent(fields) };
  }

  const caseClosed = (detail: string) => new DomainError('conflict', detail, { code: 'caseClosed' });

  const seqConflict = (seq: number) =>
    new DomainError('conflict', 'Another change to this case was saved first. Reload and try again.', {
      code: 'seqConflict',
      seq,
    });

  /** Writes a case's search document (`case_search`: its tokens and intake's keys), in the session given. */
  async function writeSearchTokens(doc: CaseDoc, session: ClientSession): Promise<void> {
    await Search.collection.updateOne(
      { _id: doc._id } as never,
      { $set: caseSearchFields(doc) },
      { upsert: true, session },
    );
  }

  /**
   * Appends `ev` and writes its projection in one transaction: `next` inserted for a new case, else
   * the difference from `prev` applied to the projection; the case's search document (`case_search`)
   * with a new case, and when its searchable texts changed or it closed or reopened. The event's
   * `<caseId>:<seq>` id is the guard: a second writer of the same seq gets a duplicate key (a 409), so
   * the projection it would update is the one at `prev.seq`. Every write filters by `_id` alone, the one lookup each engine answers from
   * its primary key. These writes go to the server together, in one round trip where it can take them
   * (`writeTogether`); the in-commit effects follow in the same transaction. The driver retries
   * transient conflicts. The projection records, in
   * `pendingEffects`, the seq whose effects are still to run. With `refuseWhenClosed` the transaction
   * reads the projection's status before it updates it, and commits nothing when the case is closed.
   */
  async function write(
    ev: CaseEventDoc,
    prev: CaseDoc | undefined,
    next: CaseDoc,
    marked: boolean,
    alsoWrite?: AlsoWrite,
    refuseWhenClosed?: string,
    whileCommitting?: () => void,
  ): Promise<void> {
    const mark = marked ? { pendingEffects: ev.seq } : {};
    let committingWork: (() => void) | undefined = whileCommitting;
    const counted = tallyChanges(prev, next);
    await tallies.prepare(counted);
    // a session of its own, not causally chained: a retried transaction does not begin with a read
    // concern (SecantusDB's bulkWrite refuses one), and a commit waits for no earlier read
    const session = client.startSession({ causalConsistency: false });
    try {
      await session.withTransaction(async () => {
        if (prev && refuseWhenClosed) {
          // read in this transaction: a close committed meanwhile conflicts with the update below
          const current = await Cases.collection.findOne({ _id: next._id } as never, {
            session,
            projection: { status: 1 },
          });
          if (current?.status === 'closed') throw caseClosed(refuseWhenClosed);
        }
        // the event, the projection, its search tokens and the desks' tallies: one round trip
        const writes: TogetherWrite[] = [{ namespace: eventsNs, name: 'insertOne', document: ev as never }];
        if (!prev) {
          writes.push({ namespace: casesNs, name: 'insertOne', document: { ...next, ...mark } as never });
        } else {
          const update = projectionUpdate(prev as never, next as never, BOOKKEEPING);
          if (marked) update.$set = { ...update.$set, ...mark };
          writes.push({
            namespace: casesNs,
            name: 'updateOne',
            filter: { _id: next._id },
            update: update as never,
          });
        }
        if (!prev || searchFieldsChanged(prev, next))
          writes.push({
            namespace: searchNs,
            name: 'updateOne',
            filter: { _id: next._id },
            update: { $set: caseSearchFields(next) },
            upsert: true,
          });
        writes.push(...tallies.writes(counted));
        const done = await writeTogether(client, session, writes);
        if (prev && done.matched(1) !== 1)
          throw new DomainError('notFound', 'No such case.', { code: 'caseNotFound' });
        await effects?.inCommit(session, {
          event: ev,
          caseDoc: next,
          previousClocks: prev?.clocks ?? [],
          previous: prev,
        });
        await alsoWrite?.(session, ev);
        // the transaction's writes are in: the driver sends the commit next (without leaving this
        // tick), so work queued for after this tick's I/O runs while the database commits
        if (committingWork) setImmediate(runWhileCommitting, committingWork);
        committingWork = undefined;
      });
    } catch (err) {
      cache.evict(next._id, prev?.seq);
      // only the event's `<caseId>:<seq>` taken is another change saved first; any other unique key
      // broken (a case number) is a fault of its own and surfaces as one
      if (isDuplicateKeyError(err) && takesEventSeq(err, ev)) throw seqConflict(ev.seq - 1);
      throw err;
    } finally {
      await session.endSession();
    }
  }

  /** Runs work queued while a commit is on its way; a failure there is logged, never thrown. */
  function runWhileCommitting(work: () => void): void {
    try {
      work();
    } catch (err) {
      deps.logger.warn({ err }, 'work done while a commit was on its way failed');
    }
  }

  /** Hands a committed event to every listener, in the order they subscribed. */
  async function publish(
    event: CaseEventDoc,
    caseDoc: CaseDoc,
    previousClocks: CaseDoc['clocks'],
  ): Promise<void> {
    for (const listener of listeners) {
      try {
        await listener({ event, caseDoc, previousClocks });
      } catch (err) {
        deps.logger.error({ err, caseId: caseDoc._id, seq: event.seq }, 'a listener of case events failed');
      }
    }
  }

  /**
   * Appends the follow-ups of `cause` (or, without it, of the case's state) one after another, each
   * chosen on the case as the previous one left it, then clears the case's mark up to `upTo`. Throws
   * when one fails: the case then stays pending.
   */
  async function followUp(caseDoc: CaseDoc, cause: CaseEventDoc | undefined, upTo: number): Promise<CaseDoc> {
    let latest = caseDoc;
    const tried = new Set<FollowUpKind>();
    for (;;) {
      const next: FollowUp | undefined = await effects?.nextFollowUp(latest, cause, tried);
      if (!next) break;
      if (next.kind === 'record') {
        latest = await recordFollowUp(latest._id, next.type, next.data, next.alsoWrite);
      } else {
        for (let attempt = 1; ; attempt++) {
          try {
            latest = await store.transition(latest._id, SYSTEM_ACTOR, next.action);
            break;
          } catch (err) {
            if (!(err instanceof DomainError && err.kind === 'conflict')) throw err;
            latest = (await load(latest._id)).doc;
            // something was appended meanwhile (a generated document, a message): the follow-up is
            // taken again on the case as it is now; refused there, someone else's change (a mediator
            // they assigned, a step that moved the case on) wins
            if (err.extra.code !== 'seqConflict' || attempt >= FOLLOW_UP_ATTEMPTS) break;
          }
        }
      }
    }
    await effectsDone(caseDoc._id, upTo);
    return latest;
  }

  /**
   * Appends a follow-up fact; a fact appended meanwhile by someone else (a message, a generated
   * document) that took its seq is no reason to drop it: it is appended after that one.
   */
  async function recordFollowUp(
    caseId: string,
    type: string,
    data: Record<string, unknown>,
    alsoWrite?: Parameters<CaseStore['record']>[4],
  ): Promise<CaseDoc> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await store.record(caseId, SYSTEM_ACTOR, type, data, alsoWrite);
      } catch (err) {
        const lostRace = err instanceof DomainError && err.extra.code === 'seqConflict';
        if (!lostRace || attempt >= 10) throw err;
      }
    }
  }

  /**
   * Clears `pendingEffects` when it names `seq` or an earlier one: one conditional write by `_id` (an
   * update pipeline), so a later commit's mark stays.
   */
  async function effectsDone(caseId: string, seq: number): Promise<void> {
    await Cases.collection.updateOne({ _id: caseId } as never, [
      {
        $set: {
          pendingEffects: { $cond: [{ $lte: ['$pendingEffects', seq] }, '$$REMOVE', '$pendingEffects'] },
        },
      },
    ]);
  }

  async function replayAll(caseId: string): Promise<CaseFoldState | undefined> {
    const all = await readCaseEvents(Events, caseId);
    let state: CaseFoldState | undefined;
    for (const ev of all) state = foldCaseEvent(state, ev);
    return state;
  }

  function stateFromDoc(doc: CaseDoc): CaseFoldState {
    const snapshot = restoreCaseSnapshot(doc.snapshot);
    const input = {
      caseId: doc._id,
      filedAt: doc.filedAt.toISOString(),
      complainantId: doc.complainantId,
      ipType: doc.complaint.ipType,
      track: doc.track,
    } as CaseFiling['input'];
    return {
      filing: {
        input,
        caseNo: doc.caseNo,
        complaint: doc.complaint,
        complainantName: doc.complainantName,
        triage: doc.triage,
        recommendation: doc.recommendation,
        flags: doc.flags,
      },
      snapshot,
      orgId: doc.orgId,
      joinedOrgIds: doc.joinedOrgIds ?? [],
      seq: doc.seq,
      lastHash: doc.lastHash,
      filedAt: doc.filedAt,
      updatedAt: doc.updatedAt,
      resolvedAt: doc.resolvedAt,
      closedAt: doc.closedAt,
    };
  }

  /**
   * Replaces a stored projection with one computed from the log (a migration or a rebuild) and moves
   * its tallies and its search tokens with it, in one transaction.
   */
  async function replaceProjection(
    old: CaseDoc | null,
    doc: CaseDoc & { pendingEffects?: number },
  ): Promise<void> {
    const counted = tallyChanges(old ?? undefined, doc);
    await tallies.prepare(counted);
    cache.evict(doc._id);
    const session = client.startSession();
    try {
      await session.withTransaction(async () => {
        await Cases.collection.replaceOne({ _id: doc._id } as never, doc, { upsert: true, session });
        await writeSearchTokens(doc, session);
        await tallies.apply(counted, session);
      });
    } finally {
      await session.endSession();
    }
  }

  /** The projections of these cases (with `fields`), read by `_id`; none for none. */
  async function byIds(ids: string[], fields: Record<string, 0>): Promise<CaseDoc[]> {
    if (ids.length === 0) return [];
    return Cases.find({ _id: { $in: ids } }, fields).lean<CaseDoc[]>();
  }

  async function load(caseId: string): Promise<LoadedCase> {
    const doc = await Cases.findById(caseId).lean<CaseDoc>();
    if (!doc) {
      cache.evict(caseId);
      throw new DomainError('notFound', 'No such case.', { code: 'caseNotFound' });
    }
    if (doc.machineVersion === CASE_MACHINE_VERSION) {
      cache.put(doc);
      return { doc, state: stateFromDoc(doc) };
    }
    // written by another machine version: replay the log through this one (a migration)
    const state = await replayAll(caseId);
    if (!state) throw new DomainError('notFound', 'No such case.', { code: 'caseNotFound' });
    const projected = projectCase(state);
    await replaceProjection(doc, { ...projected, pendingEffects: doc.seq });
    return { doc: projected, state };
  }

  /**
   * The commit pipeline: append the event with its projection and in-commit effects (one
   * transaction) → publish it → append its follow-ups (each through this same pipeline, so listeners
   * see every event strictly in `seq` order). Returns the projection after the follow-ups.
   */
  async function commit(
    prev: LoadedCase | undefined,
    ev: CaseEventDoc,
    alsoWrite?: AlsoWrite,
    refuseWhenClosed?: string,
    applied?: CaseSnapshot,
    whileCommitting?: TransitionOptions['whileCommitting'],
  ): Promise<CaseDoc> {
    const folded = foldCaseEvent(prev?.state, ev, applied);
    const doc = projectCase(folded);
    const marked = effects?.mayFollowUp(doc, ev) ?? false;
    await write(ev, prev?.doc, doc, marked, alsoWrite, refuseWhenClosed, () => {
      cache.prepare(doc);
      // follow-ups will move the case on: what the caller prepares would not be what it gets
      if (!marked) whileCommitting?.(doc);
    });
    // committed: the next action here starts from this projection and its fold state
    cache.put(doc, folded);
    const previousClocks = prev?.doc.clocks ?? [];
    await publish(ev, doc, previousClocks);
    if (!marked) return doc;
    try {
      return await followUp(doc, ev, ev.seq);
    } catch (err) {
      effectsFailed = true;
      deps.logger.error({ err, caseId: doc._id, seq: ev.seq }, 'appending the follow-ups of an event failed');
      return (await load(ev.caseId).catch(() => undefined))?.doc ?? doc;
    }
  }

  /** Runs `action` on the case as `loaded` holds it and commits the event it makes. */
  async function transitionFrom(
    loaded: LoadedCase,
    actor: Actor,
    action: CaseAction,
    opts: TransitionOptions,
  ): Promise<CaseDoc> {
    const { state } = loaded;
    const caseId = loaded.doc._id;
    if (opts.expectedSeq !== undefined && opts.expectedSeq !== state.seq) {
      throw new DomainError(
        'conflict',
        `This case has changed (now at ${state.seq}); reload and try again.`,
        {
          code: 'staleSeq',
          seq: state.seq,
        },
      );
    }
    const at = deps.now();
    const { type, ...data } = action;
    const res = applyCaseEvent(state.snapshot, {
      ...data,
      type,
      actor,
      at: at.toISOString(),
    } as Parameters<typeof applyCaseEvent>[1]);
    if (!res.accepted) {
      throw new NotAllowedNowError(`${type} is not possible now.`, {
        allowed: availableActions(state.snapshot, actor, at.toISOString()),
        seq: state.seq,
        action: type,
      });
    }
    const ev = buildEvent({ caseId, ...state }, 'transition', type, actor, at, data, res.snapshot);
    // the machine ran once: the commit folds the event with the snapshot it gave
    return commit(loaded, ev, undefined, undefined, res.snapshot, opts.whileCommitting);
  }

  /** Checks a case's in-commit effects again, appends its follow-ups and clears its mark. */
  async function finish(caseId: string): Promise<CaseDoc> {
    const { doc } = await load(caseId);
    await effects?.inCommit(undefined, { caseDoc: doc });
    return followUp(doc, undefined, doc.seq);
  }

  const store: CaseStore = {
    models: { events: Events, cases: Cases },

    onAppended(listener) {
      listeners.push(listener);
    },

    finish,

    async finishPending() {
      effectsFailed = false;
      let finished = 0;
      const tried = new Set<string>();
      for (;;) {
        const ids = (await store.pendingEffects(100)).filter((id) => !tried.has(id));
        if (ids.length === 0) return finished;
        for (const caseId of ids) {
          tried.add(caseId);
          try {
            await finish(caseId);
            finished++;
          } catch (err) {
            effectsFailed = true;
            deps.logger.warn(
              { err, caseId },
              'finishing the follow-ups of a case failed; trying again later',
            );
          }
        }
      }
    },

    async pendingEffects(limit = 100) {
      const docs = await Cases.find({ pendingEffects: { $exists: true } }, { _id: 1 })
        .limit(limit)
        .lean();
      return docs.map((d) => d._id);
    },

    get effectsFailed() {
      return effectsFailed;
    },

    async create(filing, actor, caseId = newCaseId()) {
      const at = deps.now();
      const caseNo = await nextCaseNumber(deps.db, at);
      const data: CaseFiling = {
        ...filing,
        caseNo,
        input: { ...filing.input, caseId, filedAt: at.toISOString() },
      };
      const created = foldCaseEvent(undefined, {
        _id: '',
        caseId,
        seq: 1,
        kind: 'created',
        type: 'FILED',
        at,
        actor,
        data: data as unknown as Record<string, unknown>,
        status: '',
        stage: '',
        machineVersion: CASE_MACHINE_VERSION,
        prevHash: GENESIS_HASH,
        hash: '',
      });
      const ev = buildEvent(
        { caseId, seq: 0, lastHash: GENESIS_HASH },
        'created',
        'FILED',
        actor,
        at,
        data as unknown as Record<string, unknown>,
        created.snapshot,
      );
      return commit(undefined, ev);
    },

    load,

    async loadForAction(caseId) {
      const doc = cache.get(caseId);
      if (doc?.machineVersion === CASE_MACHINE_VERSION)
        return { doc, state: cache.stateOf(caseId) ?? stateFromDoc(doc), cached: true };
      return load(caseId);
    },

    staleCached(loaded, err) {
      if (!loaded.cached || !(err instanceof DomainError)) return false;
      const caseId = loaded.doc._id;
      const held = cache.seqOf(caseId);
      if (held !== undefined && held > loaded.doc.seq) return false;
      cache.evict(caseId);
      return true;
    },

    async transition(caseId, actor, action, opts = {}) {
      if (opts.loaded?.doc._id === caseId) return transitionFrom(opts.loaded, actor, action, opts);
      const loaded = await store.loadForAction(caseId);
      try {
        return await transitionFrom(loaded, actor, action, opts);
      } catch (err) {
        // decided on a cached case that may not be current (nothing committed): again, on a read
        if (!store.staleCached(loaded, err)) throw err;
        return transitionFrom(await load(caseId), actor, action, opts);
      }
    },

    async record(caseId, actor, type, data, alsoWrite, opts = {}) {
      const append = (loaded: LoadedCase) => {
        const { state } = loaded;
        // the state the event follows: a close appended after it makes this append's seq taken (409)
        if (opts.refuseWhenClosed && caseStatus(state.snapshot) === 'closed')
          throw caseClosed(opts.refuseWhenClosed);
        const at = deps.now();
        const ev = buildEvent({ caseId, ...state }, 'record', type, actor, at, data, state.snapshot);
        return commit(loaded, ev, alsoWrite, opts.refuseWhenClosed);
      };
      const loaded = await store.loadForAction(caseId);
      try {
        return await append(loaded);
      } catch (err) {
        if (!store.staleCached(loaded, err)) throw err;
        return append(await load(caseId));
      }
    },

    async events(caseId, afterSeq = 0) {
      return readCaseEvents(Events, caseId, afterSeq);
    },

    async filedBy(complainantId, since, fields, limit) {
      const keys = await Search.find({ complainantId, filedAt: { $gte: since } }, { _id: 1 })
        .sort({ filedAt: -1 })
        .limit(limit)
        .lean<{ _id: string }[]>();
      return byIds(
        keys.map((k) => k._id),
        fields,
      );
    },

    async openOnRight(number, fields, limit) {
      const keys = await Search.find({ rightNumbers: number, open: true }, { _id: 1 })
        .limit(limit)
        .lean<{ _id: string }[]>();
      return byIds(
        keys.map((k) => k._id),
        fields,
      );
    },

    async eventsOfType(caseId, type) {
      const found = await Events.find({ caseId, type }).lean<CaseEventDoc[]>();
      return found.sort((a, b) => a.seq - b.seq);
    },

    async rebuild(caseId) {
      const state = await replayAll(caseId);
      if (!state) throw new DomainError('notFound', 'No such case.', { code: 'caseNotFound' });
      const doc = projectCase(state);
      await replaceProjection(await Cases.findById(caseId).lean<CaseDoc>(), doc);
      return (await load(caseId)).doc; // as stored (keys holding undefined are not)
    },
  };
  return store;
}
