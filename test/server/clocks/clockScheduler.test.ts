import { expect } from 'chai';
import { computeDueAt } from '../../../shared/time/clocks.js';
import { clockRunModel } from '../../../server/clocks/clockRunModel.js';
import { CLOCK_WARNING } from '../../../server/clocks/clockScheduler.js';
import { smallTrademarkMediation } from '../../fixtures/complaints.js';
import { U, useCaseWorld } from '../../support/caseWorld.js';

const withRespondent = {
  ...smallTrademarkMediation,
  respondent: { ...smallTrademarkMediation.respondent, email: 'respondent@demo.local' },
};

describe('durable clocks and the deadline scheduler', () => {
  // Monday 22 September 2025, 10:00 in Beijing: the screening clock runs over the 28 Sep make-up day
  const w = useCaseWorld('deadlines', '2025-09-22T02:00:00.000Z');

  it('stores the screening clock and publishes 50%, 80% and breach exactly once each', async () => {
    w.clock.set('2025-09-22T02:00:00.000Z');
    const doc = await w.file(smallTrademarkMediation);
    const stored = await clockRunModel(w.t.db).findOne({ caseId: doc._id }).lean();
    const due = computeDueAt('screeningDecision', '2025-09-22T02:00:00.000Z');
    // 5 working days: 23, 24, 25, 26 and Sunday 28 September (a make-up working day) → end of 28 Sep
    expect(due).to.equal('2025-09-28T15:59:59.999Z');
    expect(stored?.dueAt.toISOString()).to.equal(due);
    expect(stored?.state).to.equal('pending');

    expect(await w.scheduler.tick()).to.equal(0);
    w.clock.set(stored!.warnAt50);
    expect(await w.scheduler.tick()).to.equal(1);
    expect(await w.scheduler.tick()).to.equal(0);
    w.clock.set(stored!.warnAt80);
    expect(await w.scheduler.tick()).to.equal(1);
    w.clock.set(new Date(new Date(due).getTime() + 1));
    expect(await w.scheduler.tick()).to.equal(1);
    expect(await w.scheduler.tick()).to.equal(0);

    const events = await w.store.events(doc._id);
    const clockEvents = events.filter((e) => e.actor.role === 'system');
    expect(clockEvents.map((e) => [e.type, e.data.level])).to.deep.equal([
      [CLOCK_WARNING, 'warning50'],
      [CLOCK_WARNING, 'warning80'],
      ['DEADLINE', 'breach'],
    ]);
    const after = await clockRunModel(w.t.db).findById(stored!._id).lean();
    expect(after?.state).to.equal('fired');
    // the screening breach is recorded; the case still waits for a screening decision
    const { doc: now } = await w.store.load(doc._id);
    expect(now.status).to.equal('screening');
    expect(now.clocks[0]?.breached).to.equal(true);
  });

  it('cancels a clock whose state was left', async () => {
    w.clock.set('2025-10-13T02:00:00.000Z');
    const doc = await w.file(smallTrademarkMediation);
    w.clock.advance(3600_000);
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'REQUEST_INFO', items: ['certificate'] });
    w.clock.advance(3600_000);
    await w.store.transition(doc._id, w.actor(U.complainant), { type: 'PROVIDE_INFO', note: 'here it is' });
    const clocks = await clockRunModel(w.t.db).find({ caseId: doc._id }).sort({ startedAt: 1 }).lean();
    expect(clocks.map((d) => [d.clock, d.state])).to.deep.equal([
      ['screeningDecision', 'cancelled'],
      ['infoRequest', 'cancelled'],
      ['screeningDecision', 'pending'],
    ]);
  });

  it('fires a clock that expired while the server was down exactly once on the next start', async () => {
    w.clock.set('2025-11-03T02:00:00.000Z');
    const doc = await w.file(smallTrademarkMediation);
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'REQUEST_INFO', items: ['licence'] });
    // "downtime": nothing ticks for 30 days, then a fresh instance starts
    w.clock.advanceDays(30);
    const restarted = w.instance();
    expect(await restarted.store.finishPending()).to.equal(0);
    const fired = await restarted.scheduler.tick();
    expect(fired).to.be.greaterThan(0);
    expect(await restarted.scheduler.tick()).to.equal(0);
    const { doc: lapsed } = await restarted.store.load(doc._id);
    expect(lapsed).to.include({ status: 'closed', closureReason: 'lapsed' });
    const events = await restarted.store.events(doc._id);
    const expiryEvents = events.filter((e) => e.type === 'DEADLINE');
    expect(expiryEvents).to.have.length(1);
    // only the breach was published: the missed 50% and 80% warnings are moot
    expect(events.filter((e) => e.type === CLOCK_WARNING && e.data.clock === 'infoRequest')).to.have.length(
      0,
    );
  });

  it('two schedulers over the same database fire each clock once', async () => {
    w.clock.set('2025-12-01T02:00:00.000Z');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const doc = await w.file({ ...smallTrademarkMediation, title: `Tea mark case ${i}` });
      await w.store.transition(doc._id, w.actor(U.admin), { type: 'REQUEST_INFO', items: ['licence'] });
      ids.push(doc._id);
    }
    w.clock.advanceDays(20);
    const a = w.instance();
    const b = w.instance();
    await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick(), b.scheduler.tick()]);
    for (const id of ids) {
      const events = await w.store.events(id);
      expect(events.filter((e) => e.type === 'DEADLINE' && e.data.clock === 'infoRequest')).to.have.length(1);
      const seqs = events.map((e) => e.seq);
      expect(new Set(seqs).size).to.equal(seqs.length);
      expect((await w.store.load(id)).doc.closureReason).to.equal('lapsed');
    }
  });

  it('a tick for one case fires only the clocks of that case', async () => {
    w.clock.set('2026-01-05T02:00:00.000Z');
    const ids: string[] = [];
    for (const title of ['Tea mark: ticked on its own', 'Tea mark: left for later']) {
      const doc = await w.file({ ...smallTrademarkMediation, title });
      await w.store.transition(doc._id, w.actor(U.admin), { type: 'REQUEST_INFO', items: ['licence'] });
      ids.push(doc._id);
    }
    const [own, other] = ids as [string, string];
    w.clock.advanceDays(20);
    expect(await w.scheduler.tick({ caseId: own })).to.equal(1);
    expect((await w.store.load(own)).doc.closureReason).to.equal('lapsed');
    expect((await w.store.load(other)).doc.status).to.equal('awaitingInfo');
    expect(await w.scheduler.tick({ caseId: other })).to.equal(1);
    expect((await w.store.load(other)).doc.closureReason).to.equal('lapsed');
  });

  it('reassigns a mediator who does not accept in time, and never picks them again for the case', async () => {
    w.clock.set('2026-03-02T02:00:00.000Z');
    const doc = await w.file(withRespondent);
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
    const routed = await w.store.transition(doc._id, w.actor(U.admin), {
      type: 'ROUTE',
      channel: 'mediation',
    });
    expect(routed.mediatorId).to.equal(U.mediator);
    w.clock.advanceDays(10);
    await w.scheduler.tick();
    const { doc: reassigned } = await w.store.load(doc._id);
    expect(reassigned.mediatorId).to.equal(U.mediator2);
    expect(reassigned.stage).to.equal('inChannel.mediation.awaitingAcceptance');
    const types = (await w.store.events(doc._id)).map((e) => e.type);
    expect(types.slice(-2)).to.deep.equal(['DEADLINE', 'ASSIGN_MEDIATOR']);
  });

  it('a mediator who declares a conflict with a party is never assigned a case of that party', async () => {
    w.clock.set('2026-03-09T02:00:00.000Z');
    const doc = await w.file(withRespondent, U.complainant2);
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'ROUTE', channel: 'mediation' });
    let current = (await w.store.load(doc._id)).doc;
    const first = current.mediatorId;
    expect(first).to.be.a('string');
    await w.store.transition(doc._id, w.actor(first!), {
      type: 'DECLINE_ASSIGNMENT',
      conflict: true,
      conflictWith: 'respondent',
      reason: 'I advised the respondent last year',
    });
    current = (await w.store.load(doc._id)).doc;
    expect(current.mediatorId).to.not.equal(first);

    // a new case against the same respondent by the same complainant: the conflicted mediator is excluded
    const other = await w.file({ ...withRespondent, title: 'Second tea case' }, U.complainant2);
    await w.store.transition(other._id, w.actor(U.admin), { type: 'ACCEPT' });
    const routed = await w.store.transition(other._id, w.actor(U.admin), {
      type: 'ROUTE',
      channel: 'mediation',
    });
    expect(routed.mediatorId).to.not.equal(first);
  });
});
