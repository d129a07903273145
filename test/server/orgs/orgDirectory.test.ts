import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { bearer } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/** `GET /api/orgs`: the organisations staff choose from (a hand-over within a channel). */
describe('organisation directory', function () {
  this.timeout(60_000);
  const t = useTestDatabase('orgDirectory');
  let app: Express;
  const tokens: Record<string, string> = {};

  before(async () => {
    await seedDirectory(t.db);
    app = buildTestApp(t.db).app;
    for (const who of ['admin', 'center', 'complainant']) tokens[who] = await login(app, `${who}@demo.local`);
  });

  const list = (who: string, query: string) =>
    request(app)
      .get(`/api/orgs?${query}`)
      .set(bearer(tokens[who] as string));

  it('lists the other organisations of the same type as the one holding a case', async () => {
    const res = await list('center', 'sameTypeAs=org-pc-zgc').expect(200);
    const items = (res.body as { items: { id: string; type: string }[] }).items;
    expect(items.map((o) => o.id)).to.deep.equal(['org-pc-beijing']);
    expect(items.every((o) => o.type === 'protectionCenter')).to.equal(true);
    const byType = await list('admin', 'type=protectionCenter').expect(200);
    expect((byType.body as { items: { id: string }[] }).items.map((o) => o.id).sort()).to.deep.equal([
      'org-pc-beijing',
      'org-pc-zgc',
    ]);
    expect((await list('admin', 'sameTypeAs=no-such-org').expect(200)).body).to.deep.equal({ items: [] });
  });

  it('is for staff only, and takes at most one of type and sameTypeAs (neither: every organisation an admin may see)', async () => {
    await list('complainant', 'type=mediation').expect(403);
    await list('complainant', '').expect(403);
    const all = await list('admin', '').expect(200);
    expect((all.body as { items: unknown[] }).items).to.have.length(9);
    const own = await list('center', '').expect(200);
    expect((own.body as { items: { id: string }[] }).items.map((o) => o.id)).to.deep.equal(['org-pc-zgc']);
    await list('admin', 'type=mediation&sameTypeAs=org-pc-zgc').expect(400);
    await list('admin', 'type=%24ne').expect(400);
  });
});
