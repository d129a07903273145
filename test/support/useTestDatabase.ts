import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectDatabase } from '../../server/db/connectDatabase.js';
import { prepareDatabase } from '../../server/compose/prepareDatabase.js';
import { testDatabaseServer, uriForDatabase } from './testEnvironment.js';

/** A test file's own database: connected before its tests, dropped after them. */
export interface TestDatabase {
  readonly name: string;
  readonly uri: string;
  /** The Mongoose connection to this database. */
  readonly db: Connection;
}

/**
 * Gives the calling `describe` block its own database, so test files cannot see each other's data.
 * Call it at the top of a `describe`; read `.db` inside hooks and tests.
 */
export function useTestDatabase(label = 'test'): TestDatabase {
  const name = `sf_${label.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}_${randomBytes(4).toString('hex')}`;
  let conn: Connection | undefined;
  const handle: TestDatabase = {
    name,
    get uri() {
      return uriForDatabase(name);
    },
    get db() {
      if (!conn) throw new Error('useTestDatabase: the connection is opened in a before hook');
      return conn;
    },
  };
  before(async function () {
    this.timeout(30_000);
    testDatabaseServer();
    conn = await connectDatabase(uriForDatabase(name));
    await prepareDatabase(conn);
  });
  after(async function () {
    this.timeout(30_000);
    if (!conn) return;
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
    conn = undefined;
  });
  return handle;
}
