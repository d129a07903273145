import { expect } from 'chai';
import { loadAuthUser } from '../../../server/users/loadAuthUser.js';
import { seedDemoDirectory } from '../../../server/demo/seedDemoDirectory.js';
import { userModel } from '../../../server/users/userModel.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

describe('loadAuthUser: the signed-in account in one round trip', () => {
  const t = useTestDatabase('load-auth-user');

  before(async () => {
    await seedDemoDirectory(t.db);
  });

  it("joins the organisation's type and the lead flag to an officer, none to an admin", async () => {
    const officer = await loadAuthUser(t.db, 'u-center');
    expect(officer).to.include({
      id: 'u-center',
      role: 'officer',
      orgId: 'org-pc-zgc',
      orgType: 'protectionCenter',
      lead: true,
    });
    expect(officer).to.not.have.property('passwordHash');
    const mediator = await loadAuthUser(t.db, 'u-mediator');
    expect(mediator?.orgType).to.equal('mediation');
    const admin = await loadAuthUser(t.db, 'u-admin');
    expect(admin).to.include({ id: 'u-admin', role: 'admin', orgId: null, orgType: null, lead: false });
  });

  it('sees an ended session and a disabled account at once (nothing is kept between requests)', async () => {
    expect(await loadAuthUser(t.db, 'u-mediator', 0)).to.not.equal(undefined);
    await userModel(t.db).updateOne({ _id: 'u-mediator' }, { $set: { sessionVersion: 1 } });
    expect(await loadAuthUser(t.db, 'u-mediator', 0)).to.equal(undefined);
    expect(await loadAuthUser(t.db, 'u-mediator', 1)).to.not.equal(undefined);
    await userModel(t.db).updateOne({ _id: 'u-mediator' }, { $set: { active: false } });
    expect(await loadAuthUser(t.db, 'u-mediator', 1)).to.equal(undefined);
    expect(await loadAuthUser(t.db, 'nobody')).to.equal(undefined);
  });
});
