import type { ClientSession, Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { AccessKind, ChangeKind } from '../../shared/admin/auditKinds.js';
import type { AuthUser } from '../auth/authUser.js';
import { auditEventId } from './auditEventId.js';
import { auditEventModel, type AuditEventDoc, type AuditTarget } from './auditEventModel.js';

/** A read already recorded is not recorded again by the same reader within these windows. */
const REPEAT_WINDOW_MS: Record<AccessKind, number> = {
  // the case page refetches its case on every live update: one entry per reader per five minutes
  'case.view': 5 * 60_000,
  // a video player asks for many byte ranges of one file: one entry per half minute
  'evidence.download': 30_000,
  'caseFile.download': 30_000,
  'calendar.download': 30_000,
};
/** Reads gathered before they are written (at most this long, or this many). */
const FLUSH_AFTER_MS = 200;
const FLUSH_AT = 200;
/** Readers remembered for the repeat windows; beyond it the oldest half is forgotten. */
const REMEMBERED = 20_000;

/** An administrative change to record. */
export interface AuditChange {
  kind: ChangeKind;
  orgId: string | null;
  target: AuditTarget;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * The audit log's writing side. Reads are recorded fire-and-forget: gathered in memory and written in
 * one insert a moment later (a failure is logged; the response never waits). Administrative changes
 * are written inside the change's own transaction, so a change is never without its entry.
 */
export interface AuditLog {
  /** Notes that `user` read `target` of case `caseId` (the handling organisation is looked up when written). */
  access(user: AuthUser, kind: AccessKind, caseId: string, target: AuditTarget): void;
  /** Writes an administrative change in `session` (the transaction of the change). */
  change(session: ClientSession, user: AuthUser, change: AuditChange): Promise<void>;
  /** Writes the reads gathered so far. */
  flush(): Promise<void>;
}

/** Builds the audit log on a connection. */
export function createAuditLog(deps: {
  db: Connection;
  logger: Logger;
  now?: () => Date;
  /** The organisation holding each of these cases (`server/cases/caseOrgs.ts`): who may read their log. */
  orgsOfCases: (caseIds: string[]) => Promise<Map<string, string | null>>;
}): AuditLog {
  const Audit = auditEventModel(deps.db);
  const now = deps.now ?? (() => new Date());
  let pending: AuditEventDoc[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const lastSeen = new Map<string, number>();

  const actorOf = (user: AuthUser) => ({ actorId: user.id, actorName: user.name, actorRole: user.role });

  async function write(batch: AuditEventDoc[]): Promise<void> {
    try {
      const caseIds = [...new Set(batch.map((e) => e.caseId).filter((id): id is string => Boolean(id)))];
      const orgs = await deps.orgsOfCases(caseIds);
      for (const e of batch) if (e.caseId) e.orgId = orgs.get(e.caseId) ?? null;
      await Audit.collection.insertMany(batch as never[], { ordered: false });
    } catch (err) {
      deps.logger.error({ err, entries: batch.length }, 'audit: reads could not be recorded');
    }
  }

  const log: AuditLog = {
    access(user, kind, caseId, target) {
      const at = now();
      const key = `${user.id}|${kind}|${target.id}`;
      const last = lastSeen.get(key);
      if (last !== undefined && at.getTime() - last < REPEAT_WINDOW_MS[kind]) return;
      if (lastSeen.size >= REMEMBERED) {
        let drop = REMEMBERED / 2;
        for (const k of lastSeen.keys()) {
          lastSeen.delete(k);
          if (--drop <= 0) break;
        }
      }
      lastSeen.set(key, at.getTime());
      pending.push({
        _id: auditEventId(at),
        at,
        kind,
        ...actorOf(user),
        caseId,
        orgId: null,
        target,
        before: null,
        after: null,
      });
      if (pending.length >= FLUSH_AT) void log.flush();
      else timer ??= setTimeout(() => void log.flush(), FLUSH_AFTER_MS).unref();
    },
    async change(session, user, change) {
      const at = now();
      const entry: AuditEventDoc = { _id: auditEventId(at), at, ...actorOf(user), caseId: null, ...change };
      await Audit.collection.insertOne(entry as never, { session });
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      const batch = pending;
      pending = [];
      writing = writing.then(() => (batch.length ? write(batch) : undefined));
      return writing;
    },
  };
  return log;
}
