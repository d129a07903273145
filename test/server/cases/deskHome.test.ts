import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import type { CaseCountsView, DeskView } from '../../../shared/api/views.js';
import { actViaApi, bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/** `GET /api/cases/desk`: the intake desk's home in one answer, the same as its two separate reads. */
describe('the intake desk in one request', function () {
  this.timeout(120_000);
  const t = useTestDatabase('deskHome');
  let app: Express;
  const tok: Record<string, string> = {};
  const filed: string[] = [];

  before(async () => {
    await seedDirectory(t.db);
    app = buildTestApp(t.db).app;
    for (const who of ['complainant', 'complainant2', 'admin'])
      tok[who] = await login(app, `${who}@demo.local`);
    for (let i = 0; i < 40; i++)
      filed.push(await fileCaseViaApi(app, tok.complainant as string, mediationComplaint(`Desk case ${i}`)));
  });

  const desk = async (who: string, query: string) =>
    (
      await request(app)
        .get(`/api/cases/desk?${query}`)
        .set(bearer(tok[who] as string))
        .expect(200)
    ).body as DeskView;
  const ids = (view: DeskView) => view.cases.items.map((c) => c.id);

  it('gives the counts of /api/cases/counts and the page of the queue, oldest filing first, 25 a page', async () => {
    const first = await desk('admin', 'queue=screening');
    const counts = (
      await request(app)
        .get('/api/cases/counts')
        .set(bearer(tok.admin as string))
        .expect(200)
    ).body as CaseCountsView;
    expect(first.counts).to.deep.equal(counts);
    expect(first.counts.byQueue.screening).to.equal(40);
    expect(first.cases).to.include({ page: 1, limit: 25, total: 40 });
    expect(ids(first)).to.deep.equal(filed.slice(0, 25));
    const list = await request(app)
      .get('/api/cases?queue=screening&sort=filedAt&limit=25')
      .set(bearer(tok.admin as string))
      .expect(200);
    expect(ids(first)).to.deep.equal((list.body as DeskView['cases']).items.map((c) => c.id));
    const second = await desk('admin', 'queue=screening&page=2');
    expect(ids(second)).to.deep.equal(filed.slice(25));
  });

  it('stays right when the queue changes between reads (a case screened, another filed)', async () => {
    // 40 cases: the first page's read leaves a remembered bound (its 32nd case), read as a prefix next
    await desk('admin', 'queue=screening');
    await actViaApi(app, tok.admin as string, filed[0] as string, { type: 'ACCEPT' });
    const late = await fileCaseViaApi(app, tok.complainant as string, mediationComplaint('Desk case late'));
    const after = await desk('admin', 'queue=screening');
    expect(after.cases.total).to.equal(40);
    expect(after.counts.byQueue.screening).to.equal(40);
    expect(ids(after)).to.deep.equal(filed.slice(1, 26));
    const last = await desk('admin', 'queue=screening&page=2');
    expect(ids(last)).to.deep.equal([...filed.slice(26), late]);
    const triage = await desk('admin', 'queue=triage');
    expect(ids(triage)).to.deep.equal([filed[0]]);
  });

  it('shows a user only what they may see, and refuses a bad queue', async () => {
    const other = await desk('complainant2', 'queue=screening');
    expect(other.cases.items).to.deep.equal([]);
    expect(other.counts.open).to.equal(0);
    await request(app)
      .get('/api/cases/desk?queue=screening&limit=1000')
      .set(bearer(tok.admin as string))
      .expect(400);
    await request(app)
      .get('/api/cases/desk')
      .set(bearer(tok.admin as string))
      .expect(400);
  });
});
