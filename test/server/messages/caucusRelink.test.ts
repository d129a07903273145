import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import type { MessagePage } from '../../../shared/api/messageView.js';
import { actViaApi, bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/**
 * A caucus belongs to a person, not to the role: when the desk links another account as the
 * respondent, the new respondent must not read what the previous one said in private to the mediator.
 */
describe('caucus after the respondent is re-linked', function () {
  this.timeout(60_000);
  const t = useTestDatabase('caucusRelink');
  let app: Express;
  const tokens: Record<string, string> = {};
  let caseId: string;
  let nextId: string;

  before(async () => {
    await seedDirectory(t.db);
    app = buildTestApp(t.db).app;
    for (const who of ['complainant', 'respondent', 'mediator', 'admin']) {
      tokens[who] = await login(app, `${who}@demo.local`);
    }
    const created = await request(app)
      .post('/api/users')
      .set(bearer(tokens.admin as string))
      .send({
        email: 'respondent-next@example.test',
        password: 'a-long-enough-password',
        name: 'Qian Hao (new counsel account)',
        role: 'respondent',
      })
      .expect(201);
    nextId = (created.body as { id: string }).id;
    tokens.next = await login(app, 'respondent-next@example.test', 'a-long-enough-password');
    caseId = await fileCaseViaApi(app, tokens.complainant as string, mediationComplaint('Caucus re-link'));
    await actViaApi(app, tokens.admin as string, caseId, { type: 'ACCEPT' });
    await actViaApi(app, tokens.admin as string, caseId, { type: 'ROUTE', channel: 'mediation' });
  });

  const post = (who: string, body: string, visibility: string) =>
    request(app)
      .post(`/api/cases/${caseId}/messages`)
      .set(bearer(tokens[who] as string))
      .send({ body, visibility })
      .expect(201);
  const bodies = async (who: string) =>
    (
      (
        await request(app)
          .get(`/api/cases/${caseId}/messages`)
          .set(bearer(tokens[who] as string))
          .expect(200)
      ).body as MessagePage
    ).items.map((m) => m.body);
  const timeline = async (who: string) =>
    (
      (
        await request(app)
          .get(`/api/cases/${caseId}/events`)
          .set(bearer(tokens[who] as string))
          .expect(200)
      ).body as { items: { type: string; data: { body?: string } }[] }
    ).items
      .filter((e) => e.type === 'MESSAGE_POSTED')
      .map((e) => e.data.body);

  it('the new respondent reads neither the old caucus nor the mediator’s replies in it, but their own', async () => {
    await post('respondent', 'Old respondent: our floor is CNY 20,000.', 'caucus:respondent');
    await post('mediator', 'Mediator to the old respondent: noted.', 'caucus:respondent');
    await post('respondent', 'Old respondent, to everyone: hello.', 'joint');
    await actViaApi(app, tokens.admin as string, caseId, { type: 'LINK_RESPONDENT', respondentId: nextId });
    await post('next', 'New respondent: we start afresh.', 'caucus:respondent');

    const secret = /floor is|to the old respondent/;
    for (const seen of [await bodies('next'), await timeline('next')]) {
      expect(
        seen.some((b) => secret.test(b ?? '')),
        JSON.stringify(seen),
      ).to.equal(false);
      expect(seen).to.include.members([
        'Old respondent, to everyone: hello.',
        'New respondent: we start afresh.',
      ]);
    }
    // the mediator still reads the whole caucus
    expect(await bodies('mediator')).to.include.members([
      'Old respondent: our floor is CNY 20,000.',
      'New respondent: we start afresh.',
    ]);
  });
});
