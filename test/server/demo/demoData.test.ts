import { expect } from 'chai';
import { periodEndsAt } from '../../../shared/case/calendar.js';
import { validateComplaint } from '../../../shared/schemas/complaint.js';
import { CASE_STATUSES, CHANNELS, CLOSURE_REASONS, IP_TYPES, TRACKS } from '../../../shared/vocabulary.js';
import { createCaseStore } from '../../../server/cases/caseStore.js';
import { verifyCaseLog } from '../../../server/cases/verifyCaseLog.js';
import { creditEntryModel } from '../../../server/credit/creditEntryModel.js';
import { COMPLAINT_PROFILES, demoComplaint, profileCandidates } from '../../../server/demo/demoComplaints.js';
import { DEFAULT_DEMO_CASES } from '../../../server/config/demoDefaults.js';
import { REPEAT_INFRINGERS } from '../../../server/demo/demoParties.js';
import { demoRandom } from '../../../server/demo/demoRandom.js';
import { DEMO_COVERAGE, DEMO_SCENARIOS } from '../../../server/demo/demoScenarios.js';
import {
  DEMO_HISTORY_DAYS,
  DEMO_MEDIATOR_LOAD,
  planDemoCases,
  planScenarioCase,
  type DemoCasePlan,
} from '../../../server/demo/planDemoCases.js';
import { seedDemoCases } from '../../../server/demo/seedDemoCases.js';
import { seedDemoDirectory } from '../../../server/demo/seedDemoDirectory.js';
import { seedProgress } from '../../../server/demo/seedProgress.js';
import { spawnServer, waitForOk } from '../../support/spawnServer.js';
import { testLogger } from '../../support/testEnvironment.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const DAY = 86_400_000;
/** A fixed end of the demo history, so the pure checks see the same plan on every run. */
const NOW = new Date('2026-06-15T04:00:00.000Z');

const tally = <T>(items: readonly T[], key: (item: T) => string | null): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
};
const month = (d: Date) => d.toISOString().slice(0, 7);
const decidedAt = (p: DemoCasePlan) => p.steps.find((s) => s.action.type === 'DETERMINE')?.at;

describe('demo data', function () {
  this.timeout(120_000);
  const t = useTestDatabase('demo');

  it('every complaint profile draws valid, varied complaints', () => {
    const rng = demoRandom(7);
    const ipTypes = new Set<string>();
    for (const profile of COMPLAINT_PROFILES) {
      expect(profileCandidates(profile), profile).to.be.greaterThan(0);
      for (let i = 0; i < 25; i++) {
        const { complaint } = demoComplaint(rng, profile, { linkRespondent: i % 2 === 0 });
        expect(validateComplaint(complaint), `${profile}: ${complaint.title}`).to.not.have.property('errors');
        ipTypes.add(complaint.ipType);
      }
    }
    expect([...ipTypes].sort()).to.deep.equal([...IP_TYPES].sort());
  });

  it('every scenario fits the machine: each of its prefixes plans through a dry run', () => {
    for (const scenario of DEMO_SCENARIOS) {
      expect(scenario.steps.length, scenario.name).to.be.greaterThan(0);
      for (let steps = 0; steps <= scenario.steps.length; steps++) {
        const plan = planScenarioCase(scenario, steps, { now: NOW });
        expect(plan.steps, `${scenario.name} after ${steps} steps`).to.have.length(steps);
        expect(plan.expected.status === 'closed', `${scenario.name} after ${steps} steps`).to.equal(
          steps === scenario.steps.length,
        );
      }
    }
    for (const cover of DEMO_COVERAGE) {
      expect(DEMO_SCENARIOS.map((s) => s.name)).to.include(cover.scenario);
    }
  });

  it('plans the default volume with real distributions (pure and deterministic)', () => {
    const plans = planDemoCases(undefined, { now: NOW });
    expect(plans).to.have.length(DEFAULT_DEMO_CASES);
    expect(DEFAULT_DEMO_CASES).to.be.within(250, 400);
    expect(JSON.stringify(planDemoCases(undefined, { now: NOW }))).to.equal(JSON.stringify(plans));

    const byChannel = tally(plans, (p) => p.expected.channel);
    const byStatus = tally(plans, (p) => p.expected.status);
    const byClosure = tally(plans, (p) => p.expected.closureReason);
    for (const channel of CHANNELS) expect(byChannel.get(channel) ?? 0, channel).to.be.at.least(5);
    for (const status of CASE_STATUSES) expect(byStatus.get(status) ?? 0, status).to.be.at.least(1);
    for (const reason of CLOSURE_REASONS) expect(byClosure.get(reason) ?? 0, reason).to.be.at.least(2);
    expect(byStatus.get('closed')).to.be.within(plans.length * 0.4, plans.length * 0.75);
    expect(byStatus.get('inChannel')).to.be.at.least(plans.length * 0.2);
    const tracks = tally(plans, (p) => (p.expected.channel ? p.track : null));
    for (const track of TRACKS) expect(tracks.get(track) ?? 0, track).to.be.at.least(20);
    const ipTypes = tally(plans, (p) => p.complaint.ipType);
    for (const ipType of IP_TYPES) expect(ipTypes.get(ipType) ?? 0, ipType).to.be.at.least(1);
    // every in-channel stage of the scenarios is somewhere, and open cases leave mediators room
    expect(new Set(plans.map((p) => p.expected.stage)).size).to.be.at.least(30);
    expect(plans.filter((p) => p.expected.holdsMediator).length).to.be.at.most(DEMO_MEDIATOR_LOAD);

    // filed over the last year, more in recent months, every step in order and in the past
    expect(tally(plans, (p) => month(p.filedAt)).size).to.be.at.least(12);
    for (const p of plans) {
      expect(p.filedAt.getTime()).to.be.within(
        NOW.getTime() - (DEMO_HISTORY_DAYS + 200) * DAY,
        NOW.getTime(),
      );
      let last = p.filedAt.getTime();
      for (const s of p.steps) {
        expect(s.at.getTime(), `${p.scenario} ${s.action.type}`).to.be.at.least(last);
        last = s.at.getTime();
      }
      expect(last).to.be.at.most(NOW.getTime());
    }
    const weekly = tally(
      plans.filter((p) => NOW.getTime() - p.filedAt.getTime() < 12 * 7 * DAY),
      (p) => String(Math.floor((NOW.getTime() - p.filedAt.getTime()) / (7 * DAY))),
    );
    expect(weekly.size, 'cases filed in each of the last 12 weeks').to.equal(12);

    // resolution times of days to weeks; fast-track design cases mostly within 10 working days
    const resolution = plans
      .filter(
        (p) =>
          p.expected.status === 'closed' &&
          ['settled', 'decided', 'judged', 'awarded'].includes(p.expected.closureReason ?? ''),
      )
      .map((p) => ((p.steps.at(-1)?.at.getTime() ?? 0) - p.filedAt.getTime()) / DAY)
      .sort((a, b) => a - b);
    expect(resolution[Math.floor(resolution.length / 2)]).to.be.within(5, 40);
    expect(resolution.at(-1)).to.be.greaterThan(60);
    const fastDesign = plans.filter(
      (p) => p.track === 'fast' && p.complaint.ipType === 'designPatent' && decidedAt(p),
    );
    const late = fastDesign.filter(
      (p) => decidedAt(p)!.getTime() > Date.parse(periodEndsAt(p.filedAt, 10, 'workingDays')),
    );
    expect(fastDesign.length).to.be.at.least(plans.length / 10);
    expect(late.length).to.be.within(1, fastDesign.length / 4);

    // both demo complainants, many respondents, repeat infringers, e-commerce and trade fairs
    expect(tally(plans, (p) => p.filer).size).to.equal(2);
    expect(new Set(plans.map((p) => p.complaint.respondent.name)).size).to.be.at.least(plans.length / 2);
    for (const name of REPEAT_INFRINGERS.slice(0, 3)) {
      expect(plans.filter((p) => p.complaint.respondent.name === name).length, name).to.be.at.least(2);
    }
    expect(plans.filter((p) => p.complaint.ecommerce).length).to.be.at.least(plans.length / 10);
    expect(plans.filter((p) => p.complaint.tradeFair).length).to.be.at.least(plans.length / 20);
    expect(new Set(plans.map((p) => p.complaint.industry)).size).to.be.at.least(12);
    expect(new Set(plans.map((p) => p.complaint.claim.amountCny)).size).to.be.at.least(plans.length / 2);
  });

  it('reports progress as a bar on a terminal, else as a log line about every tenth', () => {
    const lines: [number, number][] = [];
    const progress = seedProgress(95, (done, total) => lines.push([done, total]), {
      isTTY: false,
    } as NodeJS.WriteStream);
    for (let done = 1; done <= 95; done++) progress.update(done);
    progress.stop();
    expect(lines.map(([done]) => done)).to.deep.equal([10, 20, 30, 40, 50, 60, 70, 80, 90, 95]);
    expect(lines.at(-1)).to.deep.equal([95, 95]);
  });

  it('seeds the directory once, then cases through the store as planned, logs intact, projections as replayed', async () => {
    expect(await seedDirectoryTwice()).to.deep.equal([
      { orgs: 9, users: 17 },
      { orgs: 0, users: 0 },
    ]);
    const n = 60;
    const now = new Date();
    let progress = 0;
    expect(await seedDemoCases(t.db, testLogger, n, { now, onProgress: (d) => (progress = d) })).to.equal(n);
    expect(progress).to.equal(n);

    const store = createCaseStore({ db: t.db, logger: testLogger, now: () => new Date() });
    const cases = (await store.models.cases.find({}).lean()).sort(
      (a, b) => a.filedAt.getTime() - b.filedAt.getTime() || a.caseNo.localeCompare(b.caseNo),
    );
    expect(cases).to.have.length(n);
    const channels = new Set(cases.map((c) => c.channel).filter(Boolean));
    expect([...channels].sort()).to.deep.equal([...CHANNELS].sort());
    expect([...new Set(cases.map((c) => c.status))].sort()).to.deep.equal([...CASE_STATUSES].sort());
    expect(new Set(cases.map((c) => c.closureReason).filter(Boolean)).size).to.be.at.least(5);
    expect(tally(cases, (c) => month(c.filedAt)).size).to.be.at.least(4);
    expect(await creditEntryModel(t.db).countDocuments()).to.be.greaterThan(0);

    // each case is where its plan says (every step was accepted by the real engine)
    const plans = planDemoCases(n, { now });
    cases.forEach((c, i) => {
      const plan = plans[i]!;
      expect(c.complaint.title, `case ${i}`).to.equal(plan.complaint.title);
      expect(
        { status: c.status, stage: c.stage, channel: c.channel, closureReason: c.closureReason },
        `${plan.scenario} (${plan.steps.length} steps)`,
      ).to.deep.equal({
        status: plan.expected.status,
        stage: plan.expected.stage,
        channel: plan.expected.channel,
        closureReason: plan.expected.closureReason,
      });
    });

    for (const c of cases) {
      const events = await store.events(c._id);
      expect(verifyCaseLog(c._id, events).problems, c.caseNo).to.deep.equal([]);
      expect(events.at(-1)!.at.getTime()).to.be.at.most(now.getTime());
      const { pendingEffects: _pending, ...stored } = c as typeof c & { pendingEffects?: number };
      const { pendingEffects: _replayedPending, ...replayed } = (await store.rebuild(c._id)) as typeof c & {
        pendingEffects?: number;
      };
      expect(replayed, c.caseNo).to.deep.equal(stored);
    }
  });

  it('without demo data there is no default account', async () => {
    const server = spawnServer({
      MONGODB_URI: t.uri.replace(/\/[^/?]*(\?|$)/, '/sf_nodemo_' + Date.now() + '$1'),
      DEMO_DATA: '0',
      JWT_SECRET: 'x'.repeat(40),
    });
    try {
      const url = await server.listening;
      await waitForOk(`${url}/readyz`);
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@demo.local', password: 'sevenfold-demo' }),
      });
      expect(res.status).to.equal(401);
    } finally {
      server.proc.kill('SIGTERM');
      await server.exited;
    }
  });

  async function seedDirectoryTwice() {
    return [await seedDemoDirectory(t.db), await seedDemoDirectory(t.db)];
  }
});
