import { expect } from 'chai';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { connectDatabase } from '../../../server/db/connectDatabase.js';
import { seedDemoDirectory } from '../../../server/demo/seedDemoDirectory.js';
import { createAccountCache } from '../../../server/users/accountCache.js';
import { buildTestApp, login } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

describe('account cache: the signed-in account read once, forgotten on every change', () => {
  const t = useTestDatabase('account-cache');
  // the cache's own connection, whose reads of accounts are counted (a server's)
  let own: Connection;
  let reads = 0;

  before(async () => {
    await seedDemoDirectory(t.db);
    own = await connectDatabase(t.uri, undefined, { monitorCommands: true });
    own.getClient().on('commandStarted', (e) => {
      if (e.commandName === 'aggregate' && e.command.aggregate === 'users') reads++;
    });
  });
  after(async () => {
    await own.close();
  });

  it('reads an account once, hands out a frozen copy, and refuses a token of another session version', async () => {
    const accounts = createAccountCache({ db: own, size: 100 });
    reads = 0;
    const first = await accounts.load('u-center', 0);
    const again = await accounts.load('u-center', 0);
    expect(reads).to.equal(1);
    expect(again).to.equal(first);
    expect(first).to.include({ id: 'u-center', role: 'officer', orgType: 'protectionCenter', lead: true });
    expect(Object.isFrozen(first), 'what is handed out cannot be changed').to.equal(true);
    expect(await accounts.load('u-center', 7)).to.equal(undefined);
    expect(reads).to.equal(1);
    expect(await accounts.load('nobody')).to.equal(undefined);
    expect(await accounts.load('x'.repeat(65))).to.equal(undefined);
  });

  it('forgets what this server changes, and tells the listeners (the other servers)', async () => {
    const accounts = createAccountCache({ db: own, size: 100 });
    const told: string[] = [];
    accounts.onForget((target) => told.push(target));
    await accounts.load('u-court');
    await accounts.load('u-admin');
    expect(accounts.size).to.equal(2);
    accounts.forget('u-court');
    expect(accounts.size).to.equal(1);
    accounts.forgetFromPeer('u-admin');
    expect(accounts.size).to.equal(0);
    await accounts.load('u-court');
    accounts.forget('*');
    expect(accounts.size).to.equal(0);
    // a change another server made is not told again
    expect(told).to.deep.equal(['u-court', '*']);
  });

  it('keeps nothing a read began before a change', async () => {
    const accounts = createAccountCache({ db: own, size: 100 });
    const reading = accounts.load('u-court');
    accounts.forget('u-court');
    expect(await reading).to.include({ id: 'u-court' });
    expect(accounts.size).to.equal(0);
  });

  it('reads again after its time, so a write from outside the servers is seen within it', async () => {
    const accounts = createAccountCache({ db: own, size: 100, maxAgeMs: 150 });
    expect(await accounts.load('u-mediator', 0)).to.not.equal(undefined);
    // a script writes the account directly: no server hears of it
    await t.db.collection('users').updateOne({ _id: 'u-mediator' as never }, { $set: { sessionVersion: 1 } });
    expect(await accounts.load('u-mediator', 0), 'held until its time is up').to.not.equal(undefined);
    await new Promise((r) => setTimeout(r, 200));
    expect(await accounts.load('u-mediator', 0)).to.equal(undefined);
    expect(await accounts.load('u-mediator', 1)).to.not.equal(undefined);
    await t.db.collection('users').updateOne({ _id: 'u-mediator' as never }, { $set: { sessionVersion: 0 } });
  });

  it('keeps nothing with size 0', async () => {
    const accounts = createAccountCache({ db: own, size: 0 });
    reads = 0;
    await accounts.load('u-admin');
    await accounts.load('u-admin');
    expect(reads).to.equal(2);
    expect(accounts.size).to.equal(0);
  });

  it("through the API: an admin's change refuses the account's tokens at once, on the same server", async () => {
    const { app, services } = buildTestApp(t.db);
    const mediator = await login(app, 'mediator@demo.local');
    const admin = await login(app, 'admin@demo.local');
    const change = (path: string, body: Record<string, unknown>) =>
      request(app).patch(path).set('Authorization', `Bearer ${admin}`).send(body).expect(200);
    const me = (token: string) => request(app).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    await me(mediator).expect(200);
    expect(services.accounts.size).to.be.greaterThan(0);
    await change('/api/users/u-mediator', { active: false });
    await me(mediator).expect(401);
    await change('/api/users/u-mediator', { active: true });
    // an organisation's new type reaches its members' accounts at once
    const officer = await login(app, 'center@demo.local');
    const before = ((await me(officer).expect(200)).body as { user: { orgId: string; orgType: string } })
      .user;
    expect(before.orgType).to.equal('protectionCenter');
    await change(`/api/orgs/${before.orgId}`, { type: 'mediation' });
    const after = ((await me(officer).expect(200)).body as { user: { orgType: string } }).user;
    expect(after.orgType).to.equal('mediation');
    await change(`/api/orgs/${before.orgId}`, { type: 'protectionCenter' });
  });
});
