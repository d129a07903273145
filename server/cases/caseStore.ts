import { randomBytes } from 'node:crypto';
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
import { readCaseEvents } from './readCaseEvents.js';

/** Called after each appended event, once the projection is saved. Effects and fan-out subscribe. */
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
   * second read. Safe because the append of its next seq fails if another writer came first.
   */
  loaded?: LoadedCase | undefined;
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
  transition(caseId: string, actor: Actor, action: CaseAction, opts?: TransitionOptions): Promise<CaseDoc>;
  record(caseId: string, actor: Actor, type: string, data: Record<string, unknown>): Promise<CaseDoc>;
  events(caseId: string, afterSeq?: number): Promise<CaseEventDoc[]>;
  rebuild(caseId: string): Promise<CaseDoc>;
  /**
   * Calls `listener` after each append once its projection is saved; with `evenIfUnsaved`, also
   * when saving the projection failed (the event is stored all the same): live pushes use that.
   */
  onAppended(listener: AppendListener, opts?: { evenIfUnsaved?: boolean }): void;
  /**
   * Cases whose last commit stopped after its event was appended (the projection or an effect
   * failed, say the database went away): `effects.repairInterrupted` redoes them.
   */
  readonly interrupted: Set<string>;
  readonly models: { events: Model<CaseEventDoc>; cases: Model<CaseDoc> };
}

/** A new opaque case id (URL-safe, 16 characters). */
export function newCaseId(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Builds the case store. Every change is one insert of `<caseId>:<seq>` into `case_events`; the
 * `cases` projection follows and is repaired on read when it lags behind the log.
 */
export function createCaseStore(deps: CaseStoreDeps): CaseStore {
  const Events = caseEventModel(deps.db);
  const Cases = caseModel(deps.db);
  const listeners: { listener: AppendListener; evenIfUnsaved: boolean }[] = [];
  const interrupted = new Set<string>();
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

  async function append(ev: CaseEventDoc): Promise<void> {
    try {
      await Events.collection.insertOne(ev as never);
      appendCount++;
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        throw new DomainError(
          'conflict',
          'Another change to this case was saved first. Reload and try again.',
          {
            code: 'seqConflict',
            seq: ev.seq - 1,
          },
        );
      }
      interrupted.add(ev.caseId); // the insert may have reached the database before the failure
      throw err;
    }
  }

  /**
   * Writes a projection, filtering by its id alone: the embedded engine answers only `{ _id }` from
   * its primary key and would read every case for a filter that also guarded `seq`. So a slower
   * writer can put an older projection over a newer one; it then finds the next event in the log and
   * saves the newer state (as any load would), so a projection never stays behind its log.
   */
  async function saveProjection(doc: CaseDoc): Promise<void> {
    const write = () =>
      Cases.collection.updateOne({ _id: doc._id } as never, { $set: doc }, { upsert: true });
    try {
      await write();
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      await write(); // two first saves raced: the document exists now
    }
    if (await Events.exists({ _id: `${doc._id}:${doc.seq + 1}` })) await load(doc._id);
  }

  async function notify(
    event: CaseEventDoc,
    caseDoc: CaseDoc,
    previousClocks: CaseDoc['clocks'],
    unsaved = false,
  ): Promise<void> {
    for (const { listener, evenIfUnsaved } of listeners) {
      if (unsaved && !evenIfUnsaved) continue;
      try {
        await listener({ event, caseDoc, previousClocks });
      } catch (err) {
        interrupted.add(caseDoc._id);
        deps.logger.error({ err, caseId: caseDoc._id, seq: event.seq }, 'case effect failed');
      }
    }
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
    let state: CaseFoldState | undefined;
    let repaired: boolean;
    if (!doc || doc.machineVersion !== CASE_MACHINE_VERSION) {
      // no projection yet (a crash after the first append) or one written by another machine version
      state = await replayAll(caseId);
      repaired = true;
    } else {
      state = stateFromDoc(doc);
      const missing = await readCaseEvents(Events, caseId, doc.seq);
      for (const ev of missing) state = foldCaseEvent(state, ev);
      repaired = missing.length > 0;
    }
    if (!state) throw new DomainError('notFound', 'No such case.');
    const projected = projectCase(state);
    if (repaired) {
      if (doc && doc.machineVersion !== CASE_MACHINE_VERSION) {
        await Cases.collection.replaceOne({ _id: caseId } as never, projected);
      } else {
        await saveProjection(projected);
      }
    }
    return { doc: projected, state };
  }

  /** Appends, projects and runs the listeners; returns the projection after any follow-up events. */
  async function commit(state: CaseFoldState | undefined, ev: CaseEventDoc): Promise<CaseDoc> {
    await append(ev);
    const doc = projectCase(foldCaseEvent(state, ev));
    const previousClocks = state ? projectCase(state).clocks : [];
    try {
      await saveProjection(doc);
    } catch (err) {
      interrupted.add(ev.caseId); // the event is in: its projection and effects are redone later
      await notify(ev, doc, previousClocks, true); // and it is pushed live now
      throw err;
    }
    const before = appendCount;
    await notify(ev, doc, previousClocks);
    // effects appended follow-up events (an assignment, an organisation…): return their result
    return appendCount === before ? doc : (await load(ev.caseId)).doc;
  }

  const store: CaseStore = {
    models: { events: Events, cases: Cases },
    interrupted,

    onAppended(listener, opts = {}) {
      listeners.push({ listener, evenIfUnsaved: opts.evenIfUnsaved === true });
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
      const { state } = opts.loaded?.doc._id === caseId ? opts.loaded : await load(caseId);
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
      return commit(state, ev);
    },

    async record(caseId, actor, type, data) {
      const { state } = await load(caseId);
      const ev = buildEvent({ caseId, ...state }, 'record', type, actor, deps.now(), data, state.snapshot);
      return commit(state, ev);
    },

    async events(caseId, afterSeq = 0) {
      return readCaseEvents(Events, caseId, afterSeq);
    },

    async rebuild(caseId) {
      const state = await replayAll(caseId);
      if (!state) throw new DomainError('notFound', 'No such case.');
      const doc = projectCase(state);
      await Cases.collection.replaceOne({ _id: caseId } as never, doc, { upsert: true });
      return doc;
    },
  };
  return store;
}
