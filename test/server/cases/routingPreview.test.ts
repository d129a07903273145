import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { actViaApi, bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

interface Flag {
  caseNo?: string;
  status?: string;
  channel?: string;
  reason: { code: string; text: string };
}
interface Preview {
  flags: { duplicate: Flag[]; parallel: Flag[] };
}

/**
 * `POST /api/routing/preview` compares a complaint with the open cases on the same rights. An
 * attacker who is an officer of one organisation must not learn, by previewing a made-up complaint,
 * the number, status or channel of a case another organisation holds.
 */
describe('routing preview: other organisations’ cases are never named', function () {
  this.timeout(60_000);
  const t = useTestDatabase('routingPreview');
  let app: Express;
  const tokens: Record<string, string> = {};
  let caseNo: string;
  const complaint = mediationComplaint('A tea mark in a court case');

  before(async () => {
    await seedDirectory(t.db);
    app = buildTestApp(t.db).app;
    for (const who of ['complainant', 'complainant2', 'admin', 'court', 'center']) {
      tokens[who] = await login(app, `${who}@demo.local`);
    }
    // org A (the IP court) holds the case
    const id = await fileCaseViaApi(app, tokens.complainant as string, complaint);
    await actViaApi(app, tokens.admin as string, id, { type: 'ACCEPT' });
    await actViaApi(app, tokens.admin as string, id, { type: 'ROUTE', channel: 'judicial', reason: 'court' });
    const held = await request(app)
      .get(`/api/cases/${id}`)
      .set(bearer(tokens.court as string))
      .expect(200);
    expect(held.body).to.include({ orgId: 'org-bj-ipcourt', channel: 'judicial' });
    caseNo = (held.body as { caseNo: string }).caseNo;
  });

  const preview = async (who: string) =>
    (
      await request(app)
        .post('/api/routing/preview')
        .set(bearer(tokens[who] as string))
        .send(complaint)
        .expect(200)
    ).body as Preview;

  it('an officer of org B learns only that a matching case exists, not which one, where or in what state', async () => {
    const { flags } = await preview('center');
    expect(flags.duplicate).to.have.length(1);
    expect(flags.parallel).to.have.length(1);
    for (const flag of [...flags.duplicate, ...flags.parallel]) {
      expect(flag).to.have.all.keys('reason');
      expect(flag.reason.code).to.match(/\.exists$/);
    }
    const text = JSON.stringify(flags);
    expect(text).to.not.include(caseNo);
    expect(text).to.not.match(/judicial|inChannel/);
  });

  it('the officers holding the case, and admins, still see which case it is', async () => {
    for (const who of ['court', 'admin']) {
      const { flags } = await preview(who);
      expect(flags.duplicate.map((f) => f.caseNo)).to.deep.equal([caseNo]);
      expect(flags.parallel.map((f) => f.channel)).to.deep.equal(['judicial']);
    }
  });

  it('a party who is not on the case is told as little as the officer of org B', async () => {
    const { flags } = await preview('complainant2');
    expect(JSON.stringify(flags)).to.not.include(caseNo);
    for (const flag of flags.duplicate) expect(flag).to.have.all.keys('reason');
  });

  it('a case page shown to another organisation’s officer names no case that officer may not see', async () => {
    // the same complaint filed again by another rights holder, routed to an administrative authority
    const second = await fileCaseViaApi(app, tokens.complainant2 as string, complaint);
    await actViaApi(app, tokens.admin as string, second, { type: 'ACCEPT' });
    await actViaApi(app, tokens.admin as string, second, {
      type: 'ROUTE',
      channel: 'administrative',
      reason: 'an authority acts faster here',
    });
    tokens.enforcement = await login(app, 'enforcement@demo.local');
    const page = async (who: string) =>
      request(app)
        .get(`/api/cases/${second}`)
        .set(bearer(tokens[who] as string));
    const holders = [];
    for (const who of ['center', 'enforcement']) if ((await page(who)).status === 200) holders.push(who);
    expect(holders, 'an officer holds the second case').to.have.length(1);
    const seen = (await page(holders[0] as string)).body as Preview;
    expect(JSON.stringify(seen.flags)).to.not.include(caseNo);
    expect(seen.flags.duplicate.length, 'told neutrally that a duplicate exists').to.be.greaterThan(0);
    for (const flag of seen.flags.duplicate) expect(flag).to.have.all.keys('reason');
    // the admin still sees which case it duplicates
    const admin = (await page('admin')).body as Preview;
    expect(admin.flags.duplicate.map((f) => f.caseNo)).to.include(caseNo);
  });
});
