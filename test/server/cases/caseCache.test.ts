import { expect } from 'chai';
import { intakeSources } from '../../../server/compose/intakeSources.js';
import { createCaseEffects } from '../../../server/effects/createCaseEffects.js';
import { createCaseService } from '../../../server/cases/caseService.js';
import { createCaseStore, type CaseStore } from '../../../server/cases/caseStore.js';
import { verifyCaseLog } from '../../../server/cases/verifyCaseLog.js';
import type { DomainError } from '../../../server/errors/domainError.js';
import { smallTrademarkMediation } from '../../fixtures/complaints.js';
import { U, useCaseWorld } from '../../support/caseWorld.js';
import { testLogger } from '../../support/testEnvironment.js';

describe('case projection cache: several servers writing one case', () => {
  const w = useCaseWorld('case-cache');

  /** A store as a server builds it, with its projection cache (another server instance). */
  const server = (): CaseStore =>
    createCaseStore({
      db: w.t.db,
      logger: testLogger,
      now: w.clock.now,
      effects: createCaseEffects({ db: w.t.db, logger: testLogger }),
      cacheSize: 100,
    });

  /** Files a mediation case and takes it into session; resolves with its id. */
  async function inSession(): Promise<string> {
    const doc = await w.file({
      ...smallTrademarkMediation,
      respondent: { ...smallTrademarkMediation.respondent, email: 'respondent@demo.local' },
    });
    const admin = w.actor(U.admin);
    await w.store.transition(doc._id, admin, { type: 'ACCEPT' });
    await w.store.transition(doc._id, admin, { type: 'ROUTE', channel: 'mediation' });
    await w.store.transition(doc._id, w.actor(U.mediator), { type: 'ACCEPT_ASSIGNMENT' });
    const after = await w.store.transition(doc._id, w.actor(U.respondent), { type: 'CONSENT' });
    expect(after.stage).to.match(/^inChannel\.mediation\.inSession/);
    return doc._id;
  }

  const session = (notes: string) => ({ type: 'RECORD_SESSION' as const, notes });

  /** The notes of the case's recorded sessions, in log order, and a check of its log and projection. */
  async function checked(caseId: string): Promise<string[]> {
    const events = await w.store.events(caseId);
    expect(verifyCaseLog(caseId, events).ok).to.equal(true);
    const { doc } = await w.store.load(caseId);
    const replayed = await w.store.rebuild(caseId);
    expect(doc.seq).to.equal(replayed.seq);
    expect(doc.snapshot).to.deep.equal(replayed.snapshot);
    return events.filter((e) => e.type === 'RECORD_SESSION').map((e) => String(e.data.notes));
  }

  it('freezes a projection for the cache while its commit is on its way, as the commit leaves it', async () => {
    const caseId = await inSession();
    const mine = server();
    const frozen: boolean[] = [];
    const after = await mine.transition(caseId, w.actor(U.mediator), session('first'), {
      whileCommitting: (doc) => void frozen.push(Object.isFrozen(doc) && Object.isFrozen(doc.snapshot)),
    });
    expect(frozen).to.deep.equal([true]);
    expect((await mine.loadForAction(caseId)).doc).to.equal(after); // the frozen projection is the cached one
    expect(await checked(caseId)).to.deep.equal(['first']);
  });

  it('appends after a change another server made, never over it: the stale copy fails its commit and is read again', async () => {
    const caseId = await inSession();
    const a = server();
    const b = server();
    const first = await a.transition(caseId, w.actor(U.mediator), session('a1'));
    // a holds the case at first.seq; b moves it on
    const byB = await b.transition(caseId, w.actor(U.mediator), session('b1'));
    expect(byB.seq).to.equal(first.seq + 1);
    expect((await a.loadForAction(caseId)).cached).to.equal(true);
    const again = await a.transition(caseId, w.actor(U.mediator), session('a2'));
    expect(again.seq).to.equal(byB.seq + 1);
    expect(await checked(caseId)).to.deep.equal(['a1', 'b1', 'a2']);
  });

  it('checks an expectedSeq against the case as stored, not against a stale copy', async () => {
    const caseId = await inSession();
    const a = server();
    const b = server();
    await a.transition(caseId, w.actor(U.mediator), session('a1'));
    const byB = await b.transition(caseId, w.actor(U.mediator), session('b1'));
    const ok = await a.transition(caseId, w.actor(U.mediator), session('a2'), { expectedSeq: byB.seq });
    expect(ok.seq).to.equal(byB.seq + 1);
    try {
      await a.transition(caseId, w.actor(U.mediator), session('a3'), { expectedSeq: byB.seq });
      expect.fail('a stale expectedSeq was accepted');
    } catch (err) {
      expect((err as DomainError).extra.code).to.equal('staleSeq');
    }
    expect(await checked(caseId)).to.deep.equal(['a1', 'b1', 'a2']);
  });

  it('decides an action again on a read: a case withdrawn on another server refuses a session as it would uncached', async () => {
    const caseId = await inSession();
    const a = server();
    const b = server();
    const cases = createCaseService({
      db: w.t.db,
      store: a,
      now: w.clock.now,
      intake: intakeSources(w.t.db),
    });
    const mediator = w.authUser(U.mediator);
    await cases.actOnCase(mediator, caseId, session('a1'));
    expect((await a.loadForAction(caseId)).cached).to.equal(true);
    const withdrawn = await b.transition(caseId, w.actor(U.complainant), { type: 'WITHDRAW' });
    expect(withdrawn.status).to.not.equal('inChannel');
    const uncached = createCaseService({
      db: w.t.db,
      store: w.store,
      now: w.clock.now,
      intake: intakeSources(w.t.db),
    });
    const refusal = async (act: () => Promise<unknown>) => {
      try {
        await act();
      } catch (err) {
        return { kind: (err as DomainError).kind, code: (err as DomainError).extra.code };
      }
      return expect.fail('the session was accepted on a withdrawn case');
    };
    const viaCache = await refusal(() => cases.actOnCase(mediator, caseId, session('a2')));
    const viaRead = await refusal(() => uncached.actOnCase(mediator, caseId, session('a2')));
    expect(viaCache).to.deep.equal(viaRead);
    expect(await checked(caseId)).to.deep.equal(['a1']);
  });

  it('two actions at once on one server: one is appended, the other gets the 409 it gets without the cache', async () => {
    const caseId = await inSession();
    const a = server();
    await a.transition(caseId, w.actor(U.mediator), session('warm'));
    const results = await Promise.allSettled([
      a.transition(caseId, w.actor(U.mediator), session('x')),
      a.transition(caseId, w.actor(U.mediator), session('y')),
    ]);
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost).to.have.length(1);
    expect((lost[0]!.reason as DomainError).kind).to.equal('conflict');
    expect(await checked(caseId)).to.have.length(2);
  });
});
