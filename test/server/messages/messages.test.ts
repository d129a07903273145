import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import type { MessagePage, MessageView } from '../../../shared/api/messageView.js';
import { loadAuthUser } from '../../../server/users/loadAuthUser.js';
import { DomainError } from '../../../server/errors/domainError.js';
import type { TestApp } from '../../support/testApp.js';
import { actViaApi, bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

interface TimelineEntry {
  seq: number;
  type: string;
  data: Record<string, unknown>;
}

const expectProblem = (res: request.Response, status: number) => {
  expect(res.status, res.text).to.equal(status);
  expect(res.headers['content-type']).to.match(/^application\/problem\+json/);
  const problem = JSON.parse(res.text) as { status: number; detail: string; errors?: { path: string }[] };
  expect(problem).to.include({ status });
  return problem;
};

describe('messages: joint and caucus', () => {
  const t = useTestDatabase('messages');
  let app: Express;
  let built: TestApp;
  const tokens: Record<'complainant' | 'respondent' | 'mediator' | 'outsider' | 'admin', string> = {
    complainant: '',
    respondent: '',
    mediator: '',
    outsider: '',
    admin: '',
  };
  let caseId: string;

  const post = (who: keyof typeof tokens, body: unknown, id = caseId) =>
    request(app)
      .post(`/api/cases/${id}/messages`)
      .set(bearer(tokens[who]))
      .send(body as object);
  const list = async (who: keyof typeof tokens, query = '', id = caseId) => {
    const res = await request(app)
      .get(`/api/cases/${id}/messages${query}`)
      .set(bearer(tokens[who]))
      .expect(200);
    return res.body as MessagePage;
  };
  const timeline = async (who: keyof typeof tokens) => {
    const res = await request(app).get(`/api/cases/${caseId}/events`).set(bearer(tokens[who])).expect(200);
    return (res.body as { items: TimelineEntry[] }).items.filter((e) => e.type === 'MESSAGE_POSTED');
  };

  before(async () => {
    await seedDirectory(t.db);
    built = buildTestApp(t.db);
    app = built.app;
    tokens.complainant = await login(app, 'complainant@demo.local');
    tokens.respondent = await login(app, 'respondent@demo.local');
    tokens.mediator = await login(app, 'mediator@demo.local');
    tokens.outsider = await login(app, 'complainant2@demo.local');
    tokens.admin = await login(app, 'admin@demo.local');
    caseId = await fileCaseViaApi(
      app,
      tokens.complainant,
      mediationComplaint('Tea mark on a Haidian shop sign'),
    );
    await actViaApi(app, tokens.admin, caseId, { type: 'ACCEPT' });
    await actViaApi(app, tokens.admin, caseId, { type: 'ROUTE', channel: 'mediation' });
    const detail = await request(app).get(`/api/cases/${caseId}`).set(bearer(tokens.mediator)).expect(200);
    expect(detail.body).to.include({ mediatorId: 'u-mediator' });
    expect((detail.body as { respondent: { id: string } }).respondent.id).to.equal('u-respondent');
  });

  it('posts a joint message that both parties and the mediator read, recorded on the timeline', async () => {
    const res = await post('complainant', {
      body: '  We propose a meeting next week.  ',
      visibility: 'joint',
    }).expect(201);
    const message = res.body as MessageView;
    expect(message).to.include({ caseId, visibility: 'joint', body: 'We propose a meeting next week.' });
    expect(message.author).to.deep.equal({
      id: 'u-complainant',
      role: 'complainant',
      name: 'Lin Wei (Lumen Design)',
    });
    expect(message.id).to.be.a('string');
    expect(Date.parse(message.createdAt)).to.be.a('number').and.not.NaN;

    for (const who of ['complainant', 'respondent', 'mediator'] as const) {
      expect((await list(who)).items.map((m) => m.id)).to.include(message.id);
    }
    const [posted] = (await timeline('respondent')).filter((e) => e.data.messageId === message.id);
    expect(posted?.seq).to.equal(message.seq);
    expect(posted?.data).to.deep.equal({
      messageId: message.id,
      visibility: 'joint',
      authorName: 'Lin Wei (Lumen Design)',
      body: 'We propose a meeting next week.',
    });
  });

  it('keeps a complainant caucus from the respondent, in messages and in the timeline', async () => {
    const secret = 'Our lowest acceptable figure is CNY 40,000.';
    const res = await post('complainant', { body: secret, visibility: 'caucus:complainant' }).expect(201);
    const caucus = res.body as MessageView;

    const respondentSees = await list('respondent');
    expect(respondentSees.items.map((m) => m.id)).not.to.include(caucus.id);
    expect(JSON.stringify(respondentSees)).not.to.include('40,000');
    expect((await list('respondent', '?visibility=caucus:complainant')).items).to.deep.equal([]);
    expect((await timeline('respondent')).map((e) => e.seq)).not.to.include(caucus.seq);

    const mediatorSees = await list('mediator');
    expect(mediatorSees.items.find((m) => m.id === caucus.id)?.body).to.equal(secret);
    expect((await timeline('mediator')).map((e) => e.seq)).to.include(caucus.seq);
    const entry = (await timeline('complainant')).find((e) => e.seq === caucus.seq);
    expect(entry?.data).to.deep.equal({
      messageId: caucus.id,
      visibility: 'caucus:complainant',
      authorName: 'Lin Wei (Lumen Design)',
      body: secret,
    });

    // the mediator answers in the same caucus; the respondent has a caucus of their own
    await post('mediator', {
      body: 'Noted, I will sound them out.',
      visibility: 'caucus:complainant',
    }).expect(201);
    const own = (
      await post('respondent', { body: 'We could stop selling.', visibility: 'caucus:respondent' }).expect(
        201,
      )
    ).body as MessageView;
    expect((await list('complainant')).items.map((m) => m.id)).not.to.include(own.id);
    expect((await list('mediator')).items.map((m) => m.id)).to.include(own.id);
  });

  it('lets only the mediator and that party write in a caucus (403 otherwise)', async () => {
    expectProblem(await post('respondent', { body: 'Let me in', visibility: 'caucus:complainant' }), 403);
    expectProblem(await post('complainant', { body: 'Let me in', visibility: 'caucus:respondent' }), 403);
    expectProblem(await post('admin', { body: 'Supervising', visibility: 'caucus:respondent' }), 403);
    await post('admin', { body: 'A reminder of the schedule.', visibility: 'joint' }).expect(201);
  });

  it('pages newest first with before/limit, and filters by visibility', async () => {
    const all = await list('mediator', '?limit=100');
    const seqs = all.items.map((m) => m.seq);
    expect(seqs).to.deep.equal([...seqs].sort((a, b) => b - a));
    expect(all.nextBefore).to.equal(null);

    const first = await list('mediator', '?limit=2');
    expect(first.items.map((m) => m.seq)).to.deep.equal(seqs.slice(0, 2));
    expect(first.nextBefore).to.equal(seqs[1]);
    const second = await list('mediator', `?limit=2&before=${first.nextBefore}`);
    expect(second.items.map((m) => m.seq)).to.deep.equal(seqs.slice(2, 4));

    const joint = await list('complainant', '?visibility=joint');
    expect(joint.items.length).to.be.greaterThan(0);
    expect(joint.items.every((m) => m.visibility === 'joint')).to.equal(true);
    expectProblem(
      await request(app).get(`/api/cases/${caseId}/messages?limit=0`).set(bearer(tokens.mediator)),
      400,
    );
    expectProblem(
      await request(app)
        .get(`/api/cases/${caseId}/messages?visibility=everyone`)
        .set(bearer(tokens.mediator)),
      400,
    );
  });

  it('validates the body: 1–4000 characters after trimming, a known visibility (422)', async () => {
    const bad: unknown[] = [
      {},
      { body: '', visibility: 'joint' },
      { body: '    ', visibility: 'joint' },
      { body: 'x'.repeat(4001), visibility: 'joint' },
      { body: 42, visibility: 'joint' },
      { body: 'hello' },
      { body: 'hello', visibility: 'public' },
      { body: 'hello', visibility: 'joint', authorId: 'u-mediator' },
    ];
    for (const body of bad) {
      const problem = expectProblem(await post('complainant', body), 422);
      expect(problem.errors, JSON.stringify(body)).to.be.an('array').that.is.not.empty;
    }
    await post('complainant', { body: 'x'.repeat(4000), visibility: 'joint' }).expect(201);
  });

  it('refuses operator objects in place of values (422), storing nothing', async () => {
    const before = (await list('mediator', '?limit=100')).items.length;
    expectProblem(await post('complainant', { body: { $ne: null }, visibility: 'joint' }), 422);
    expectProblem(await post('complainant', { body: 'hi', visibility: { $ne: null } }), 422);
    expectProblem(await post('complainant', { body: { $gt: '' }, visibility: { $in: ['joint'] } }), 422);
    expect((await list('mediator', '?limit=100')).items.length).to.equal(before);
  });

  it('hides the case from outsiders (404) and needs a signed-in user (401)', async () => {
    expectProblem(await post('outsider', { body: 'hello', visibility: 'joint' }), 404);
    expectProblem(await request(app).get(`/api/cases/${caseId}/messages`).set(bearer(tokens.outsider)), 404);
    expectProblem(await request(app).get(`/api/cases/${caseId}/messages`), 401);
    expectProblem(
      await request(app).post(`/api/cases/${caseId}/messages`).send({ body: 'x', visibility: 'joint' }),
      401,
    );
  });

  it('opens a caucus only once a mediator is assigned, and closes messaging with the case (409)', async () => {
    const fresh = await fileCaseViaApi(
      app,
      tokens.complainant,
      mediationComplaint('A fresh tea-mark complaint'),
    );
    await post('complainant', { body: 'Filed today.', visibility: 'joint' }, fresh).expect(201);
    const early = expectProblem(
      await post('complainant', { body: 'Private', visibility: 'caucus:complainant' }, fresh),
      409,
    );
    expect(early.detail).to.match(/mediator/);
    await actViaApi(app, tokens.complainant, fresh, { type: 'WITHDRAW', reason: 'settled' });
    expectProblem(await post('complainant', { body: 'One more thing', visibility: 'joint' }, fresh), 409);
    expect((await list('complainant', '', fresh)).items).to.have.length(1);
  });

  it('checks what the realtime layer hands to MessageService.post (payloads straight from a socket)', async () => {
    const user = await loadAuthUser(t.db, 'u-respondent');
    if (!user) throw new Error('no user');
    const refusal = async (caseRef: unknown, input: unknown) => {
      try {
        await built.services.messages.post(user, caseRef as string, input);
      } catch (err) {
        if (err instanceof DomainError) return err.kind;
        throw err;
      }
      return 'accepted';
    };
    expect(await refusal({ $ne: null }, { body: 'hi', visibility: 'joint' })).to.equal('notFound');
    expect(await refusal(caseId, { body: 'hi', visibility: 'joint', caseId })).to.equal('invalid');
    expect(await refusal(caseId, null)).to.equal('invalid');
    expect(await refusal(caseId, { body: ' via socket ', visibility: 'joint' })).to.equal('accepted');
  });

  it('records every message as a case event even when posted concurrently', async () => {
    const posts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        post(i % 2 ? 'respondent' : 'complainant', { body: `concurrent ${i}`, visibility: 'joint' }),
      ),
    );
    expect(posts.map((r) => r.status)).to.deep.equal(Array(6).fill(201));
    const seqs = posts.map((r) => (r.body as MessageView).seq);
    expect(new Set(seqs).size).to.equal(6);
    const recorded = (await timeline('mediator')).map((e) => e.seq);
    expect(recorded).to.include.members(seqs);
  });
});
