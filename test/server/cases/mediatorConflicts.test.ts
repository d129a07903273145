import { expect } from 'chai';
import { checkAssignee } from '../../../server/cases/checkAssignee.js';
import { mediatorConflictModel } from '../../../server/cases/mediatorConflictModel.js';
import { DomainError } from '../../../server/errors/domainError.js';
import { smallTrademarkMediation } from '../../fixtures/complaints.js';
import { U, useCaseWorld } from '../../support/caseWorld.js';

const withRespondent = {
  ...smallTrademarkMediation,
  respondent: { ...smallTrademarkMediation.respondent, email: 'respondent@demo.local' },
};
const otherRespondent = {
  ...smallTrademarkMediation,
  title: 'Another respondent',
  respondent: { name: 'Hangzhou Other Tea Co., Ltd.', type: 'enterprise' as const },
};

describe('mediator conflicts of interest apply to the case and the declared party (issue 14)', () => {
  const w = useCaseWorld('conflicts', '2026-03-09T02:00:00.000Z');

  async function routed(complaint: typeof smallTrademarkMediation, filer: string) {
    const doc = await w.file(complaint, filer);
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
    return w.store.transition(doc._id, w.actor(U.admin), { type: 'ROUTE', channel: 'mediation' });
  }

  it('remembers the declared party only, keeps the mediator for the other party, refuses a manual assignment', async () => {
    const first = await routed(withRespondent, U.complainant2);
    const mediatorId = first.mediatorId!;
    await w.store.transition(first._id, w.actor(mediatorId), {
      type: 'DECLINE_ASSIGNMENT',
      conflict: true,
      conflictWith: 'respondent',
      reason: 'I advised the respondent last year',
    });
    const stored = await mediatorConflictModel(w.t.db).find({ mediatorId }).lean();
    expect(stored.map((c) => c.partyKey)).to.not.include(U.complainant2);
    expect(stored.length).to.be.greaterThan(0);

    // the same complainant against another respondent: the mediator is eligible again
    const other = await routed(otherRespondent, U.complainant2);
    expect(other.mediatorId).to.equal(mediatorId);

    // the declared respondent in a new case: a manual assignment of the conflicted mediator is refused
    const again = await routed({ ...withRespondent, title: 'Second tea case' }, U.complainant);
    expect(again.mediatorId).to.not.equal(mediatorId);
    await w.store.transition(again._id, w.actor(again.mediatorId!), { type: 'DECLINE_ASSIGNMENT' });
    const current = (await w.store.load(again._id)).doc;
    const err = await checkAssignee(w.t.db, current, { type: 'ASSIGN_MEDIATOR', mediatorId }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(DomainError);
    expect((err as DomainError).kind).to.equal('invalid');
  });
});
