import { expect } from 'chai';
import type { Connection } from 'mongoose';
import { connectDatabase } from '../../../server/db/connectDatabase.js';
import { seedDemoDirectory } from '../../../server/demo/seedDemoDirectory.js';
import { createAccountCache, type AccountCache } from '../../../server/users/accountCache.js';
import { testLogger } from '../../support/testEnvironment.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/** Resolves once `check` holds, polling; fails after `ms`. */
async function eventually(check: () => Promise<boolean> | boolean, ms = 3000): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > ms) throw new Error(`still not so after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('account cache: the signed-in account read once, forgotten on every change', () => {
  const t = useTestDatabase('account-cache');
  // the cache's own connection, whose reads of accounts are counted (a server's)
  let own: Connection;
  let reads = 0;
  const caches: AccountCache[] = [];
  const cache = (opts: { size?: number; reopenAfterMs?: number } = {}) => {
    const c = createAccountCache({ db: own, logger: testLogger, size: opts.size ?? 100, ...opts });
    caches.push(c);
    return c;
  };

  before(async () => {
    await seedDemoDirectory(t.db);
    own = await connectDatabase(t.uri, undefined, { monitorCommands: true });
    own.getClient().on('commandStarted', (e) => {
      if (e.commandName === 'aggregate' && e.command.aggregate === 'users') reads++;
    });
  });
  afterEach(async () => {
    await Promise.all(caches.splice(0).map((c) => c.stop()));
  });
  after(async () => {
    await own.close();
  });

  it('reads an account once while its change streams are open, and on every request before', async () => {
    const accounts = cache();
    reads = 0;
    await accounts.load('u-center');
    await accounts.load('u-center');
    expect(reads, 'not started: every request reads').to.equal(2);
    await accounts.start();
    expect(accounts.live).to.equal(true);
    reads = 0;
    const first = await accounts.load('u-center', 0);
    const again = await accounts.load('u-center', 0);
    expect(reads).to.equal(1);
    expect(again).to.equal(first);
    expect(first).to.include({ id: 'u-center', role: 'officer', orgType: 'protectionCenter', lead: true });
    expect(Object.isFrozen(first), 'what is handed out cannot be changed').to.equal(true);
    // a token of another session version is refused from memory as from a read
    expect(await accounts.load('u-center', 7)).to.equal(undefined);
    expect(await accounts.load('nobody')).to.equal(undefined);
    expect(await accounts.load('x'.repeat(65))).to.equal(undefined);
    await accounts.stop();
    reads = 0;
    await accounts.load('u-center');
    expect(reads, 'stopped: every request reads').to.equal(1);
  });

  it("forgets an account another server changed: its disabling and its ended sessions refuse the account's tokens", async () => {
    const accounts = cache();
    await accounts.start();
    expect(await accounts.load('u-mediator', 0)).to.not.equal(undefined);
    // another process (another server, a script) writes the account: only the change stream tells
    await t.db.collection('users').updateOne({ _id: 'u-mediator' as never }, { $set: { sessionVersion: 1 } });
    const ms = await eventually(async () => (await accounts.load('u-mediator', 0)) === undefined);
    expect(ms).to.be.below(1000);
    expect(await accounts.load('u-mediator', 1)).to.not.equal(undefined);
    await t.db.collection('users').updateOne({ _id: 'u-mediator' as never }, { $set: { active: false } });
    await eventually(async () => (await accounts.load('u-mediator', 1)) === undefined);
    await t.db.collection('users').updateOne({ _id: 'u-mediator' as never }, { $set: { active: true } });
    await eventually(async () => (await accounts.load('u-mediator', 1)) !== undefined);
    // another account is kept meanwhile
    await accounts.load('u-admin');
    reads = 0;
    await accounts.load('u-admin');
    expect(reads).to.equal(0);
  });

  it("sees an organisation's new type in each member's account", async () => {
    const accounts = cache();
    await accounts.start();
    expect((await accounts.load('u-arbitrator'))?.orgType).to.equal('arbitration');
    const org = (await accounts.load('u-arbitrator'))!.orgId;
    await t.db.collection('organisations').updateOne({ _id: org as never }, { $set: { type: 'mediation' } });
    await eventually(async () => (await accounts.load('u-arbitrator'))?.orgType === 'mediation');
    await t.db
      .collection('organisations')
      .updateOne({ _id: org as never }, { $set: { type: 'arbitration' } });
    await eventually(async () => (await accounts.load('u-arbitrator'))?.orgType === 'arbitration');
  });

  it('forgets at once what this process changes, and keeps nothing a read began before a change', async () => {
    const accounts = cache();
    await accounts.start();
    await accounts.load('u-court');
    expect(accounts.size).to.equal(1);
    accounts.forget('u-court');
    expect(accounts.size).to.equal(0);
    // the read below began before the change that `forget` reports: what it read may be the old account
    const reading = accounts.load('u-court');
    accounts.forget('u-court');
    expect(await reading).to.include({ id: 'u-court' });
    expect(accounts.size).to.equal(0);
    await accounts.load('u-court');
    accounts.forgetAll();
    expect(accounts.size).to.equal(0);
  });

  it('reads on every request while a stream is broken, and keeps again once it has reopened', async () => {
    const accounts = cache({ reopenAfterMs: 50 });
    await accounts.start();
    await accounts.load('u-admin');
    // the organisations' collection dropped: its stream ends (invalidate)
    const orgs = await t.db.collection('organisations').find().toArray();
    await t.db.collection('organisations').drop();
    await eventually(() => !accounts.live);
    expect(accounts.size).to.equal(0);
    reads = 0;
    await accounts.load('u-admin');
    await accounts.load('u-admin');
    expect(reads).to.equal(2);
    await t.db.collection('organisations').insertMany(orgs);
    await eventually(() => accounts.live);
    reads = 0;
    await accounts.load('u-admin');
    await accounts.load('u-admin');
    expect(reads).to.equal(1);
  });

  it('keeps nothing with size 0', async () => {
    const accounts = cache({ size: 0 });
    await accounts.start();
    expect(accounts.live).to.equal(false);
    reads = 0;
    await accounts.load('u-admin');
    await accounts.load('u-admin');
    expect(reads).to.equal(2);
  });
});
