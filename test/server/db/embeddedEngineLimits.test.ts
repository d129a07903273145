import { expect } from 'chai';
import { useTestDatabase } from '../../support/useTestDatabase.js';
import { testDatabaseServer } from '../../support/testEnvironment.js';

/**
 * Keeps docs/database.md true: the embedded FerretDB 1.24 lacks these features, so Sevenfold's
 * design must not use them. Runs only against the embedded engine.
 */
describe('what the embedded engine lacks (docs/database.md)', () => {
  const t = useTestDatabase('limits');

  before(function () {
    if (!testDatabaseServer().embedded) this.skip();
  });

  const rejects = async (op: () => Promise<unknown>): Promise<string> => {
    try {
      await op();
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error('expected the engine to refuse this operation');
  };

  it('has no $lookup, no $facet and no change streams', async () => {
    const col = t.db.collection('limits');
    await col.insertOne({ _id: 'x' as never, v: 1 });
    expect(
      await rejects(() =>
        col.aggregate([{ $lookup: { from: 'y', localField: 'v', foreignField: 'v', as: 'j' } }]).toArray(),
      ),
    ).to.match(/\$lookup/);
    expect(await rejects(() => col.aggregate([{ $facet: { a: [{ $count: 'n' }] } }]).toArray())).to.match(
      /\$facet/,
    );
    expect(
      await rejects(async () => {
        const stream = col.watch();
        try {
          return await stream.tryNext();
        } finally {
          await stream.close();
        }
      }),
    ).to.match(/changeStream/);
  });

  it('has no $max (nor other $group accumulators than $sum)', async () => {
    const col = t.db.collection('limits');
    expect(
      await rejects(() => col.aggregate([{ $group: { _id: null, top: { $max: '$v' } } }]).toArray()),
    ).to.match(/\$max/);
  });

  it('has no TTL and no partial indexes', async () => {
    const col = t.db.collection('limits');
    expect(await rejects(() => col.createIndex({ at: 1 }, { expireAfterSeconds: 60 }))).to.match(
      /expireAfterSeconds/,
    );
    expect(
      await rejects(() => col.createIndex({ v: 1 }, { partialFilterExpression: { v: { $gt: 0 } } })),
    ).to.match(/partialFilterExpression/);
  });

  it('has no multi-document transactions', async () => {
    const client = t.db.getClient();
    const session = client.startSession();
    try {
      const message = await rejects(async () => {
        session.startTransaction();
        await t.db.collection('limits').insertOne({ _id: 'tx' as never }, { session });
        await session.commitTransaction();
      });
      expect(message).to.be.a('string').and.not.equal('');
    } finally {
      await session.endSession();
    }
  });
});
