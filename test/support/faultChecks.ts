import { MongoClient, type Db } from 'mongodb';
import type { CaseEventDoc } from '../../server/cases/caseEventModel.js';
import { caseSearchTokens } from '../../server/cases/caseSearchTokens.js';
import { foldCaseEvent } from '../../server/cases/foldCaseEvent.js';
import { projectCase, type CaseFoldState } from '../../server/cases/projectCase.js';
import { verifyCaseLog } from '../../server/cases/verifyCaseLog.js';
import { startEmbeddedDatabase } from '../../server/db/startEmbeddedDatabase.js';
import { clockRunId } from '../../server/clocks/syncClockRuns.js';
import { canonicalize } from '../../shared/util/canonicalJson.js';
import type { AckedAction, UnackedAction } from './faultLoad.js';
import type { DueClock } from './faultScenario.js';
import { runVerifyLog } from './faultServer.js';
import { testLogger } from './testEnvironment.js';

/** What the integrity checks of a fault run found. */
export interface IntegrityReport {
  /** Case logs checked (hash chain, seq 1..n, projection against replay). */
  cases: number;
  /** Events whose hash, chain link and seq were verified. */
  eventsVerified: number;
  acknowledgedChecked: number;
  /** Unacknowledged actions the log holds anyway (the crash came after the write). */
  unacknowledgedCommitted: number;
  /** Clock levels made due, each fired exactly once. */
  clocksFired: number;
  /** Clocks of open cases without a live stored deadline (they would never fire). */
  clocksWithoutRun: number;
  /** Idempotency keys left `pending` by a request that never finished. */
  pendingIdempotencyKeys: number;
  /** Everything that is wrong; empty when the run lost and duplicated nothing. */
  problems: string[];
}

type StoredEvent = CaseEventDoc & { data: Record<string, unknown> };

/**
 * A value as JSON, without null members: the driver stores an undefined member as null, so the
 * stored projection holds nulls where the replayed one has nothing (the same projection).
 */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => (v === null ? undefined : v)) as unknown;
}

/** The first few paths where two JSON values differ, with both values. */
function differences(a: unknown, b: unknown, path: string, out: string[]): string[] {
  if (out.length >= 3 || canonicalize(a ?? null) === canonicalize(b ?? null)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
    }
    return out;
  }
  out.push(`${path || '.'}: stored ${JSON.stringify(a)}, replayed ${JSON.stringify(b)}`);
  return out;
}

/** The unique text that marks an action in its event (filing title, session notes, message body). */
function markerOf(ev: StoredEvent): string | undefined {
  if (ev.type === 'FILED') return (ev.data.complaint as { title?: string } | undefined)?.title;
  if (ev.type === 'RECORD_SESSION') return ev.data.notes as string | undefined;
  if (ev.type === 'MESSAGE_POSTED') return ev.data.body as string | undefined;
  return undefined;
}

/**
 * Checks a fault run's database (`sevenfold` on the engine, read after the server stopped):
 * every case log's hash chain and seq run 1..n; every projection equals the replay of its log, and
 * its search tokens (`case_search`) those of the replay;
 * every acknowledged action is in the log at its seq with its type (and an acknowledged message in
 * `messages`); no action appears twice (by title, notes, body, message id); every message event has
 * its message; every clock level made due was published exactly once, and no level anywhere twice;
 * every clock an open case runs has its stored deadline.
 */
export async function checkIntegrity(
  db: Db,
  ledger: { acked: readonly AckedAction[]; unacked: readonly UnackedAction[]; due: readonly DueClock[] },
): Promise<IntegrityReport> {
  const problems: string[] = [];
  const Events = db.collection<StoredEvent>('case_events');
  const events = await Events.find({}).sort({ caseId: 1, seq: 1 }).toArray();
  const byCase = new Map<string, StoredEvent[]>();
  for (const ev of events) {
    const list = byCase.get(ev.caseId) ?? [];
    list.push(ev);
    byCase.set(ev.caseId, list);
  }

  // hash chains and projections
  const projections = new Map(
    (await db.collection<{ _id: string }>('cases').find({}).toArray()).map((c) => [c._id, c] as const),
  );
  const searchTokensOf = new Map(
    (await db.collection<{ _id: string; tokens: string[] }>('case_search').find({}).toArray()).map(
      (d) => [d._id, d.tokens] as const,
    ),
  );
  for (const [caseId, log] of byCase) {
    const check = verifyCaseLog(caseId, log);
    if (!check.ok) {
      problems.push(`case ${caseId}: ${check.problems.join('; ')}`);
      continue;
    }
    let state: CaseFoldState | undefined;
    try {
      for (const ev of log) state = foldCaseEvent(state, ev);
    } catch (err) {
      problems.push(`case ${caseId}: the log does not replay: ${(err as Error).message}`);
      continue;
    }
    const stored = projections.get(caseId);
    if (!stored) {
      problems.push(`case ${caseId}: no projection`);
      continue;
    }
    const replayed = projectCase(state as CaseFoldState);
    const storedJson = plain(stored);
    const replayedJson = plain(replayed);
    if (canonicalize(storedJson) !== canonicalize(replayedJson)) {
      const differing = differences(storedJson, replayedJson, '', []).join('; ');
      problems.push(`case ${caseId}: projection differs from its replay: ${differing}`);
    }
    const tokens = [...(searchTokensOf.get(caseId) ?? [])].sort();
    if (canonicalize(tokens) !== canonicalize(caseSearchTokens(replayed).sort()))
      problems.push(`case ${caseId}: its search tokens differ from those of its replay`);
  }
  for (const id of projections.keys()) {
    if (!byCase.has(id)) problems.push(`case ${id}: a projection without any event`);
  }

  // acknowledged actions: in the log at their seq, once
  const byMarker = new Map<string, StoredEvent[]>();
  const byMessageId = new Map<string, number>();
  for (const ev of events) {
    const marker = markerOf(ev);
    if (marker?.startsWith('Fault-run')) byMarker.set(marker, [...(byMarker.get(marker) ?? []), ev]);
    if (ev.type === 'MESSAGE_POSTED') {
      const id = String(ev.data.messageId);
      byMessageId.set(id, (byMessageId.get(id) ?? 0) + 1);
    }
  }
  const byId = new Map(events.map((e) => [e._id, e] as const));
  const messageDocs = new Map(
    (await db.collection<{ _id: string; caseId: string; seq: number }>('messages').find({}).toArray()).map(
      (m) => [m._id, m] as const,
    ),
  );
  for (const a of ledger.acked) {
    const ev = byId.get(`${a.caseId}:${a.seq}`);
    if (!ev) {
      problems.push(`acknowledged ${a.type} "${a.marker}" is not in the log at ${a.caseId}:${a.seq}`);
      continue;
    }
    if (ev.type !== a.type || markerOf(ev) !== a.marker) {
      problems.push(
        `${a.caseId}:${a.seq} is ${ev.type} "${markerOf(ev)}", acknowledged as ${a.type} "${a.marker}"`,
      );
    }
    if (a.expectedSeq !== undefined) {
      // applied after the seq it expected only over generated documents, never over a change
      for (let seq = a.expectedSeq + 1; seq < a.seq; seq++) {
        const between = byId.get(`${a.caseId}:${seq}`);
        if (between?.type !== 'DOCUMENT_ISSUED')
          problems.push(
            `acknowledged ${a.type} "${a.marker}" expected seq ${a.expectedSeq} but went over ${between?.type ?? 'nothing'} at ${seq}`,
          );
      }
    }
    const copies = byMarker.get(a.marker)?.length ?? 0;
    if (copies !== 1) problems.push(`acknowledged ${a.type} "${a.marker}" is in the log ${copies} times`);
    if (a.messageId !== undefined) {
      if (ev.data.messageId !== a.messageId)
        problems.push(`message ${a.messageId}: its event names another id`);
      const m = messageDocs.get(a.messageId);
      if (!m || m.caseId !== a.caseId || m.seq !== a.seq) {
        problems.push(`acknowledged message ${a.messageId} is missing from messages (or at another seq)`);
      }
    }
  }
  let unacknowledgedCommitted = 0;
  for (const u of ledger.unacked) {
    const copies = byMarker.get(u.marker)?.length ?? 0;
    if (copies > 1) problems.push(`unacknowledged ${u.kind} "${u.marker}" is in the log ${copies} times`);
    if (copies === 1) unacknowledgedCommitted++;
  }
  for (const [id, n] of byMessageId) if (n > 1) problems.push(`message id ${id} is in the log ${n} times`);
  for (const ev of events) {
    if (ev.type !== 'MESSAGE_POSTED') continue;
    const m = messageDocs.get(String(ev.data.messageId));
    if (!m) problems.push(`message event ${ev._id} has no message (lost from GET /messages)`);
  }

  // clocks: each level made due published exactly once; no level anywhere published twice
  const levels = new Map<string, number>();
  for (const ev of events) {
    if (typeof ev.data.clockRunId !== 'string' || typeof ev.data.level !== 'string') continue;
    const key = `${ev.data.clockRunId} ${ev.data.level}`;
    levels.set(key, (levels.get(key) ?? 0) + 1);
  }
  for (const [key, n] of levels) if (n > 1) problems.push(`clock level ${key} fired ${n} times`);
  let clocksFired = 0;
  for (const c of ledger.due) {
    const n = levels.get(`${c.clockRunId} ${c.level}`) ?? 0;
    if (n === 1) clocksFired++;
    else problems.push(`clock ${c.clockRunId} (${c.level}) came due and fired ${n} times`);
  }

  // every clock an open case runs has its stored deadline (else it would never fire)
  const expiryStates = new Map(
    (await db.collection<{ _id: string; state: string }>('deadlines').find({}).toArray()).map(
      (d) => [d._id, d.state] as const,
    ),
  );
  let clocksWithoutRun = 0;
  for (const c of projections.values()) {
    const p = c as unknown as { _id: string; status: string; clocks?: { clock: string; startedAt: Date }[] };
    if (p.status === 'closed') continue;
    for (const clock of p.clocks ?? []) {
      const id = clockRunId(p._id, clock.clock, new Date(clock.startedAt));
      const state = expiryStates.get(id);
      if (state === undefined || state === 'cancelled') {
        clocksWithoutRun++;
        problems.push(
          `case ${p._id} runs clock ${clock.clock} but its deadline ${id} is ${state ?? 'missing'}`,
        );
      }
    }
  }

  const pendingIdempotencyKeys = await db.collection('idempotency_keys').countDocuments({ state: 'pending' });
  return {
    cases: byCase.size,
    eventsVerified: events.length,
    acknowledgedChecked: ledger.acked.length,
    unacknowledgedCommitted,
    clocksFired,
    clocksWithoutRun,
    pendingIdempotencyKeys,
    problems,
  };
}

/** What a stopped server's data folder holds, checked twice: by `npm run verify-log` and here. */
export interface DataDirCheck {
  /** Exit code and last line of `scripts/verifyLog.ts`. */
  verifyLog: { code: number | null; summary: string; output: string };
  integrity: IntegrityReport;
}

/**
 * Checks the data folder of a stopped fault server: runs `scripts/verifyLog.ts` on it, then opens
 * its engine here and runs {@link checkIntegrity} against the run's ledger.
 */
export async function checkDataDir(
  dataDir: string,
  ledger: Parameters<typeof checkIntegrity>[1],
): Promise<DataDirCheck> {
  const verify = await runVerifyLog(dataDir);
  const engine = await startEmbeddedDatabase({ dataDir, logger: testLogger });
  const client = new MongoClient(engine.uri, { directConnection: true });
  try {
    const integrity = await checkIntegrity(client.db('sevenfold'), ledger);
    const summary = verify.output.trim().split('\n').pop() ?? '';
    return { verifyLog: { code: verify.code, summary, output: verify.output }, integrity };
  } finally {
    await client.close();
    await engine.stop();
  }
}
