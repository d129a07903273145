import { expect } from 'chai';
import { DEMO_COMPLAINTS } from '../../../server/demo/demoComplaints.js';
import { DEMO_SCENARIOS } from '../../../server/demo/demoScenarios.js';
import { seedDemoCases } from '../../../server/demo/seedDemoCases.js';
import { seedDemoDirectory } from '../../../server/demo/seedDemoDirectory.js';
import { verifyCaseLog } from '../../../server/cases/verifyCaseLog.js';
import { createCaseStore } from '../../../server/cases/caseStore.js';
import { validateComplaint } from '../../../shared/schemas/complaint.js';
import { CHANNELS } from '../../../shared/vocabulary.js';
import { spawnServer, waitForOk } from '../../support/spawnServer.js';
import { testLogger } from '../../support/testEnvironment.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

describe('demo data', function () {
  this.timeout(120_000);
  const t = useTestDatabase('demo');

  it('every demo complaint is valid', () => {
    for (const c of DEMO_COMPLAINTS) expect(validateComplaint(c)).to.not.have.property('errors');
  });

  it('seeds the directory once (idempotent) and realistic cases across every channel, each log intact', async () => {
    expect(await seedDemoDirectory(t.db)).to.deep.equal({ orgs: 9, users: 11 });
    expect(await seedDemoDirectory(t.db)).to.deep.equal({ orgs: 0, users: 0 });
    const n = DEMO_SCENARIOS.length;
    let progress = 0;
    expect(await seedDemoCases(t.db, testLogger, n, { onProgress: (d) => (progress = d) })).to.equal(n);
    expect(progress).to.equal(n);
    const store = createCaseStore({ db: t.db, logger: testLogger, now: () => new Date() });
    const cases = await store.models.cases.find({}).lean();
    expect(cases).to.have.length(n);
    const channels = new Set(cases.map((c) => c.channel).filter(Boolean));
    expect([...channels].sort()).to.deep.equal([...CHANNELS].sort());
    const statuses = new Set(cases.map((c) => c.status));
    expect(statuses).to.include.members(['screening', 'awaitingInfo', 'triage', 'inChannel', 'closed']);
    for (const c of cases) {
      expect(verifyCaseLog(c._id, await store.events(c._id)).ok).to.equal(true);
      // every step of the scenario went through: histories are spread in the past
      expect(c.filedAt.getTime()).to.be.lessThan(Date.now());
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
});
