import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { FERRETDB_BUILD } from '../../../server/db/ferretdbBinary.js';
import { testDatabaseServer } from '../../support/testEnvironment.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/** The SQLite plan FerretDB reports for a command (its `explain` answers `queryPlanner.Plan`). */
async function planOf(
  t: { db: { db?: { command(c: object): Promise<unknown> } | undefined } },
  command: object,
): Promise<string> {
  const res = (await t.db.db!.command({ explain: command })) as { queryPlanner?: { Plan?: string[] } };
  return (res.queryPlanner?.Plan ?? []).join(' | ');
}

/**
 * Sevenfold reads events, cases and users by `_id` because the embedded engine can answer nothing
 * else from an index. That holds only with the fix `npm install` applies to FerretDB 1.24.2 (see
 * docs/database.md): without it every lookup by id read the whole collection.
 */
describe('the embedded engine answers lookups by _id from its index', () => {
  const t = useTestDatabase('idlookups');

  before(async function () {
    if (!testDatabaseServer().embedded) this.skip();
    const col = t.db.collection('events');
    await col.insertMany(
      Array.from({ length: 200 }, (_, i) => ({ _id: `c1:${i + 1}` as never, seq: i + 1 })),
    );
  });

  it('finds by _id (findById, findOne, exists, countDocuments) with an index search, not a scan', async () => {
    const byId = { _id: 'c1:150' };
    for (const command of [
      { find: 'events', filter: byId },
      { find: 'events', filter: byId, limit: 1, projection: { _id: 1 } },
      {
        aggregate: 'events',
        pipeline: [{ $match: byId }, { $group: { _id: 1, n: { $sum: 1 } } }],
        cursor: {},
      },
    ]) {
      const plan = await planOf(t, command);
      expect(plan, JSON.stringify(command)).to.match(/SEARCH \S+ USING INDEX \S+__id_/);
      expect(plan, JSON.stringify(command)).not.to.match(/\bSCAN\b/);
    }
    // any other filter still reads the collection: the reason Sevenfold reads by id
    expect(await planOf(t, { find: 'events', filter: { seq: 150 } })).to.match(/\bSCAN\b/);
  });

  it('finds the same documents as before the fix: hits, misses and other filters', async () => {
    const col = t.db.collection('events');
    expect(await col.findOne({ _id: 'c1:7' as never })).to.deep.include({ _id: 'c1:7', seq: 7 });
    expect(await col.findOne({ _id: 'c1:999' as never })).to.equal(null);
    expect(await col.countDocuments({ _id: 'c1:8' as never })).to.equal(1);
    await col.updateOne({ _id: 'c1:9' as never }, { $set: { note: 'x' } });
    expect(await col.findOne({ _id: 'c1:9' as never })).to.deep.include({ seq: 9, note: 'x' });
    await col.updateOne({ _id: 'c1:new' as never }, { $set: { seq: 0 } }, { upsert: true });
    expect(await col.findOne({ _id: 'c1:new' as never })).to.deep.include({ seq: 0 });
    await col.deleteOne({ _id: 'c1:10' as never });
    expect(await col.findOne({ _id: 'c1:10' as never })).to.equal(null);
    expect(await col.countDocuments({ seq: { $gte: 195 } })).to.equal(6);
    let dup = '';
    await col.insertOne({ _id: 'c1:11' as never }).catch((err: Error) => (dup = err.message));
    expect(dup).to.match(/E11000|duplicate/i);
  });

  it('runs the build `npm install` makes (install script and server agree on its name)', () => {
    const script = readFileSync(join(process.cwd(), 'scripts', 'install-ferretdb.mjs'), 'utf8');
    const version = /const VERSION = '([^']+)'/.exec(script)?.[1];
    const build = /const BUILD = `\$\{VERSION\}([^`]*)`/.exec(script)?.[1];
    expect(`${version}${build}`).to.equal(FERRETDB_BUILD);
  });
});
