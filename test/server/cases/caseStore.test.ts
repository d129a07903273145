import { expect } from 'chai';
import { caseEventModel } from '../../../server/cases/caseEventModel.js';
import { verifyCaseLog } from '../../../server/cases/verifyCaseLog.js';
import { DomainError } from '../../../server/errors/domainError.js';
import { smallTrademarkMediation } from '../../fixtures/complaints.js';
import { U, useCaseWorld } from '../../support/caseWorld.js';

const refusal = async (op: () => Promise<unknown>): Promise<DomainError> => {
  try {
    await op();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
};

describe('case store: event log, projection and effects', () => {
  const w = useCaseWorld('store');

  it('files a case as event 1 in screening, with a case number and its screening clock', async () => {
    const doc = await w.file(smallTrademarkMediation);
    expect(doc).to.include({ status: 'screening', stage: 'screening', seq: 1, complainantId: U.complainant });
    expect(doc.caseNo).to.match(/^SF-2025-\d{6}$/);
    expect(doc.clocks.map((c) => c.clock)).to.deep.equal(['screeningDecision']);
    const [filed] = await w.store.events(doc._id);
    expect(filed).to.include({ _id: `${doc._id}:1`, seq: 1, type: 'FILED', kind: 'created' });
    expect(verifyCaseLog(doc._id, await w.store.events(doc._id)).ok).to.equal(true);
  });

  it('routes into mediation: the case gets an organisation and a mediator automatically', async () => {
    const doc = await w.file(smallTrademarkMediation);
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
    const routed = await w.store.transition(doc._id, w.actor(U.admin), {
      type: 'ROUTE',
      channel: 'mediation',
    });
    expect(routed.channel).to.equal('mediation');
    expect(routed.orgId).to.equal('org-zgc-mediation');
    expect(routed.mediatorId).to.equal(U.mediator); // trademark expertise
    expect(routed.stage).to.equal('inChannel.mediation.awaitingAcceptance');
    const types = (await w.store.events(doc._id)).map((e) => e.type);
    expect(types).to.deep.equal(['FILED', 'ACCEPT', 'ROUTE', 'ORG_ASSIGNED', 'ASSIGN_MEDIATOR']);
    expect(routed.participantIds).to.include.members([U.complainant, U.mediator]);
  });

  it('refuses a stale expectedSeq and an action the machine does not allow, appending nothing', async () => {
    const doc = await w.file(smallTrademarkMediation);
    const stale = await refusal(() =>
      w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' }, { expectedSeq: 0 }),
    );
    expect(stale.kind).to.equal('conflict');
    expect(stale.extra).to.include({ code: 'staleSeq', seq: 1 });

    const refused = await refusal(() =>
      w.store.transition(doc._id, w.actor(U.admin), { type: 'SIGN_AGREEMENT' }),
    );
    expect(refused.extra.code).to.equal('notAllowedNow');
    expect(refused.extra.allowed).to.include.members(['ACCEPT', 'REQUEST_INFO', 'REJECT']);
    expect(await w.store.events(doc._id)).to.have.length(1);
  });

  it('commits an event and its projection together: a failed projection write stores neither', async () => {
    const doc = await w.file(smallTrademarkMediation);
    const heard: number[] = [];
    w.store.onAppended(({ event }) => void heard.push(event.seq));
    const cases = w.store.models.cases.collection as unknown as Record<string, unknown>;
    cases.updateOne = () => {
      delete cases.updateOne; // once
      return Promise.reject(new Error('connection reset by the database'));
    };
    try {
      await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
      expect.fail('the failed write should surface');
    } catch (err) {
      expect((err as Error).message).to.equal('connection reset by the database');
    } finally {
      delete cases.updateOne;
    }
    expect(heard).to.deep.equal([]);
    expect((await w.store.events(doc._id)).map((e) => e.type)).to.deep.equal(['FILED']);
    expect((await w.store.models.cases.findById(doc._id).lean())?.seq).to.equal(1);
    // the same action goes through afterwards, as seq 2
    const accepted = await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
    expect(accepted).to.include({ seq: 2, status: 'triage' });
  });

  it('writes what changed, not the whole case document', async () => {
    const doc = await w.file(smallTrademarkMediation);
    const cases = w.store.models.cases.collection as unknown as Record<string, unknown>;
    const updates: unknown[] = [];
    const original = cases.updateOne as (...args: unknown[]) => Promise<unknown>;
    cases.updateOne = (...args: unknown[]) => {
      updates.push(args[1]);
      return original.apply(w.store.models.cases.collection, args);
    };
    try {
      await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
    } finally {
      delete cases.updateOne;
    }
    const written = JSON.stringify(updates[0]);
    const stored = await w.store.models.cases.findById(doc._id).lean();
    expect(written).to.not.include('"complaint"').and.not.include('"recommendation"');
    expect(written.length).to.be.lessThan(JSON.stringify(stored).length / 3);
    // and the stored projection is exactly what a replay of the log computes
    const { _id, ...replayed } = await w.store.rebuild(doc._id);
    expect(_id).to.equal(doc._id);
    const { pendingEffects, ...rest } = stored as unknown as Record<string, unknown>;
    expect(pendingEffects).to.equal(undefined);
    expect(rest).to.deep.equal({ _id, ...replayed });
  });

  it('leaves a case pending until its effects succeed, and runPending finishes them', async () => {
    const doc = await w.file(smallTrademarkMediation);
    let failOnce = true;
    w.store.onAppended(
      () => {
        if (!failOnce) return;
        failOnce = false;
        throw new Error('effect failed');
      },
      { durable: true },
    );
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
    expect(w.store.effectsFailed).to.equal(true);
    expect(await w.store.pendingEffects()).to.deep.equal([doc._id]);
    expect(await w.effects.runPending()).to.equal(1);
    expect(await w.store.pendingEffects()).to.deep.equal([]);
  });

  it('a writer holding an older load loses with a 409 and cannot move the projection back', async () => {
    const doc = await w.file(smallTrademarkMediation);
    const early = await w.store.load(doc._id); // seq 1, as an authorising read would leave it
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
    const late = await refusal(() =>
      w.store.transition(
        doc._id,
        w.actor(U.admin),
        { type: 'REJECT', reason: 'x'.repeat(20) },
        { loaded: early },
      ),
    );
    expect(late.kind).to.equal('conflict');
    expect(late.extra).to.include({ code: 'seqConflict' });
    expect((await w.store.events(doc._id)).map((e) => e.type)).to.deep.equal(['FILED', 'ACCEPT']);
    expect((await w.store.models.cases.findById(doc._id).lean())?.seq).to.equal(2);
  });

  it('reads a long log in order by id, and stops at its end', async () => {
    const doc = await w.file(smallTrademarkMediation);
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
    for (let i = 0; i < 70; i++) await w.store.record(doc._id, w.actor(U.admin), 'NOTE', { n: i });
    const all = await w.store.events(doc._id);
    expect(all.map((e) => e.seq)).to.deep.equal(Array.from({ length: 72 }, (_, i) => i + 1));
    expect((await w.store.events(doc._id, 65)).map((e) => e.seq)).to.deep.equal([66, 67, 68, 69, 70, 71, 72]);
    expect(await w.store.events(doc._id, 72)).to.deep.equal([]);
    expect(verifyCaseLog(doc._id, all).ok).to.equal(true);
  });
  it('replays the log when the stored snapshot was written by another machine version', async () => {
    const doc = await w.file(smallTrademarkMediation);
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
    await w.store.models.cases.updateOne(
      { _id: doc._id },
      { $set: { machineVersion: 0, snapshot: { value: 'somewhere-old', context: {} } } },
    );
    const { doc: replayed } = await w.store.load(doc._id);
    expect(replayed).to.include({ status: 'triage', seq: 2 });
    expect(replayed.machineVersion).to.be.greaterThan(0);
  });

  it('detects tampering anywhere in the hash chain', async () => {
    const doc = await w.file(smallTrademarkMediation);
    await w.store.transition(doc._id, w.actor(U.admin), {
      type: 'REQUEST_INFO',
      items: ['licence contract'],
    });
    await w.store.transition(doc._id, w.actor(U.complainant), { type: 'PROVIDE_INFO', note: 'attached' });
    expect(verifyCaseLog(doc._id, await w.store.events(doc._id)).ok).to.equal(true);
    await caseEventModel(w.t.db).updateOne({ _id: `${doc._id}:2` }, { $set: { 'data.items': ['nothing'] } });
    const check = verifyCaseLog(doc._id, await w.store.events(doc._id));
    expect(check.ok).to.equal(false);
    expect(check.problems.join('\n')).to.include('event 2: content does not match its hash');
  });

  it('records a case closed with infringement found in the credit register', async () => {
    const doc = await w.file(smallTrademarkMediation);
    const admin = w.actor(U.admin);
    await w.store.transition(doc._id, admin, { type: 'ACCEPT' });
    await w.store.transition(doc._id, admin, {
      type: 'ROUTE',
      channel: 'administrative',
      reason: 'counterfeit goods',
    });
    await w.store.transition(doc._id, w.actor(U.enforcement), { type: 'ACCEPT' });
    await w.store.transition(doc._id, w.actor(U.enforcement), {
      type: 'DETERMINE',
      infringement: true,
      remedy: 'cease',
    });
    const closed = await w.store.transition(doc._id, w.actor(U.enforcement), { type: 'CLOSE' });
    expect(closed).to.include({ status: 'closed', closureReason: 'decided' });
    const credit = await w.t.db.collection('credit_register').findOne({ _id: doc._id as never });
    expect(credit).to.include({
      name: smallTrademarkMediation.respondent.name,
      decision: 'infringement:decided',
    });
  });
});
