import { expect } from 'chai';
import { verifyCaseLog } from '../../../server/cases/verifyCaseLog.js';
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
});
