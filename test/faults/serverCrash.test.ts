import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { freePort } from '../../server/db/freePort.js';
import { checkDataDir } from '../support/faultChecks.js';
import { LoadGenerator, seededRandom } from '../support/faultLoad.js';
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
  spawnFaultServer,
  startFaultServer,
  stopServer,
  waitForProcessGone,
  type FaultServer,
} from '../support/faultServer.js';

/** SIGKILLs per run (FAULT_KILLS shortens a run while working on the suite). */
const KILLS = Number(process.env.FAULT_KILLS ?? 10);

/**
 * Issue 7, crash suite: a server with its own embedded engine (the default deployment) is killed
 * with SIGKILL at random points under a steady load of actions, 10 times, and restarted on the same
 * DATA_DIR each time. Clocks are made to come due during the run through a side door to the
 * server's own engine. Afterwards nothing acknowledged is lost, nothing is duplicated, every chain
 * verifies, every projection equals its replay and every clock that came due fired exactly once.
 */
describe('crash suite: the server killed with SIGKILL under load', function () {
  this.timeout(360_000);
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
    dataDir = mkdtempSync(join(tmpdir(), 'sevenfold-faults-server-'));
  });

  after(async () => {
    void load?.stop(); // a failed run: no new actions (the ones under way end with the server)
    if (server) await killServer(server);
    if (!dataDir) return;
    for (const pid of engineProcessesOf(dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`loses and duplicates nothing across ${KILLS} SIGKILLs of the server and restarts`, async () => {
    const started = Date.now();
    const port = await freePort();
    server = await startFaultServer({ dataDir, port });
    const firstStartMs = Date.now() - started;
    const tokens = await signInDemoUsers(server.url);
    const sessions = await openSessionCases(server.url, tokens, 6, 'server');
    const sessionIds = sessions.map((c) => c.id);
    load = new LoadGenerator({
      baseUrl: server.url,
      complainantToken: tokens.complainant,
      sessionCases: sessions,
      random,
      workers: 4,
    });
    const clocks = new ClockDriver();
    const run = {
      seed,
      firstStartMs,
      kills: 0,
      killsDuringStart: 0,
      restarts: 0,
      enginesOutlivingTheirServer: 0,
      slowestRestartMs: 0,
    };

    const restartMs: number[] = [];
    const restart = async (): Promise<void> => {
      const t = Date.now();
      server = await startFaultServer({ dataDir, port });
      run.restarts++;
      restartMs.push(Date.now() - t);
      run.slowestRestartMs = Math.max(...restartMs);
    };

    load.start();
    for (let k = 0; k < KILLS; k++) {
      const window = 600 + random() * 1800;
      const clockAt = random() * window;
      await sleep(clockAt);
      if (k % 2 === 1) await driveClocks(dataDir, clocks, load, 2);
      await sleep(window - clockAt);

      const enginePid = enginePidOf(dataDir);
      await killServer(server);
      run.kills++;
      // the engine dies with its server (parent-death signal); otherwise the next start reclaims it
      if (enginePid && !(await waitForProcessGone(enginePid, 2000))) run.enginesOutlivingTheirServer++;

      if (k % 4 === 3) {
        // a kill in the middle of the next start (seeding, start-up reconciliation, scheduler)
        const early = spawnFaultServer({ dataDir, port });
        await sleep(300 + random() * 1500);
        const earlyEngine = enginePidOf(dataDir);
        await killServer(early);
        run.killsDuringStart++;
        if (earlyEngine && !(await waitForProcessGone(earlyEngine, 2000))) run.enginesOutlivingTheirServer++;
      }
      await restart();
      if (enginePid)
        expect(processAlive(enginePid), `engine ${enginePid} of the killed server`).to.equal(false);
      expect(engineProcessesOf(dataDir)).to.have.length(1);
      await driveClocks(dataDir, clocks, load); // a start re-syncs pending deadlines: time has still passed
    }
    await load.stop();

    // every clock made due fires (the last server's scheduler; the move is re-applied if undone)
    const clocksWaiting = await waitForDueClocks(dataDir, clocks, load);
    // messages whose document a kill cut off are listed again once read (repair on read)
    const messagesCutOff = await messageEventsWithoutMessage(dataDir);
    await readMessages(server.url, tokens.complainant, sessionIds);

    const last = server;
    const stopped = await stopServer(last);
    expect(stopped.code, last.output()).to.equal(0);
    expect(engineProcessesOf(dataDir), 'engine processes of the DATA_DIR').to.deep.equal([]);
    server = undefined;

    const { verifyLog, integrity } = await checkDataDir(dataDir, {
      acked: load.acked,
      unacked: load.unacked,
      due: clocks.due,
    });

    const counts = {
      ...run,
      medianRestartMs: [...restartMs].sort((x, y) => x - y)[Math.floor(restartMs.length / 2)] ?? 0,
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
    console.log(`    ${summaryLine('server SIGKILL', counts)}`);
    await writeFaultCounts('serverCrash', counts);

    expect(integrity.problems, 'integrity').to.deep.equal([]);
    expect(verifyLog.code, verifyLog.output).to.equal(0);
    expect(load.failures, 'failed requests').to.deep.equal([]);
    expect(run.kills).to.equal(KILLS);
    expect(load.counts.acknowledged, 'acknowledged actions').to.be.at.least(30);
    expect(clocks.due.length).to.be.greaterThan(0);
    expect(
      load.unacked.filter((u) => u.kind === 'filing'),
      'filings never answered',
    ).to.deep.equal([]);
  });
});
