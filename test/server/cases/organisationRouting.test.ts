import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { pickOrganisation } from '../../../server/cases/pickOrganisation.js';
import { orgModel } from '../../../server/orgs/orgModel.js';
import { userModel } from '../../../server/users/userModel.js';
import { SYSTEM_ACTOR } from '../../../server/cases/systemActor.js';
import { fastTrackDesign } from '../../e2e/support/e2eComplaints.js';
import { actViaApi, bearer, fileCaseViaApi } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/**
 * Issue 14: a routed case goes to an organisation whose officers can see it, and the holding
 * organisation's officer (or an admin) can hand it to another organisation of the same channel.
 */
describe('routing to staffed organisations and hand-over within a channel', function () {
  this.timeout(60_000);

  describe('pickOrganisation', function () {
    const t = useTestDatabase('pickOrganisation');

    it('prefers a staffed organisation with room, never an unstaffed one while a staffed one exists', async () => {
      const Orgs = orgModel(t.db);
      const Users = userModel(t.db);
      for (const id of ['org-a', 'org-b', 'org-c'])
        await Orgs.create({ _id: id, name: id, nameZh: id, type: 'protectionCenter' });
      const officer = (id: string, orgId: string, capacity: number) =>
        Users.create({
          _id: id,
          email: `${id}@test.local`,
          name: id,
          role: 'officer',
          orgId,
          passwordHash: 'x',
          capacity,
          active: true,
          createdAt: new Date(),
        });
      // org-a: nobody; org-b: an officer with no room; org-c: an officer with room
      await officer('u-b', 'org-b', 0);
      expect(await pickOrganisation(t.db, 'protectionCenter', SYSTEM_ACTOR)).to.equal('org-b');
      await officer('u-c', 'org-c', 5);
      expect(await pickOrganisation(t.db, 'protectionCenter', SYSTEM_ACTOR)).to.equal('org-c');
    });
  });

  describe('through the API', function () {
    const t = useTestDatabase('organisationHandOver');
    let app: Express;
    const tokens: Record<string, string> = {};
    let id: string;

    before(async () => {
      await seedDirectory(t.db);
      app = buildTestApp(t.db).app;
      for (const who of ['complainant', 'admin', 'center', 'center-bj', 'enforcement'])
        tokens[who] = await login(app, `${who}@demo.local`);
      id = await fileCaseViaApi(app, tokens.complainant as string, fastTrackDesign('流光台灯', '深圳某商贸'));
      await actViaApi(app, tokens.admin as string, id, { type: 'ACCEPT' });
      await actViaApi(app, tokens.admin as string, id, {
        type: 'ROUTE',
        channel: 'administrative',
        track: 'fast',
        reason: 'fast track',
      });
    });

    const view = (who: string) =>
      request(app)
        .get(`/api/cases/${id}`)
        .set(bearer(tokens[who] as string));
    const act = (who: string, action: Record<string, unknown>) =>
      request(app)
        .post(`/api/cases/${id}/actions`)
        .set(bearer(tokens[who] as string))
        .send(action);

    it('gives a routed fast-track case to a protection center whose officer sees it', async () => {
      const res = await view('admin').expect(200);
      const orgId = (res.body as { orgId: string }).orgId;
      const holder = orgId === 'org-pc-zgc' ? 'center' : 'center-bj';
      expect(['org-pc-zgc', 'org-pc-beijing']).to.include(orgId);
      await view(holder).expect(200);
    });

    it('lets the holding officer hand the case to another center with a reason, and an admin move it back', async () => {
      const before = (await view('admin').expect(200)).body as { orgId: string };
      const [holder, other, otherOrg] =
        before.orgId === 'org-pc-zgc'
          ? ['center', 'center-bj', 'org-pc-beijing']
          : ['center-bj', 'center', 'org-pc-zgc'];
      await act(holder, { type: 'HAND_OVER', orgId: otherOrg }).expect(422);
      await act(holder, { type: 'HAND_OVER', orgId: 'org-bj-amr', reason: 'wrong type' }).expect(422);
      await act(holder, { type: 'HAND_OVER', orgId: before.orgId, reason: 'same' }).expect(422);
      // the other center cannot even see the case it does not hold
      await act(other, { type: 'HAND_OVER', orgId: otherOrg, reason: 'not ours' }).expect(404);
      await act(holder, { type: 'HAND_OVER', orgId: otherOrg, reason: 'no examiner free this week' }).expect(
        200,
      );
      expect((await view('admin').expect(200)).body).to.include({ orgId: otherOrg });
      await act(other, { type: 'ACCEPT' }).expect(200);
      await act('admin', {
        type: 'HAND_OVER',
        orgId: before.orgId,
        reason: 'rebalanced by the supervisor',
      }).expect(200);
      expect((await view('admin').expect(200)).body).to.include({ orgId: before.orgId });
      await act('enforcement', { type: 'HAND_OVER', orgId: otherOrg, reason: 'x' }).expect(404);
      await view(other).expect(404);
    });
  });
});
