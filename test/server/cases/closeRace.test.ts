import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { expectProblem } from '../../support/problem.js';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface LoggedEvent {
  seq: number;
  type: string;
}

/**
 * A message or evidence posted while another request closes the case: whatever wins, no fact may
 * land after the closing event, and a refused post is a 409 problem that says the case is closed.
 */
describe('posting while the case closes (a race)', function () {
  this.timeout(180_000);
  const t = useTestDatabase('closeRace');
  let app: Express;
  let complainant: string;

  before(async () => {
    await seedDirectory(t.db);
    app = buildTestApp(t.db).app;
    complainant = await login(app, 'complainant@demo.local');
  });

  /** Withdraws the case, trying again while another write takes the next seq first. */
  async function close(caseId: string): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const res = await request(app)
        .post(`/api/cases/${caseId}/actions`)
        .set(bearer(complainant))
        .send({ type: 'WITHDRAW', reason: 'settled privately' });
      if (res.status === 200) return;
      expect(res.status, res.text).to.equal(409);
    }
    throw new Error(`could not close ${caseId}`);
  }

  const postMessage = (caseId: string, n: number) =>
    request(app)
      .post(`/api/cases/${caseId}/messages`)
      .set(bearer(complainant))
      .send({ body: `Racing message ${n}`, visibility: 'joint' });
  const postEvidence = (caseId: string) =>
    request(app)
      .post(`/api/cases/${caseId}/evidence`)
      .set(bearer(complainant))
      .attach('file', PNG, { filename: 'shot.png', contentType: 'image/png' });

  it('never appends a message or evidence after the closing event', async () => {
    let refused = 0;
    for (let round = 0; round < 12; round++) {
      const caseId = await fileCaseViaApi(app, complainant, mediationComplaint(`Race ${round}`));
      const [, ...posts] = await Promise.all([
        close(caseId),
        postMessage(caseId, 1),
        postEvidence(caseId),
        postMessage(caseId, 2),
        postMessage(caseId, 3),
      ]);
      for (const res of posts) {
        if (res.status === 201) continue;
        const problem = expectProblem(res, 409);
        expect(problem.detail).to.match(/closed/);
        expect(problem.code).to.equal('caseClosed');
        refused++;
      }
      const log = await request(app).get(`/api/cases/${caseId}/events`).set(bearer(complainant)).expect(200);
      const events = (log.body as { items: LoggedEvent[] }).items;
      const closing = events.find((e) => e.type === 'WITHDRAW');
      expect(closing, 'the case closed').to.not.equal(undefined);
      const after = events.filter((e) => e.seq > (closing as LoggedEvent).seq).map((e) => e.type);
      expect(after, `round ${round}: events after the close`).to.not.include.oneOf([
        'MESSAGE_POSTED',
        'EVIDENCE_ADDED',
      ]);
      // every accepted post is in the log, every refused one is not
      const facts = events.filter((e) => e.type === 'MESSAGE_POSTED' || e.type === 'EVIDENCE_ADDED');
      expect(facts.length).to.equal(posts.filter((r) => r.status === 201).length);
    }
    // the race was run: some posts came too late and were refused
    expect(refused).to.be.greaterThan(0);
  });
});
