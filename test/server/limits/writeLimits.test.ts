import { expect } from 'chai';
import request from 'supertest';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import { bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { expectProblem } from '../../support/problem.js';
import { testConfig } from '../../support/testConfig.js';
import { login, seedDirectory } from '../../support/testApp.js';
import { connected, startTestServer, type TestServer } from '../../support/testServer.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The limits as a deployment would set them (the defaults). */
const LIMITS = { MESSAGE_LIMIT_PER_MINUTE: '30', EVIDENCE_LIMIT_PER_HOUR: '60', FILING_LIMIT_PER_DAY: '20' };

/** A 429 problem with a Retry-After of at most `window` seconds. */
function expectTooMany(res: request.Response, window: number): void {
  const problem = expectProblem(res, 429);
  expect(problem.detail).to.match(/Too many/);
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).to.be.within(1, window);
}

describe('per-user write limits (messages, evidence, filings)', function () {
  this.timeout(120_000);
  const t = useTestDatabase('writeLimits');
  let s: TestServer;
  const tokens: Record<string, string> = {};
  let caseId: string;

  before(async () => {
    await seedDirectory(t.db);
    s = await startTestServer(t.db, { config: testConfig(LIMITS) });
    for (const who of ['complainant', 'complainant2', 'respondent']) {
      tokens[who] = await login(s.app, `${who}@demo.local`);
    }
    caseId = await fileCaseViaApi(s.app, tokens.complainant as string, mediationComplaint('Limits'));
  });
  after(async () => {
    await s?.close();
  });

  const messageCount = () => t.db.collection('messages').countDocuments({ caseId });

  it('messages: the 31st in a minute is 429 with Retry-After, over HTTP and over the socket, storing nothing', async () => {
    for (let i = 1; i <= 30; i++) {
      await request(s.app)
        .post(`/api/cases/${caseId}/messages`)
        .set(bearer(tokens.complainant as string))
        .send({ body: `Message ${i}`, visibility: 'joint' })
        .expect(201);
    }
    expectTooMany(
      await request(s.app)
        .post(`/api/cases/${caseId}/messages`)
        .set(bearer(tokens.complainant as string))
        .send({ body: 'One too many', visibility: 'joint' }),
      60,
    );
    // the socket path goes through the same service and the same count
    const socket = s.socket(tokens.complainant as string);
    await connected(socket);
    const ack = (await socket
      .timeout(10_000)
      .emitWithAck('message:send', { caseId, body: 'Over the socket', visibility: 'joint' })) as {
      error?: { status: number; detail: string };
    };
    expect(ack.error?.status).to.equal(429);
    expect(ack.error?.detail).to.match(/Too many/);
    expect(await messageCount()).to.equal(30);
    // the limit is per user: the respondent still writes
    await request(s.app)
      .post(`/api/cases/${caseId}/messages`)
      .set(bearer(tokens.respondent as string))
      .send({ body: 'My first message', visibility: 'joint' })
      .expect(201);
  });

  it('evidence: the 61st upload in an hour is 429 with Retry-After, and no file is kept', async () => {
    const upload = () =>
      request(s.app)
        .post(`/api/cases/${caseId}/evidence`)
        .set(bearer(tokens.respondent as string))
        .attach('file', PNG, { filename: 'shot.png', contentType: 'image/png' });
    for (let i = 1; i <= 60; i++) expect((await upload()).status).to.equal(201);
    const files = await t.db.collection('evidence.files').countDocuments();
    expectTooMany(await upload(), 3600);
    expect(await t.db.collection('evidence.files').countDocuments()).to.equal(files);
    const listed = await request(s.app)
      .get(`/api/cases/${caseId}/evidence`)
      .set(bearer(tokens.respondent as string))
      .expect(200);
    expect((listed.body as { items: unknown[] }).items).to.have.length(60);
  });

  it('filings: the 21st complaint in a day is 429 with Retry-After, no case is created, and a replay still answers', async () => {
    const complaint = (n: number): Complaint => mediationComplaint(`Filing ${n}`);
    const first = await request(s.app)
      .post('/api/cases')
      .set(bearer(tokens.complainant2 as string))
      .set('Idempotency-Key', 'limits-first')
      .send(complaint(1))
      .expect(201);
    for (let i = 2; i <= 20; i++) await fileCaseViaApi(s.app, tokens.complainant2 as string, complaint(i));
    const cases = () => t.db.collection('cases').countDocuments({ complainantId: 'u-complainant2' });
    expect(await cases()).to.equal(20);
    expectTooMany(
      await request(s.app)
        .post('/api/cases')
        .set(bearer(tokens.complainant2 as string))
        .set('Idempotency-Key', 'limits-21')
        .send(complaint(21)),
      24 * 3600,
    );
    expect(await cases()).to.equal(20);
    // a retry of a filing already made is that filing, not a new one
    const replay = await request(s.app)
      .post('/api/cases')
      .set(bearer(tokens.complainant2 as string))
      .set('Idempotency-Key', 'limits-first')
      .send(complaint(1))
      .expect(201);
    expect(replay.headers['idempotent-replayed']).to.equal('true');
    expect((replay.body as { id: string }).id).to.equal((first.body as { id: string }).id);
  });
});
