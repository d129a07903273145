import { expect } from 'chai';
import { verifyCaseLog } from '../../../server/cases/verifyCaseLog.js';
import { nextCaseNumber } from '../../../server/cases/caseNumbers.js';
import { DomainError } from '../../../server/errors/domainError.js';
import { smallTrademarkMediation } from '../../fixtures/complaints.js';
import { U, useCaseWorld } from '../../support/caseWorld.js';

describe('50 writers racing on one case (embedded engine)', () => {
  const w = useCaseWorld('race');

  it('gives every accepted event a unique seq, keeps the chain and the projection exact, and tells each loser', async function () {
    this.timeout(120_000);
    const complaint = {
      ...smallTrademarkMediation,
      respondent: { ...smallTrademarkMediation.respondent, email: 'respondent@demo.local' },
    };
    const doc = await w.file(complaint);
    const admin = w.actor(U.admin);
    await w.store.transition(doc._id, admin, { type: 'ACCEPT' });
    await w.store.transition(doc._id, admin, { type: 'ROUTE', channel: 'mediation' });
    await w.store.transition(doc._id, w.actor(U.mediator), { type: 'ACCEPT_ASSIGNMENT' });
    const inSession = await w.store.transition(doc._id, w.actor(U.respondent), { type: 'CONSENT' });
    expect(inSession.stage).to.match(/^inChannel\.mediation\.inSession/);
    const before = inSession.seq;

    // 50 writers, each a separate store (as separate requests or server instances would be)
    const writers = Array.from({ length: 50 }, () => w.instance().store);
    const results = await Promise.allSettled(
      writers.map((store, i) =>
        store.transition(doc._id, w.actor(U.mediator), { type: 'RECORD_SESSION', notes: `writer ${i}` }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    for (const r of lost) {
      expect(r.reason).to.be.instanceOf(DomainError);
      expect((r.reason as DomainError).kind).to.equal('conflict');
    }
    expect(won.length).to.be.greaterThan(0);
    expect(won.length + lost.length).to.equal(50);

    const events = await w.store.events(doc._id);
    const sessions = events.filter((e) => e.type === 'RECORD_SESSION');
    expect(sessions).to.have.length(won.length);
    const seqs = events.map((e) => e.seq);
    expect(new Set(seqs).size).to.equal(seqs.length);
    expect(seqs).to.deep.equal(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(events.length).to.equal(before + won.length);
    expect(verifyCaseLog(doc._id, events).ok).to.equal(true);

    const { doc: projected } = await w.store.load(doc._id);
    const replayed = await w.store.rebuild(doc._id);
    expect(projected.seq).to.equal(replayed.seq);
    expect(projected.lastHash).to.equal(replayed.lastHash);
    expect(projected.snapshot).to.deep.equal(replayed.snapshot);
  });

  it('gives simultaneous first filings of a year distinct case numbers', async function () {
    this.timeout(120_000);
    // a year's first numbers are drawn at once (four rights holders filing on New Year's morning);
    // concurrent upserts of the missing counter once answered three of them without a number
    for (let year = 2101; year < 2141; year++) {
      const at = new Date(Date.UTC(year, 0, 1, 1));
      const numbers = await Promise.all([0, 1, 2, 3].map(() => nextCaseNumber(w.t.db, at)));
      expect([...numbers].sort()).to.deep.equal([1, 2, 3, 4].map((n) => `SF-${year}-00000${n}`));
    }
    // a counter that disappears (an emptied database) is created again
    await w.t.db.collection('case_numbers').deleteOne({ _id: 'counter:2101' as never });
    expect(await nextCaseNumber(w.t.db, new Date(Date.UTC(2101, 5, 1)))).to.equal('SF-2101-000001');
  });

  it('does not report a broken case-number key as a change saved first', async () => {
    // a case number already held (a fault, not a race on the case): the filing fails as a fault, and is
    // not answered "another change to this case was saved first", which asks the user to reload
    const year = new Date(w.clock.now()).getUTCFullYear();
    const held = await nextCaseNumber(w.t.db, w.clock.now());
    const next = `SF-${year}-${String(Number(held.slice(-6)) + 1).padStart(6, '0')}`;
    await w.t.db.collection('cases').insertOne({ _id: 'held-number' as never, caseNo: next });
    const err = await w.file(smallTrademarkMediation).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.not.be.instanceOf(DomainError);
    expect((err as { code?: number }).code).to.equal(11000);
    await w.t.db.collection('cases').deleteOne({ _id: 'held-number' as never });
  });
});
