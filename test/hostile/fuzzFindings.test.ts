/**
 * What the hostile-input suites found, pinned as plain regression tests (schemathesis finds them only
 * with the right random draw): input the OpenAPI document calls invalid is refused.
 */
import { expect } from 'chai';
import request from 'supertest';
import type { Complaint } from '../../shared/schemas/complaint.js';
import { smallTrademarkMediation } from '../fixtures/complaints.js';
import { bearer } from '../support/caseApi.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../support/testApp.js';
import { useTestDatabase } from '../support/useTestDatabase.js';

const tea: Complaint = {
  ...smallTrademarkMediation,
  respondent: { ...smallTrademarkMediation.respondent, email: 'respondent@demo.local' },
};

describe('hostile input: findings of the fuzzers stay fixed', () => {
  const t = useTestDatabase('fuzzfindings');
  let a: TestApp;
  const tok: Record<string, string> = {};
  let caseId = '';

  before(async () => {
    await seedDirectory(t.db);
    a = buildTestApp(t.db);
    for (const who of ['complainant', 'admin']) tok[who] = await login(a.app, `${who}@demo.local`);
    const filed = await request(a.app).post('/api/cases').set(bearer(tok.complainant!)).send(tea).expect(201);
    caseId = (filed.body as { id: string }).id;
  });

  it('counts minimum lengths in characters, as the document does, not in UTF-16 units', async () => {
    // five emoji are ten UTF-16 code units but five characters: the password minimum is ten
    const register = await request(a.app)
      .post('/api/auth/register')
      .send({ email: 'emoji@example.com', password: '😀😀😀😀😀', name: 'Emoji' })
      .expect(422);
    expect(register.body.errors).to.deep.include({
      path: 'password',
      message: 'Password must be at least 10 characters',
    });
    await request(a.app)
      .post('/api/auth/register')
      // twelve different emoji: long enough, and not a guessable pattern (ten of the same one is)
      .send({ email: 'emoji@example.com', password: '🦊🐙🌵🎻🚲🧲🪁🍋🛶🧿🪴🎲', name: 'Emoji' })
      .expect(202);
    const complaint = await request(a.app)
      .post('/api/routing/preview')
      .set(bearer(tok.complainant!))
      .send({ ...tea, title: '😀😀', description: '😀'.repeat(9) })
      .expect(422);
    expect((complaint.body.errors as { path: string }[]).map((e) => e.path)).to.have.members([
      'title',
      'description',
    ]);
  });

  it('refuses numbers and booleans sent as strings in action bodies and new accounts', async () => {
    const act = (body: Record<string, unknown>) =>
      request(a.app).post(`/api/cases/${caseId}/actions`).set(bearer(tok.admin!)).send(body);
    const refused = await act({ type: 'ACCEPT', expectedSeq: '1' }).expect(422);
    expect(refused.body.errors).to.deep.include({
      path: 'expectedSeq',
      message: 'expectedSeq must be a number',
    });
    await act({ type: 'ACCEPT', expectedSeq: 1 }).expect(200);
    await act({ type: 'REQUEST_EXTENSION', days: '5' }).expect(422);
    await act({ type: 'DETERMINE', infringement: 'true', remedy: 'cease' }).expect(422);
    const user = await request(a.app)
      .post('/api/users')
      .set(bearer(tok.admin!))
      .send({
        email: 'capacity@example.com',
        password: 'a-long-password',
        name: 'Capacity',
        role: 'mediator',
        orgId: 'org-zgc-mediation',
        capacity: '5',
      })
      .expect(422);
    expect((user.body as { detail: string }).detail).to.match(/capacity/);
  });
});
