import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { actViaApi, bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/**
 * `GET /api/cases/:id/integrity`: the case page's check of the event chain. A tampered, unlinked or
 * missing event is named (its seq) as `npm run verify-log` would find it.
 */
describe('case integrity: the event chain as the case page checks it', function () {
  this.timeout(60_000);
  const t = useTestDatabase('caseIntegrity');
  let app: Express;
  const tokens: Record<string, string> = {};

  before(async () => {
    await seedDirectory(t.db);
    app = buildTestApp(t.db).app;
    for (const who of ['complainant', 'complainant2', 'admin'])
      tokens[who] = await login(app, `${who}@demo.local`);
  });

  const filedAndRouted = async (title: string) => {
    const id = await fileCaseViaApi(app, tokens.complainant as string, mediationComplaint(title));
    await actViaApi(app, tokens.admin as string, id, { type: 'ACCEPT' });
    await actViaApi(app, tokens.admin as string, id, { type: 'ROUTE', channel: 'mediation' });
    return id;
  };
  const integrity = async (id: string, who = 'complainant', status = 200) =>
    (
      await request(app)
        .get(`/api/cases/${id}/integrity`)
        .set(bearer(tokens[who] as string))
        .expect(status)
    ).body as { intact: boolean; events: number; brokenAtSeq: number | null; problem: string | null };

  it('reports an untouched case as intact, with every event checked', async () => {
    const id = await filedAndRouted('An untouched tea mark case');
    const seq = (
      (
        await request(app)
          .get(`/api/cases/${id}`)
          .set(bearer(tokens.complainant as string))
      ).body as {
        seq: number;
      }
    ).seq;
    expect(await integrity(id)).to.deep.equal({
      intact: true,
      events: seq,
      brokenAtSeq: null,
      problem: null,
    });
  });

  it('names an event whose content was changed in the database', async () => {
    const id = await filedAndRouted('A tampered tea mark case');
    await t.db.collection('case_events').updateOne({ _id: `${id}:2` } as never, {
      $set: { 'actor.id': 'u-someone-else' },
    });
    expect(await integrity(id)).to.include({ intact: false, brokenAtSeq: 2, problem: 'content' });
  });

  it('names the gap where an event was deleted, and the end where the last one was', async () => {
    const id = await filedAndRouted('A truncated tea mark case');
    await t.db.collection('case_events').deleteOne({ _id: `${id}:2` } as never);
    expect(await integrity(id)).to.include({ intact: false, brokenAtSeq: 2, problem: 'missing' });
    const other = await filedAndRouted('Another truncated tea mark case');
    const { seq } = (
      await request(app)
        .get(`/api/cases/${other}`)
        .set(bearer(tokens.admin as string))
    ).body as { seq: number };
    await t.db.collection('case_events').deleteOne({ _id: `${other}:${seq}` } as never);
    expect(await integrity(other)).to.include({ intact: false, brokenAtSeq: seq, problem: 'missing' });
  });

  it('is 404 for someone who may not see the case', async () => {
    const id = await filedAndRouted('A private tea mark case');
    await integrity(id, 'complainant2', 404);
  });
});
