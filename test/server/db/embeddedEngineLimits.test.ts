import { expect } from 'chai';
import { useTestDatabase } from '../../support/useTestDatabase.js';
import { testDatabaseServer } from '../../support/testEnvironment.js';

/** The stages of an explain plan, outermost first. */
function stagesOf(plan: Record<string, unknown> | undefined): string[] {
  const stages: string[] = [];
  for (let p = plan; p; p = p.inputStage as Record<string, unknown> | undefined) stages.push(String(p.stage));
  return stages;
}

/**
 * Keeps docs/database.md true about the embedded SecantusDB: what it does differently from MongoDB, so
 * that Sevenfold's queries are shaped for it. Runs only against the embedded engine.
 */
describe('how the embedded engine plans queries (docs/database.md)', () => {
  const t = useTestDatabase('limits');

  before(async function () {
    if (!testDatabaseServer().embedded) this.skip();
    const col = t.db.collection('limits');
    await col.createIndex({ status: 1, updatedAt: -1 });
    await col.createIndex({ updatedAt: -1 });
    await col.insertMany(
      Array.from({ length: 50 }, (_, i) => ({
        _id: `d${i}` as never,
        status: i % 2 ? 'open' : 'closed',
        updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      })),
    );
  });

  it('serves an equality filter from a compound index but sorts its matches in memory', async () => {
    const plan = await t.db
      .collection('limits')
      .find({ status: 'open' })
      .sort({ updatedAt: -1 })
      .limit(5)
      .explain('executionStats');
    // MongoDB walks {status, updatedAt} in order and stops after 5; SecantusDB reads every match
    expect(stagesOf(plan.queryPlanner.winningPlan)).to.deep.equal(['SORT', 'FETCH', 'IXSCAN']);
    expect(plan.executionStats.totalDocsExamined).to.equal(25);
  });

  it('reads every index entry in a range, whatever the limit', async () => {
    const plan = await t.db
      .collection('limits')
      .find({ updatedAt: { $gte: new Date(Date.UTC(2026, 0, 1, 0, 40)) } })
      .sort({ updatedAt: -1 })
      .limit(3)
      .explain('executionStats');
    expect(stagesOf(plan.queryPlanner.winningPlan)).to.include('IXSCAN');
    expect(plan.executionStats.totalDocsExamined).to.equal(10);
  });
});
