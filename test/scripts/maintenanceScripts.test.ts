import { expect } from 'chai';
import { caseEventModel } from '../../server/cases/caseEventModel.js';
import { designPatentSmeEcommerce, smallTrademarkMediation } from '../fixtures/complaints.js';
import { U, useCaseWorld } from '../support/caseWorld.js';
import { runScript } from '../support/runScript.js';

describe('npm run verify-log and npm run rebuild-projections', function () {
  this.timeout(60_000);
  const w = useCaseWorld('scripts');
  let firstId: string;

  before(async () => {
    const a = await w.file(smallTrademarkMediation);
    await w.store.transition(a._id, w.actor(U.admin), { type: 'ACCEPT' });
    await w.store.transition(a._id, w.actor(U.admin), { type: 'ROUTE', channel: 'mediation' });
    await w.file(designPatentSmeEcommerce);
    firstId = a._id;
  });

  it('verify-log reports every chain intact and every projection equal to its replay', async () => {
    const { code, out } = await runScript('verifyLog.ts', [], w.t.uri);
    expect(out).to.include('verified 2 case logs: 2 intact, 0 with problems');
    expect(code).to.equal(0);
  });

  it('rebuild-projections restores deleted projections from the log', async () => {
    const before = await w.store.models.cases.findById(firstId).lean();
    await w.store.models.cases.deleteMany({});
    const { code, out } = await runScript('rebuildProjections.ts', [], w.t.uri);
    expect(out).to.include('rebuilt 2 of 2 case projections');
    expect(code).to.equal(0);
    const after = await w.store.models.cases.findById(firstId).lean();
    expect(after).to.include({ seq: before?.seq, stage: before?.stage, lastHash: before?.lastHash });
  });

  it('verify-log names a tampered case and exits 1', async () => {
    await caseEventModel(w.t.db).updateOne({ _id: `${firstId}:2` }, { $set: { 'actor.id': 'someone-else' } });
    const { code, out } = await runScript('verifyLog.ts', [], w.t.uri);
    expect(out).to.include(`case ${firstId}: event 2: content does not match its hash`);
    expect(out).to.include('1 with problems');
    expect(code).to.equal(1);
  });
});
