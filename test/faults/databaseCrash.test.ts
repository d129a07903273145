import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { freePort } from '../../server/db/freePort.js';
import { checkDataDir } from '../support/faultChecks.js';
import { LoadGenerator, seededRandom, send, type SessionCase } from '../support/faultLoad.js';
import { summaryLine, writeFaultCounts } from '../support/faultReport.js';
import {
  ClockDriver,
  driveClocks,
  messageEventsWithoutMessage,
  openSessionCases,
  readMessages,
  signInDemoUsers,
  waitForDueClocks,
} from '../support/faultScenario.js';
import {
  faultSuiteUnavailable,
  enginePidOf,
  engineProcessesOf,
  killServer,
  processAlive,
  sleep,
  startFaultServer,
  stopServer,
  waitForProcessGone,
  type FaultServer,
} from '../support/faultServer.js';

/** Engine kills per run. */
const KILLS = Number(process.env.FAULT_DB_KILLS ?? 3);
/** A write refused while the database is down must be answered within this. */
const REFUSAL_WITHIN_MS = 6000;

/** What one engine kill looked like from outside the server. */
interface Outage {
  /** From the kill to the first `/readyz` 503. */
  notReadyAfterMs: number;
  /** From the kill to `/readyz` 200 again. */
  recoveredAfterMs: number;
  readyz503: number;
  /** Writes sent while `/readyz` said not ready: status, content type, time taken. */
  writes: { status: number | string; problemJson: boolean; ms: number }[];
}

/**
 * Watches a server while its engine is down: polls `/readyz` until it answers 503, sends a write
 * each time it does (a RECORD_SESSION with a stale `expectedSeq`, so it changes nothing whatever
 * happens), and goes on until `/readyz` answers 200 again.
 */
async function watchOutage(
  url: string,
  probe: SessionCase,
  killedAt: number,
  timeoutMs = 60_000,
): Promise<Outage> {
  const outage: Outage = { notReadyAfterMs: -1, recoveredAfterMs: -1, readyz503: 0, writes: [] };
  while (Date.now() - killedAt < timeoutMs) {
    const ready = await send(url, 'GET', '/readyz', undefined, undefined, {}, 10_000);
    const status = ready.kind === 'response' ? ready.status : ready.kind;
    if (status === 503) {
      outage.readyz503++;
      if (outage.notReadyAfterMs < 0) outage.notReadyAfterMs = Date.now() - killedAt;
      const w = await send(
        url,
        'POST',
        `/api/cases/${probe.id}/actions`,
        probe.mediatorToken,
        { type: 'RECORD_SESSION', notes: 'Probe while the database is down', expectedSeq: 0 },
        {},
        20_000,
      );
      outage.writes.push({
        status: w.kind === 'response' ? w.status : w.kind,
        problemJson:
          w.kind === 'response' && /application\/problem\+json/.test(w.headers.get('content-type') ?? ''),
        ms: w.ms,
      });
    } else if (status === 200 && outage.notReadyAfterMs >= 0) {
      outage.recoveredAfterMs = Date.now() - killedAt;
      return outage;
    } else if (status === 200 && Date.now() - killedAt > 5000) {
      return outage; // never seen down: the caller fails on it
    }
    await sleep(25);
  }
  return outage;
}

/**
 * Issue 7, crash suite: the embedded engine (SecantusDB, the server's supervised child) is killed with
 * SIGKILL under a running server and a steady load, 3 times. The server reports not-ready, refuses
 * writes with 503 problem+json at once, restarts the engine by itself and recovers without being
 * restarted; afterwards the same integrity checks as after the server kills hold.
 */
describe('crash suite: the database engine killed under a running server', function () {
  this.timeout(300_000);
  const seed = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 1e9));
  const random = seededRandom(seed);
  let dataDir = '';
  let server: FaultServer | undefined;
  let load: LoadGenerator | undefined;

  before(function () {
    const missing = faultSuiteUnavailable();
    if (missing) {
      console.log(`    skipped: ${missing}`);
      this.skip();
    }
    dataDir = mkdtempSync(join(tmpdir(), 'sevenfold-faults-db-'));
  });

  after(async () => {
    void load?.stop(); // a failed run: no new actions (the ones under way end with the server)
    if (server) await killServer(server);
    if (!dataDir) return;
    for (const pid of engineProcessesOf(dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`reports not-ready, refuses writes with 503 and recovers by itself, ${KILLS} times`, async () => {
    const started = Date.now();
    const port = await freePort();
    server = await startFaultServer({ dataDir, port });
    const firstStartMs = Date.now() - started;
    const serverPid = server.pid;
    const tokens = await signInDemoUsers(server.url);
    const sessions = await openSessionCases(server.url, tokens, 5, 'database');
    const sessionIds = sessions.map((c) => c.id);
    const probe = sessions.pop() as SessionCase; // the outage probe's case: no load on it
    load = new LoadGenerator({
      baseUrl: server.url,
      complainantToken: tokens.complainant,
      sessionCases: sessions,
      random,
      workers: 3,
    });
    const clocks = new ClockDriver();
    const outages: Outage[] = [];
    const run = { seed, firstStartMs, engineKills: 0, engineRestarts: 0, serverRestarts: 0 };

    load.start();
    for (let k = 0; k < KILLS; k++) {
      await sleep(1000 + random() * 1500);
      await driveClocks(dataDir, clocks, load, 2); // publishing may be cut by the kill below
      await sleep(random() * 500);
      const enginePid = enginePidOf(dataDir);
      expect(enginePid, 'secantusdb.pid').to.be.a('number');
      const killedAt = Date.now();
      process.kill(enginePid as number, 'SIGKILL');
      run.engineKills++;
      const outage = await watchOutage(server.url, probe, killedAt);
      outages.push(outage);

      expect(outage.notReadyAfterMs, `kill ${k + 1}: /readyz never answered 503`).to.be.at.least(0);
      expect(outage.recoveredAfterMs, `kill ${k + 1}: /readyz did not answer 200 again`).to.be.at.least(0);
      for (const w of outage.writes) {
        // refused at once (503), or — if the engine came back in between — answered 409 (stale seq)
        expect(w.status, `kill ${k + 1}: a write while not ready`).to.be.oneOf([503, 409]);
        expect(w.problemJson, `kill ${k + 1}: problem+json`).to.equal(true);
        expect(w.ms, `kill ${k + 1}: answered in time`).to.be.below(REFUSAL_WITHIN_MS);
      }
      expect(outage.writes.some((w) => w.status === 503)).to.equal(true);
      expect(await waitForProcessGone(enginePid as number, 2000)).to.equal(true);
      const next = enginePidOf(dataDir);
      expect(next, 'a new engine').to.be.a('number').and.not.equal(enginePid);
      run.engineRestarts++;
      // the same server process, never restarted
      expect(server.proc.exitCode, server.output()).to.equal(null);
      expect(processAlive(serverPid)).to.equal(true);
      expect(engineProcessesOf(dataDir)).to.deep.equal([next]);
    }
    // writes succeed again on the same server
    const current = await send(server.url, 'GET', `/api/cases/${probe.id}`, probe.mediatorToken);
    const seq = current.kind === 'response' ? Number(current.body.seq) : 0;
    const marker = 'Fault-run session after the outages';
    const after = await send(server.url, 'POST', `/api/cases/${probe.id}/actions`, probe.mediatorToken, {
      type: 'RECORD_SESSION',
      notes: marker,
      expectedSeq: seq,
    });
    expect(after.kind === 'response' ? after.status : after.kind).to.equal(200);
    // the acknowledged seq comes from the answer: a generated document may land first
    const ackedSeq = after.kind === 'response' ? Number(after.body.seq) : seq + 1;
    load.acked.push({
      kind: 'session',
      caseId: probe.id,
      seq: ackedSeq,
      expectedSeq: seq,
      type: 'RECORD_SESSION',
      marker,
    });
    await load.stop();

    const clocksWaiting = await waitForDueClocks(dataDir, clocks, load);
    const messagesCutOff = await messageEventsWithoutMessage(dataDir);
    await readMessages(server.url, tokens.complainant, sessionIds);
    expect(server.pid).to.equal(serverPid);
    const last = server;
    const serverErrors = last.errors();
    const stopped = await stopServer(last);
    expect(stopped.code, last.output()).to.equal(0);
    expect(engineProcessesOf(dataDir), 'engine processes of the DATA_DIR').to.deep.equal([]);
    server = undefined;

    const { verifyLog, integrity } = await checkDataDir(dataDir, {
      acked: load.acked,
      unacked: load.unacked,
      due: clocks.due,
    });
    const writes = outages.flatMap((o) => o.writes);
    const counts = {
      ...run,
      readyz503: outages.reduce((n, o) => n + o.readyz503, 0),
      writesWhileDown: writes.length,
      writesRefused503: writes.filter((w) => w.status === 503).length,
      slowestRefusalMs: Math.max(0, ...writes.map((w) => w.ms)),
      slowestNotReadyMs: Math.max(...outages.map((o) => o.notReadyAfterMs)),
      slowestRecoveryMs: Math.max(...outages.map((o) => o.recoveredAfterMs)),
      ...load.counts,
      committedUnacknowledgedSessions: load.committedUnacknowledged,
      casesVerified: integrity.cases,
      eventsVerified: integrity.eventsVerified,
      acknowledgedChecked: integrity.acknowledgedChecked,
      unacknowledgedButCommitted: integrity.unacknowledgedCommitted,
      messagesRepairedOnRead: messagesCutOff,
      clocksMadeDue: clocks.due.length,
      clocksStillWaiting: clocksWaiting,
      clocksFiredOnce: integrity.clocksFired,
      pendingIdempotencyKeys: integrity.pendingIdempotencyKeys,
      verifyLog: verifyLog.summary,
      problems: integrity.problems.length,
      durationS: Math.round((Date.now() - started) / 1000),
    };
    console.log(`    ${summaryLine('database SIGKILL', counts)}`);
    await writeFaultCounts('databaseCrash', counts);

    expect(integrity.problems, 'integrity').to.deep.equal([]);
    expect(verifyLog.code, verifyLog.output).to.equal(0);
    expect(load.failures, `failed requests; the server logged:\n${serverErrors}`).to.deep.equal([]);
    expect(load.counts.acknowledged, 'acknowledged actions').to.be.at.least(10);
    expect(
      load.unacked.filter((u) => u.kind === 'filing'),
      'filings never answered',
    ).to.deep.equal([]);
  });
});
