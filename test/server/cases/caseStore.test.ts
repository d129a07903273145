import { expect } from 'chai';
import { caseEventModel } from '../../../server/cases/caseEventModel.js';
import { ALL_CASES_SCOPE, createCaseTallies, recountTallies } from '../../../server/cases/caseTallies.js';
import { verifyCaseLog } from '../../../server/cases/verifyCaseLog.js';
import { DomainError } from '../../../server/errors/domainError.js';
import { smallTrademarkMediation } from '../../fixtures/complaints.js';
import { U, useCaseWorld } from '../../support/caseWorld.js';
import { SYSTEM_ACTOR } from '../../../server/cases/systemActor.js';

const refusal = async (op: () => Promise<unknown>): Promise<DomainError> => {
  try {
    await op();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
};

/** One write of a commit's batch as the store hands it to the database (see `writeTogether`). */
interface BatchWrite {
  namespace: string;
  name: string;
  document?: { type?: string };
  update?: unknown;
}

/**
 * Runs `during` with every batch of writes the store sends (one per commit: the event, the
 * projection, its tokens and tallies, in one `bulkWrite` round trip) going through `through`, which
 * calls `send` to write it, or not, as a failing or racing database would.
 */
async function withCommitBatches<T>(
  w: { t: { db: { getClient(): unknown } } },
  through: (send: () => Promise<unknown>, writes: BatchWrite[]) => Promise<unknown>,
  during: () => Promise<T>,
): Promise<T> {
  const client = w.t.db.getClient() as Record<string, unknown>;
  const original = client.bulkWrite as (writes: BatchWrite[], ...rest: unknown[]) => Promise<unknown>;
  client.bulkWrite = (writes: BatchWrite[], ...rest: unknown[]) =>
    through(() => original.call(client, writes, ...rest), writes);
  try {
    return await during();
  } finally {
    delete client.bulkWrite;
  }
}

/** The projection update of a commit's batch (its write on `cases`), if it has one. */
const caseUpdateOf = (writes: BatchWrite[]) =>
  writes.find((x) => x.namespace.endsWith('.cases') && x.name === 'updateOne')?.update;

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
    let failed = false;
    try {
      await withCommitBatches(
        w,
        (send, writes) => {
          // the projection's update fails once, after the event's insert went first in its batch
          if (failed || !caseUpdateOf(writes)) return send();
          failed = true;
          return Promise.reject(new Error('connection reset by the database'));
        },
        () => w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' }),
      );
      expect.fail('the failed write should surface');
    } catch (err) {
      expect((err as Error).message).to.equal('connection reset by the database');
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
    const updates: unknown[] = [];
    await withCommitBatches(
      w,
      (send, writes) => {
        updates.push(caseUpdateOf(writes));
        return send();
      },
      () => w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' }),
    );
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

  it('does the work handed to it while the commit is on its way, once, on the projection it returns', async () => {
    const doc = await w.file(smallTrademarkMediation);
    const seen: { doc: unknown; resolved: boolean }[] = [];
    let resolved = false;
    const accepted = await w.store.transition(
      doc._id,
      w.actor(U.admin),
      { type: 'ACCEPT' },
      { whileCommitting: (d) => void seen.push({ doc: d, resolved }) },
    );
    resolved = true;
    expect(seen).to.have.length(1);
    expect(seen[0]!.doc).to.equal(accepted); // the very object the transition returns
    expect(seen[0]!.resolved).to.equal(false);

    // a commit with follow-ups ends on another projection: nothing is prepared for it
    const routed: unknown[] = [];
    await w.store.transition(
      doc._id,
      w.actor(U.admin),
      { type: 'ROUTE', channel: 'mediation' },
      { whileCommitting: (d) => void routed.push(d) },
    );
    expect(routed).to.deep.equal([]);
  });

  it('prepares nothing for a commit that fails, and a failure of the work fails no commit', async () => {
    const doc = await w.file(smallTrademarkMediation);
    const seen: unknown[] = [];
    try {
      await withCommitBatches(
        w,
        () => Promise.reject(new Error('connection reset by the database')),
        () =>
          w.store.transition(
            doc._id,
            w.actor(U.admin),
            { type: 'ACCEPT' },
            { whileCommitting: (d) => void seen.push(d) },
          ),
      );
      expect.fail('the failed write should surface');
    } catch (err) {
      expect((err as Error).message).to.equal('connection reset by the database');
    }
    expect(seen).to.deep.equal([]);
    const accepted = await w.store.transition(
      doc._id,
      w.actor(U.admin),
      { type: 'ACCEPT' },
      {
        whileCommitting: () => {
          throw new Error('a presenter bug');
        },
      },
    );
    expect(accepted).to.include({ seq: 2, status: 'triage' });
  });

  it('publishes a cause before its follow-ups: listeners hear every seq in order', async () => {
    const doc = await w.file(smallTrademarkMediation);
    const heard: number[] = [];
    w.store.onAppended(({ event }) => void heard.push(event.seq));
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'ROUTE', channel: 'mediation' });
    expect(heard).to.deep.equal([2, 3, 4, 5]); // ACCEPT, ROUTE, ORG_ASSIGNED, ASSIGN_MEDIATOR
  });

  it('marks only a commit that may have follow-ups, and clears the mark once they are appended', async () => {
    const doc = await w.file(smallTrademarkMediation);
    const updates: unknown[] = [];
    await withCommitBatches(
      w,
      (send, writes) => {
        updates.push(caseUpdateOf(writes));
        return send();
      },
      async () => {
        await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
        expect(JSON.stringify(updates)).to.not.include('pendingEffects');
        updates.length = 0;
        await w.store.transition(doc._id, w.actor(U.admin), { type: 'ROUTE', channel: 'mediation' });
        expect(JSON.stringify(updates[0])).to.include('"pendingEffects":3');
      },
    );
    expect(await w.store.pendingEffects()).to.deep.equal([]);
  });

  /**
   * Routes an accepted case into mediation with every commit of the store going through `through`
   * (which calls `insert` to write the commit's batch, its event first, or not), as a failing or
   * racing database would.
   */
  async function routedWithEventInserts(
    caseId: string,
    through: (
      insert: (event: { type?: string }) => Promise<unknown>,
      event: { type?: string },
    ) => Promise<unknown>,
  ) {
    return withCommitBatches(
      w,
      (send, writes) => through(() => send(), writes[0]?.document ?? {}),
      () => w.store.transition(caseId, w.actor(U.admin), { type: 'ROUTE', channel: 'mediation' }),
    );
  }

  it('leaves a case pending when a follow-up fails, and finishPending appends it', async () => {
    const doc = await w.file(smallTrademarkMediation);
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
    let calls = 0;
    const routed = await routedWithEventInserts(doc._id, (insert, event) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new Error('connection reset by the database'));
      return insert(event);
    });
    // the cause stands; its follow-up (the organisation) is still to be appended
    expect(routed.seq).to.equal(3);
    expect(w.store.effectsFailed).to.equal(true);
    expect(await w.store.pendingEffects()).to.deep.equal([doc._id]);
    expect(await w.store.finishPending()).to.equal(1);
    expect(w.store.effectsFailed).to.equal(false);
    expect(await w.store.pendingEffects()).to.deep.equal([]);
    const types = (await w.store.events(doc._id)).map((e) => e.type);
    expect(types).to.deep.equal(['FILED', 'ACCEPT', 'ROUTE', 'ORG_ASSIGNED', 'ASSIGN_MEDIATOR']);
  });

  it('takes a follow-up again when a fact appended meanwhile took its seq (a generated document)', async () => {
    const doc = await w.file(smallTrademarkMediation);
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
    let landed = false;
    // the document worker of this process appends its fact just before the mediator's assignment
    const routed = await routedWithEventInserts(doc._id, async (insert, event) => {
      if (event.type === 'ASSIGN_MEDIATOR' && !landed) {
        landed = true;
        await w.store.record(doc._id, SYSTEM_ACTOR, 'DOCUMENT_GENERATED', { kind: 'acceptanceNotice' });
      }
      return insert(event);
    });
    expect(landed).to.equal(true);
    const types = (await w.store.events(doc._id)).map((e) => e.type);
    expect(types).to.deep.equal([
      'FILED',
      'ACCEPT',
      'ROUTE',
      'ORG_ASSIGNED',
      'DOCUMENT_GENERATED',
      'ASSIGN_MEDIATOR',
    ]);
    expect(routed.mediatorId).to.be.a('string');
    expect(routed.seq).to.equal(6);
    expect(w.store.effectsFailed).to.equal(false);
    expect(await w.store.pendingEffects()).to.deep.equal([]);
  });

  it('keeps the desk tallies equal to a count of the open cases through filings, routings and closures', async () => {
    const tallies = createCaseTallies(w.t.db);
    const before = await tallies.read(ALL_CASES_SCOPE);
    const a = await w.file(smallTrademarkMediation);
    const b = await w.file(smallTrademarkMediation);
    const c = await w.file(smallTrademarkMediation);
    await w.store.transition(a._id, w.actor(U.admin), { type: 'ACCEPT' });
    await w.store.transition(a._id, w.actor(U.admin), { type: 'ROUTE', channel: 'mediation' });
    await w.store.transition(b._id, w.actor(U.admin), { type: 'REJECT', reason: 'x'.repeat(20) });
    await w.store.transition(c._id, w.actor(U.admin), { type: 'ACCEPT' });
    const after = await tallies.read(ALL_CASES_SCOPE);
    expect(after.open - before.open).to.equal(2); // b was rejected
    expect(after.byQueue.inChannel - before.byQueue.inChannel).to.equal(1);
    expect(after.byQueue.triage - before.byQueue.triage).to.equal(1);
    const mediationOrg = await tallies.read('o:org-zgc-mediation');
    // what the commits kept is what a full recount finds, for every scope
    await recountTallies(w.t.db);
    expect(await tallies.read(ALL_CASES_SCOPE)).to.deep.equal(after);
    expect(await tallies.read('o:org-zgc-mediation')).to.deep.equal(mediationOrg);
    expect(mediationOrg.byStatus.inChannel).to.be.at.least(1);
  });

  it('a court entrusting mediation gets a mediator while its own clock keeps running, stored once', async () => {
    const doc = await w.file(smallTrademarkMediation);
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
    await w.store.transition(doc._id, w.actor(U.admin), {
      type: 'ROUTE',
      channel: 'judicial',
      reason: 'Both parties asked for the court to hear it.',
    });
    const servedAt = w.clock.now().toISOString();
    await w.store.transition(doc._id, SYSTEM_ACTOR, { type: 'SERVE', means: 'link', servedAt });
    // the court mediates once the answer is in or the answer period is over (CPL art. 128)
    await w.store.transition(doc._id, SYSTEM_ACTOR, { type: 'DEADLINE', clock: 'respondentAnswer' });
    const entrusted = await w.store.transition(doc._id, w.actor(U.court), {
      type: 'ENTRUST_MEDIATION',
      note: 'Entrusted to the mediation committee.',
    });
    expect(entrusted.mediatorId).to.equal(U.mediator);
    expect(entrusted.stage).to.equal('inChannel.judicial.entrustedMediation.awaitingAcceptance');
    const deadlines = await w.t.db
      .collection('deadlines')
      .find({ caseId: doc._id, state: 'pending' })
      .toArray();
    const running = entrusted.clocks.map((c) => c.clock).sort();
    expect(deadlines.map((d) => d.clock).sort()).to.deep.equal(running);
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
