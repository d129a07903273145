import { randomBytes } from 'node:crypto';
import type { ClientSession } from 'mongodb';
import type { Connection, Model } from 'mongoose';
import type { Logger } from 'pino';
import type { Actor, CaseAction } from '../../shared/case/caseEvents.js';
import { CASE_MACHINE_VERSION } from '../../shared/case/machine.js';
import {
  applyCaseEvent,
  availableActions,
  caseStage,
  caseStatus,
  restoreCaseSnapshot,
  type CaseSnapshot,
} from '../../shared/case/machineApi.js';
import { isDuplicateKeyError } from '../db/duplicateKeyError.js';
import { DomainError } from '../errors/domainError.js';
import { caseEventModel, type CaseEventDoc } from './caseEventModel.js';
import { caseModel, type CaseDoc } from './caseModel.js';
import { nextCaseNumber } from './caseNumbers.js';
import { GENESIS_HASH, hashEvent } from './eventHash.js';
import { foldCaseEvent } from './foldCaseEvent.js';
import { projectCase, type CaseFiling, type CaseFoldState } from './projectCase.js';
import { projectionUpdate } from './projectionUpdate.js';
import { readCaseEvents } from './readCaseEvents.js';

/** Called after each committed event (event and projection are stored together). Effects and fan-out subscribe. */
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
}

/** A loaded case: the projection document and the live snapshot it was computed from. */
export interface LoadedCase {
  doc: CaseDoc;
  state: CaseFoldState;
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
}

/** A write committed in the same transaction as an event (given the session and the event). */
export type AlsoWrite = (session: ClientSession, event: CaseEventDoc) => Promise<void>;

/** Fields of a stored projection that the store keeps itself (not computed by `projectCase`). */
const BOOKKEEPING = ['pendingEffects'] as const;

/** Filing data for {@link CaseStore.create}; the store assigns the id, number and time. */
export type NewCase = Omit<CaseFiling, 'caseNo' | 'input'> & {
  input: Omit<CaseFiling['input'], 'caseId' | 'filedAt'>;
};

/** The per-case event log and its projection. */
export interface CaseStore {
  /** Files a case (event 1) under `caseId` (a new id by default); a second create of one id is a 409. */
  create(filing: NewCase, actor: Actor, caseId?: string): Promise<CaseDoc>;
  load(caseId: string): Promise<LoadedCase>;
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
  ): Promise<CaseDoc>;
  events(caseId: string, afterSeq?: number): Promise<CaseEventDoc[]>;
  /** The case's events of one type, in order (by the `{caseId, type}` index). */
  eventsOfType(caseId: string, type: string): Promise<CaseEventDoc[]>;
  rebuild(caseId: string): Promise<CaseDoc>;
  /**
   * Calls `listener` after each commit. A `durable` listener's work (the case effects) must finish:
   * the commit marks the case `pendingEffects`, cleared once every durable listener has succeeded,
   * so a crash or a failure leaves the case to {@link CaseStore.pendingEffects} for a retry.
   */
  onAppended(listener: AppendListener, opts?: { durable?: boolean }): void;
  /** Ids of cases whose last commit's effects have not finished (an indexed query; few or none). */
  pendingEffects(limit?: number): Promise<string[]>;
  /** Marks the effects of a case done up to `seq` (a later commit keeps its own mark). */
  effectsDone(caseId: string, seq: number): Promise<void>;
  /** Set when effects failed in this process since the last {@link CaseStore.pendingEffects} call. */
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
  const client = deps.db.getClient();
  const listeners: { listener: AppendListener; durable: boolean }[] = [];
  let effectsFailed = false;
  /** Events this store has appended (to spot follow-up events appended by listeners). */
  let appendCount = 0;

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

  const seqConflict = (seq: number) =>
    new DomainError('conflict', 'Another change to this case was saved first. Reload and try again.', {
      code: 'seqConflict',
      seq,
    });

  /**
   * Appends `ev` and writes its projection in one transaction: `next` inserted for a new case, else
   * the difference from `prev` applied to the projection. The event's `<caseId>:<seq>` id is the guard:
   * a second writer of the same seq gets a duplicate key (a 409), so the projection it would update is
   * the one at `prev.seq`. Every write filters by `_id` alone, the one lookup each engine answers from
   * its primary key. The driver retries transient conflicts. The projection records, in
   * `pendingEffects`, the seq whose effects are still to run.
   */
  async function write(
    ev: CaseEventDoc,
    prev: CaseDoc | undefined,
    next: CaseDoc,
    alsoWrite?: AlsoWrite,
  ): Promise<void> {
    const session = client.startSession();
    try {
      await session.withTransaction(async () => {
        await Events.collection.insertOne(ev as never, { session });
        if (!prev) {
          await Cases.collection.insertOne({ ...next, pendingEffects: ev.seq } as never, { session });
        } else {
          const update = projectionUpdate(prev as never, next as never, BOOKKEEPING);
          update.$set = { ...update.$set, pendingEffects: ev.seq };
          const res = await Cases.collection.updateOne({ _id: next._id } as never, update as never, {
            session,
          });
          if (res.matchedCount !== 1) throw new DomainError('notFound', 'No such case.');
        }
        await alsoWrite?.(session, ev);
      });
      appendCount++;
    } catch (err) {
      if (isDuplicateKeyError(err)) throw seqConflict(ev.seq - 1);
      throw err;
    } finally {
      await session.endSession();
    }
  }

  async function notify(
    event: CaseEventDoc,
    caseDoc: CaseDoc,
    previousClocks: CaseDoc['clocks'],
  ): Promise<void> {
    let durableDone = true;
    for (const { listener, durable } of listeners) {
      try {
        await listener({ event, caseDoc, previousClocks });
      } catch (err) {
        if (durable) {
          durableDone = false;
          effectsFailed = true;
        }
        deps.logger.error({ err, caseId: caseDoc._id, seq: event.seq }, 'case effect failed');
      }
    }
    if (durableDone) await effectsDone(caseDoc._id, event.seq).catch(() => (effectsFailed = true));
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

  async function load(caseId: string): Promise<LoadedCase> {
    const doc = await Cases.findById(caseId).lean<CaseDoc>();
    if (!doc) throw new DomainError('notFound', 'No such case.');
    if (doc.machineVersion === CASE_MACHINE_VERSION) return { doc, state: stateFromDoc(doc) };
    // written by another machine version: replay the log through this one (a migration)
    const state = await replayAll(caseId);
    if (!state) throw new DomainError('notFound', 'No such case.');
    const projected = projectCase(state);
    await Cases.collection.replaceOne({ _id: caseId } as never, { ...projected, pendingEffects: doc.seq });
    return { doc: projected, state };
  }

  /** Commits the event, runs the listeners; returns the projection after any follow-up events. */
  async function commit(
    prev: LoadedCase | undefined,
    ev: CaseEventDoc,
    alsoWrite?: AlsoWrite,
  ): Promise<CaseDoc> {
    const doc = projectCase(foldCaseEvent(prev?.state, ev));
    await write(ev, prev?.doc, doc, alsoWrite);
    const before = appendCount;
    await notify(ev, doc, prev?.doc.clocks ?? []);
    // effects appended follow-up events (an assignment, an organisation…): return their result
    return appendCount === before ? doc : (await load(ev.caseId)).doc;
  }

  const store: CaseStore = {
    models: { events: Events, cases: Cases },

    onAppended(listener, opts = {}) {
      listeners.push({ listener, durable: opts.durable === true });
    },

    async pendingEffects(limit = 100) {
      effectsFailed = false;
      const docs = await Cases.find({ pendingEffects: { $exists: true } }, { _id: 1 })
        .limit(limit)
        .lean();
      return docs.map((d) => d._id);
    },

    effectsDone,

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

    async transition(caseId, actor, action, opts = {}) {
      const loaded = opts.loaded?.doc._id === caseId ? opts.loaded : await load(caseId);
      const { state } = loaded;
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
        throw new DomainError('conflict', `${type} is not possible now.`, {
          code: 'notAllowedNow',
          allowed: availableActions(state.snapshot, actor, at.toISOString()),
          seq: state.seq,
        });
      }
      const ev = buildEvent({ caseId, ...state }, 'transition', type, actor, at, data, res.snapshot);
      return commit(loaded, ev);
    },

    async record(caseId, actor, type, data, alsoWrite) {
      const loaded = await load(caseId);
      const { state } = loaded;
      const ev = buildEvent({ caseId, ...state }, 'record', type, actor, deps.now(), data, state.snapshot);
      return commit(loaded, ev, alsoWrite);
    },

    async events(caseId, afterSeq = 0) {
      return readCaseEvents(Events, caseId, afterSeq);
    },

    async eventsOfType(caseId, type) {
      const found = await Events.find({ caseId, type }).lean<CaseEventDoc[]>();
      return found.sort((a, b) => a.seq - b.seq);
    },

    async rebuild(caseId) {
      const state = await replayAll(caseId);
      if (!state) throw new DomainError('notFound', 'No such case.');
      const doc = projectCase(state);
      await Cases.collection.replaceOne({ _id: caseId } as never, doc, { upsert: true });
      return (await load(caseId)).doc; // as stored (keys holding undefined are not)
    },
  };
  return store;
}
