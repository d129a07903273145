import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/db/startEmbeddedDatabase.js';

/** The database server of this test run: the embedded SecantusDB (SECANTUSDB_BIN if set), or MONGODB_URI when set. */
export interface TestDatabaseServer {
  /** Connection string without a database name. */
  readonly uri: string;
  /** The embedded engine (absent with MONGODB_URI). */
  readonly embedded: EmbeddedDatabase | undefined;
}

// Mocha may load this module twice (CommonJS for the root hooks, ESM for a spec whose imports are
// ESM-only), so the run's state lives on globalThis, not in module variables.
const state = globalThis as { __sevenfoldTestDb?: TestDatabaseServer; __sevenfoldTestDir?: string };

/** A logger that keeps tests quiet unless TEST_LOG_LEVEL is set. */
export const testLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** Starts the run's database server once (root hook). */
export async function startTestDatabaseServer(): Promise<TestDatabaseServer> {
  if (state.__sevenfoldTestDb) return state.__sevenfoldTestDb;
  const external = process.env.MONGODB_URI;
  if (external) {
    state.__sevenfoldTestDb = { uri: external, embedded: undefined };
    return state.__sevenfoldTestDb;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sevenfold-test-'));
  state.__sevenfoldTestDir = dir;
  const embedded = await startEmbeddedDatabase({
    dataDir: dir,
    logger: testLogger,
    binary: process.env.SECANTUSDB_BIN, // as the server reads it: another SecantusDB install
  });
  state.__sevenfoldTestDb = { uri: embedded.uri, embedded };
  return state.__sevenfoldTestDb;
}

/** Stops the run's database server and removes its temporary data (root hook). */
export async function stopTestDatabaseServer(): Promise<void> {
  await state.__sevenfoldTestDb?.embedded?.stop();
  state.__sevenfoldTestDb = undefined;
  if (state.__sevenfoldTestDir) rmSync(state.__sevenfoldTestDir, { recursive: true, force: true });
  state.__sevenfoldTestDir = undefined;
}

/** The run's database server; throws when the root hook has not started it. */
export function testDatabaseServer(): TestDatabaseServer {
  const current = state.__sevenfoldTestDb;
  if (!current) throw new Error('The test database server is not running (root hook missing?).');
  return current;
}

/** A MongoDB URI for one database of the run's server. */
export function uriForDatabase(dbName: string): string {
  const base = testDatabaseServer().uri;
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]*)\/?([^?]*)(\?.*)?$/.exec(base);
  if (!match) throw new Error(`Cannot parse MONGODB_URI ${base}`);
  return `${match[1]}/${dbName}${match[3] ?? ''}`;
}
