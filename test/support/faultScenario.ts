import type { Db } from 'mongodb';
import { DEMO_PASSWORD } from '../../server/demo/demoDirectory.js';
import type { ClockWarningLevel } from '../../server/clocks/clockRunModel.js';
import { mediationComplaint } from './caseApi.js';
import { send, type LoadGenerator, type SessionCase } from './faultLoad.js';
import { connectToServerEngine, sleep } from './faultServer.js';

/** Tokens of the demo accounts a fault run uses (valid across restarts: the JWT secret is fixed). */
export interface FaultTokens {
  complainant: string;
  admin: string;
  respondent: string;
  /** Mediator tokens by user id. */
  mediators: Map<string, string>;
}

async function must(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  token: string | undefined,
  body?: unknown,
  expected = 200,
): Promise<Record<string, unknown>> {
  const a = await send(baseUrl, method, path, token, body);
  if (a.kind !== 'response' || a.status !== expected) {
    throw new Error(
      `${method} ${path}: ${a.kind === 'response' ? `${a.status} ${JSON.stringify(a.body)}` : a.kind}`,
    );
  }
  return a.body;
}

/** Signs in the demo accounts the load uses. */
export async function signInDemoUsers(baseUrl: string): Promise<FaultTokens> {
  const login = async (email: string) =>
    (await must(baseUrl, 'POST', '/api/auth/login', undefined, { email, password: DEMO_PASSWORD })) as {
      token: string;
      user: { id: string };
    };
  const mediators = new Map<string, string>();
  for (const email of ['mediator@demo.local', 'mediator2@demo.local']) {
    const m = await login(email);
    mediators.set(m.user.id, m.token);
  }
  return {
    complainant: (await login('complainant@demo.local')).token,
    admin: (await login('admin@demo.local')).token,
    respondent: (await login('respondent@demo.local')).token,
    mediators,
  };
}

/**
 * Files `count` mediation complaints and takes each into a mediation session: the intake desk
 * accepts and routes it, the mediator the server assigned accepts, the respondent consents.
 */
export async function openSessionCases(
  baseUrl: string,
  tokens: FaultTokens,
  count: number,
  label: string,
): Promise<SessionCase[]> {
  const cases: SessionCase[] = [];
  for (let i = 0; i < count; i++) {
    const filed = await must(
      baseUrl,
      'POST',
      '/api/cases',
      tokens.complainant,
      mediationComplaint(`Fault-run mediation ${label} ${i}`),
      201,
    );
    const id = String(filed.id);
    const act = (token: string, action: Record<string, unknown>) =>
      must(baseUrl, 'POST', `/api/cases/${id}/actions`, token, action);
    await act(tokens.admin, { type: 'ACCEPT' });
    const routed = await act(tokens.admin, { type: 'ROUTE', channel: 'mediation' });
    const mediatorToken = tokens.mediators.get(String(routed.mediatorId));
    if (!mediatorToken)
      throw new Error(`case ${id}: no demo mediator was assigned (${String(routed.mediatorId)})`);
    await act(mediatorToken, { type: 'ACCEPT_ASSIGNMENT' });
    const inSession = await act(tokens.respondent, { type: 'CONSENT' });
    if (!String(inSession.stage).includes('inSession')) {
      throw new Error(`case ${id} is in ${String(inSession.stage)}, not in session`);
    }
    cases.push({ id, mediatorToken, seq: Number(inSession.seq) });
  }
  return cases;
}

/** A clock level the test made come due, which must fire exactly once. */
export interface DueClock {
  clockRunId: string;
  caseId: string;
  clock: string;
  level: ClockWarningLevel;
}

interface StoredClockRun {
  _id: string;
  caseId: string;
  clock: string;
  state: string;
  done: Partial<Record<ClockWarningLevel, number>>;
}

/**
 * Makes clocks come due by moving their stored instants into the past (time passing, as the
 * multi-instance test does), and keeps doing so until each has fired: a server start re-syncs a
 * pending deadline with its case (undoing the move) before its scheduler looks, so after a restart
 * the move is applied again. Breaches are made due on filed cases the load leaves alone (an event
 * on the case would re-sync its deadlines); on cases in session only the 50 % and 80 % warnings.
 */
export class ClockDriver {
  readonly due: DueClock[] = [];
  private readonly chosen = new Set<string>();

  /** Chooses new clocks to make due: `breaches` screening clocks of quiet filed cases, one session warning. */
  async choose(db: Db, quietCaseIds: readonly string[], sessionCaseIds: readonly string[], breaches: number) {
    const ClockRuns = db.collection<StoredClockRun>('deadlines');
    let added = 0;
    for (const caseId of quietCaseIds) {
      if (added >= breaches) break;
      const d = await ClockRuns.findOne({ caseId, clock: 'screeningDecision', state: 'pending' });
      if (!d || this.chosen.has(`${d._id}:breach`)) continue;
      this.add({ clockRunId: d._id, caseId, clock: d.clock, level: 'breach' });
      added++;
    }
    for (const caseId of sessionCaseIds) {
      const d = await ClockRuns.findOne({ caseId, clock: 'mediation', state: 'pending' });
      if (!d) continue;
      const level: ClockWarningLevel | undefined =
        d.done.warning50 === undefined
          ? 'warning50'
          : d.done.warning80 === undefined && d.done.warning50 > 0
            ? 'warning80'
            : undefined;
      // a warning80 only once its warning50 has fired (both due at once would make the 50 % moot)
      if (!level || this.chosen.has(`${d._id}:${level}`)) continue;
      this.add({ clockRunId: d._id, caseId, clock: d.clock, level });
      break;
    }
  }

  private add(c: DueClock): void {
    this.chosen.add(`${c.clockRunId}:${c.level}`);
    this.due.push(c);
  }

  /** Moves every chosen level that has not fired yet into the past; resolves with how many are waiting. */
  async apply(db: Db): Promise<number> {
    const ClockRuns = db.collection<StoredClockRun>('deadlines');
    const past = new Date(Date.now() - 1000);
    let waiting = 0;
    for (const c of this.due) {
      if ((await this.firedCount(db, c)) > 0) continue;
      waiting++;
      const fields =
        c.level === 'warning50'
          ? { warnAt50: past, nextAt: past }
          : c.level === 'warning80'
            ? { warnAt80: past, nextAt: past }
            : { warnAt50: past, warnAt80: past, dueAt: past, nextAt: past };
      await ClockRuns.updateOne({ _id: c.clockRunId, state: 'pending' }, { $set: fields });
    }
    return waiting;
  }

  /** How many events publish this level (exactly one once it has fired). */
  firedCount(db: Db, c: DueClock): Promise<number> {
    return db
      .collection('case_events')
      .countDocuments({ caseId: c.caseId, 'data.clockRunId': c.clockRunId, 'data.level': c.level });
  }
}

/**
 * Drives a run's clocks through the running server's own engine: optionally chooses new ones among
 * the load's quiet filings and session cases, then applies every level still waiting. Resolves with
 * how many wait, or -1 when the engine could not be reached (a kill; applied again later).
 */
export async function driveClocks(
  dataDir: string,
  clocks: ClockDriver,
  load: LoadGenerator,
  chooseBreaches = 0,
): Promise<number> {
  const client = await connectToServerEngine(dataDir);
  if (!client) return -1;
  try {
    const db = client.db('sevenfold');
    if (chooseBreaches > 0) {
      const quiet = load.acked.filter((a) => a.kind === 'filing').map((a) => a.caseId);
      const sessions = load.sessionCases.map((c) => c.id);
      await clocks.choose(db, quiet, sessions, chooseBreaches);
    }
    return await clocks.apply(db);
  } catch {
    return -1;
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** Waits until every clock made due has fired (re-applying moves a restart undid), then one more pass. */
export async function waitForDueClocks(
  dataDir: string,
  clocks: ClockDriver,
  load: LoadGenerator,
  timeoutMs = 30_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let waiting = await driveClocks(dataDir, clocks, load);
  while (waiting !== 0 && Date.now() < deadline) {
    await sleep(500);
    waiting = await driveClocks(dataDir, clocks, load);
  }
  await sleep(1500); // the scheduler passes again: nothing may fire twice
  return waiting;
}

/** Message events whose `messages` document is missing (a server stopped between the two writes). */
export async function messageEventsWithoutMessage(dataDir: string): Promise<number> {
  const client = await connectToServerEngine(dataDir);
  if (!client) return -1;
  try {
    const db = client.db('sevenfold');
    const ids = await db.collection('case_events').distinct('data.messageId', { type: 'MESSAGE_POSTED' });
    const have = await db.collection('messages').countDocuments({ _id: { $in: ids } });
    return ids.length - have;
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** Reads the messages of each case through the API, as the parties' clients do (repairs on read). */
export async function readMessages(
  baseUrl: string,
  token: string,
  caseIds: readonly string[],
): Promise<void> {
  for (const id of caseIds) {
    const a = await send(baseUrl, 'GET', `/api/cases/${id}/messages?limit=100`, token);
    if (a.kind !== 'response' || a.status !== 200) {
      throw new Error(`GET messages of ${id}: ${a.kind === 'response' ? a.status : a.kind}`);
    }
  }
}
