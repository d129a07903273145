import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { expect } from 'chai';
import { GridFSBucket } from 'mongodb';
import { Schema } from 'mongoose';
import { DuplicateKeyError, mapDuplicateKey } from '../../../server/db/duplicateKeyError.js';
import { TogetherWriteError, writeTogether } from '../../../server/db/writeTogether.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/**
 * Proves, against the running engine (embedded SecantusDB, or MONGODB_URI), every database operation
 * Sevenfold relies on. docs/database.md lists them and how the embedded engine plans queries.
 */
describe('database compatibility (Mongoose on the running engine)', () => {
  const t = useTestDatabase('compat');

  interface EventDoc {
    _id: string;
    caseId: string;
    seq: number;
    type: string;
    tags: string[];
    count: number;
  }
  const eventSchema = new Schema<EventDoc>(
    {
      _id: String,
      caseId: { type: String, required: true, index: true },
      seq: Number,
      type: String,
      tags: [String],
      count: { type: Number, default: 0 },
    },
    { versionKey: false },
  );
  const userSchema = new Schema({ email: { type: String, required: true, unique: true }, name: String });

  const Events = () => t.db.model<EventDoc>('CompatEvent', eventSchema, 'compat_events');
  const Users = () => t.db.model('CompatUser', userSchema, 'compat_users');

  before(async () => {
    await Events().createCollection();
    await Events().createIndexes();
    await Users().createCollection();
    await Users().createIndexes();
    await Events().insertMany([
      { _id: 'c1:1', caseId: 'c1', seq: 1, type: 'FILED', tags: ['a', 'b'] },
      { _id: 'c1:2', caseId: 'c1', seq: 2, type: 'ACCEPT', tags: ['a'] },
      { _id: 'c2:1', caseId: 'c2', seq: 1, type: 'FILED', tags: ['b', 'c', 'd'] },
    ]);
  });

  it('inserts a document with a string _id and rejects a duplicate _id as a typed error', async () => {
    await Events().create({ _id: 'c3:1', caseId: 'c3', seq: 1, type: 'FILED', tags: [] });
    let caught: unknown;
    try {
      await mapDuplicateKey(() =>
        Events().create({ _id: 'c3:1', caseId: 'c3', seq: 1, type: 'OTHER', tags: [] }),
      );
    } catch (err) {
      caught = err;
    }
    expect(caught).to.be.instanceOf(DuplicateKeyError);
    const kept = await Events().findById('c3:1').lean();
    expect(kept?.type).to.equal('FILED');
  });

  it('finds by _id and by fields', async () => {
    const byId = await Events().findById('c1:2').lean();
    expect(byId).to.include({ caseId: 'c1', seq: 2, type: 'ACCEPT' });
    const byFields = await Events()
      .find({ caseId: 'c1', seq: { $gt: 1 } })
      .lean();
    expect(byFields.map((e) => e._id)).to.deep.equal(['c1:2']);
    const sorted = await Events().find({ type: 'FILED' }).sort({ caseId: -1 }).lean();
    expect(sorted.map((e) => e.caseId)).to.deep.equal(['c3', 'c2', 'c1']);
  });

  it('updates with $set, $push and $inc', async () => {
    const res = await Events().updateOne(
      { _id: 'c1:1' },
      { $set: { type: 'FILED_V2' }, $push: { tags: 'z' }, $inc: { count: 3 } },
    );
    expect(res.modifiedCount).to.equal(1);
    const doc = await Events().findById('c1:1').lean();
    expect(doc).to.include({ type: 'FILED_V2', count: 3 });
    expect(doc?.tags).to.deep.equal(['a', 'b', 'z']);
  });

  it('runs findOneAndUpdate without projection and returns the updated document', async () => {
    const doc = await Events()
      .findOneAndUpdate({ _id: 'c2:1' }, { $inc: { count: 1 } }, { returnDocument: 'after' })
      .lean();
    expect(doc).to.include({ _id: 'c2:1', caseId: 'c2', count: 1 });
    expect(doc?.tags).to.deep.equal(['b', 'c', 'd']);
  });

  it('enforces a unique secondary index', async () => {
    await Users().create({ email: 'a@example.org', name: 'A' });
    let caught: unknown;
    try {
      await mapDuplicateKey(() => Users().create({ email: 'a@example.org', name: 'B' }));
    } catch (err) {
      caught = err;
    }
    expect(caught).to.be.instanceOf(DuplicateKeyError);
    expect(await Users().countDocuments({ email: 'a@example.org' })).to.equal(1);
    const indexes = await Users().collection.indexes();
    expect(indexes.some((i) => i.key.email === 1 && i.unique === true)).to.equal(true);
  });

  it('counts documents and lists distinct values', async () => {
    expect(await Events().countDocuments({ caseId: 'c1' })).to.equal(2);
    expect((await Events().distinct('caseId')).sort()).to.deep.equal(['c1', 'c2', 'c3']);
  });

  it('aggregates with $match, $group, $sort, $count, $unwind and $project', async () => {
    const grouped = await Events().aggregate<{ _id: string; n: number }>([
      { $match: { type: { $in: ['FILED', 'FILED_V2', 'ACCEPT'] } } },
      { $group: { _id: '$caseId', n: { $sum: 1 } } },
      { $sort: { n: -1, _id: 1 } },
      { $project: { _id: 1, n: 1 } },
    ]);
    expect(grouped).to.deep.equal([
      { _id: 'c1', n: 2 },
      { _id: 'c2', n: 1 },
      { _id: 'c3', n: 1 },
    ]);
    const counted = await Events().aggregate([{ $match: { caseId: 'c1' } }, { $count: 'total' }]);
    expect(counted).to.deep.equal([{ total: 2 }]);
    const tagCounts = await Events().aggregate<{ _id: string; n: number }>([
      { $unwind: '$tags' },
      { $group: { _id: '$tags', n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    expect(tagCounts).to.deep.equal([
      { _id: 'a', n: 2 },
      { _id: 'b', n: 2 },
      { _id: 'c', n: 1 },
      { _id: 'd', n: 1 },
      { _id: 'z', n: 1 },
    ]);
  });

  it('stores and reads back a 5 MB file through GridFS with its SHA-256 unchanged', async function () {
    this.timeout(60_000);
    const content = randomBytes(5 * 1024 * 1024);
    const expected = createHash('sha256').update(content).digest('hex');
    const db = t.db.db;
    if (!db) throw new Error('no native db handle');
    const bucket = new GridFSBucket(db, { bucketName: 'compat' });
    const upload = bucket.openUploadStream('evidence.bin', { metadata: { sha256: expected } });
    await pipeline(Readable.from([content]), upload);

    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of bucket.openDownloadStream(upload.id)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    expect(size).to.equal(content.length);
    expect(hash.digest('hex')).to.equal(expected);
    const [file] = await bucket.find({ _id: upload.id }).toArray();
    expect(file?.length).to.equal(content.length);
    expect(file?.metadata?.sha256).to.equal(expected);
  });

  it('commits an insert and an update in one transaction, or neither when it aborts', async () => {
    const client = t.db.getClient();
    const events = t.db.collection('tx_events');
    const heads = t.db.collection('tx_heads');
    await heads.insertOne({ _id: 'h1' as never, seq: 0 });
    const session = client.startSession();
    try {
      await session.withTransaction(async () => {
        await events.insertOne({ _id: 'h1:1' as never }, { session });
        await heads.updateOne({ _id: 'h1' as never }, { $set: { seq: 1 } }, { session });
      });
      let aborted: unknown;
      try {
        await session.withTransaction(async () => {
          await events.insertOne({ _id: 'h1:2' as never }, { session });
          await heads.updateOne({ _id: 'h1' as never }, { $set: { seq: 2 } }, { session });
          throw new Error('changed my mind');
        });
      } catch (err) {
        aborted = err;
      }
      expect((aborted as Error).message).to.equal('changed my mind');
    } finally {
      await session.endSession();
    }
    expect(await events.countDocuments({})).to.equal(1);
    expect((await heads.findOne({ _id: 'h1' as never }))?.seq).to.equal(1);
  });

  it('writes to several collections in one round trip inside a transaction (writeTogether), all or none', async () => {
    const client = t.db.getClient();
    const ns = (c: string) => `${t.db.name}.${c}`;
    await t.db.collection('tw_heads').insertOne({ _id: 'h' as never, seq: 0, n: 0 });
    // a server before MongoDB 8.0 (no multi-collection bulkWrite): the same writes one after another
    const older = new Proxy(client, {
      get: (target, key) =>
        key === 'db'
          ? (name: string) =>
              name === 'admin' ? { command: async () => ({ maxWireVersion: 21 }) } : target.db(name)
          : (Reflect.get(target, key) as unknown),
    });
    const commit = async (seq: number, via = client) => {
      const session = client.startSession({ causalConsistency: false });
      try {
        await session.withTransaction(async () => {
          const done = await writeTogether(via, session, [
            { namespace: ns('tw_events'), name: 'insertOne', document: { _id: `h:${seq}` } },
            {
              namespace: ns('tw_heads'),
              name: 'updateOne',
              filter: { _id: 'h' },
              update: { $inc: { n: 1 } },
            },
            {
              namespace: ns('tw_tallies'),
              name: 'updateOne',
              filter: { _id: 'all' },
              update: { $inc: { n: 1 } },
              upsert: true,
            },
          ]);
          expect(done.matched(1)).to.equal(1);
        });
        return 'ok';
      } catch (err) {
        if (err instanceof TogetherWriteError) return `refused ${err.index} ${err.code}`;
        throw err;
      } finally {
        await session.endSession();
      }
    };
    // eight at once on the same two documents: conflicts are retried, every commit lands once
    expect(await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((n) => commit(n)))).to.deep.equal(
      Array(8).fill('ok'),
    );
    // a duplicate first write refuses the batch: nothing of it is stored
    expect(await commit(3)).to.equal('refused 0 11000');
    expect(await Promise.all([9, 10, 11].map((n) => commit(n, older)))).to.deep.equal(Array(3).fill('ok'));
    expect(await commit(9, older)).to.equal('refused 0 11000');
    expect(await t.db.collection('tw_events').countDocuments({})).to.equal(11);
    expect((await t.db.collection('tw_heads').findOne({ _id: 'h' as never }))?.n).to.equal(11);
    expect((await t.db.collection('tw_tallies').findOne({ _id: 'all' as never }))?.n).to.equal(11);
  });

  it('lets one of two transactions appending the same id win, and tells the other', async () => {
    const client = t.db.getClient();
    const events = t.db.collection('tx_race');
    const attempt = async (n: number) => {
      const session = client.startSession();
      try {
        await session.withTransaction(async () => {
          await events.insertOne({ _id: 'r:1' as never, by: n }, { session });
        });
        return 'won';
      } catch (err) {
        return (err as { code?: number }).code === 11000 ? 'duplicate' : (err as Error).message;
      } finally {
        await session.endSession();
      }
    };
    const results = await Promise.all([1, 2, 3, 4].map(attempt));
    expect(results.filter((r) => r === 'won')).to.have.length(1);
    expect(results.filter((r) => r === 'duplicate')).to.have.length(3);
    expect(await events.countDocuments({})).to.equal(1);
  });

  it('updates with $unset and pushes several items with $each, and upserts a counter atomically', async () => {
    const col = t.db.collection('compat_ops');
    await col.insertOne({ _id: 'o1' as never, a: 1, list: [1], nested: { x: 1, y: 2 } });
    await col.updateOne({ _id: 'o1' as never }, {
      $unset: { a: '', 'nested.y': '' },
      $push: { list: { $each: [2, 3] } },
      $set: { 'nested.x': 5 },
    } as never);
    expect(await col.findOne({ _id: 'o1' as never })).to.deep.equal({
      _id: 'o1',
      list: [1, 2, 3],
      nested: { x: 5 },
    });
    const counters = t.db.collection('compat_counters');
    const next = () =>
      counters.findOneAndUpdate(
        { _id: 'c:2026' as never },
        { $inc: { n: 1 }, $setOnInsert: { year: 2026 } },
        { upsert: true, returnDocument: 'after' },
      );
    const first = await next();
    const values = await Promise.all([next(), next(), next()]);
    expect(first?.n).to.equal(1);
    expect(values.map((v) => v?.n).sort()).to.deep.equal([2, 3, 4]);
  });

  it('keeps TTL and sparse indexes as declared, and finds sparse entries by $exists', async () => {
    const col = t.db.collection('compat_ttl');
    await col.createIndex({ createdAt: 1 }, { expireAfterSeconds: 3600 });
    await col.createIndex({ pending: 1 }, { sparse: true });
    await col.insertMany([
      { _id: 'a' as never, createdAt: new Date(), pending: 3 },
      { _id: 'b' as never, createdAt: new Date() },
    ]);
    const indexes = await col.indexes();
    expect(indexes.find((i) => i.key.createdAt === 1)?.expireAfterSeconds).to.equal(3600);
    expect(indexes.find((i) => i.key.pending === 1)?.sparse).to.equal(true);
    const found = await col.find({ pending: { $exists: true } }).toArray();
    expect(found.map((d) => d._id)).to.deep.equal(['a']);
  });
});
