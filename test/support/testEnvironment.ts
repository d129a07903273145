import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from '../../server/db/startEmbeddedFerretDb.js';

/** The database server of this test run: the embedded FerretDB, or MONGODB_URI when set. */
export interface TestDatabaseServer {
  /** Connection string without a database name. */
  readonly uri: string;
  /** The embedded engine (absent with MONGODB_URI). */
  readonly embedded: EmbeddedFerretDb | undefined;
}

let current: TestDatabaseServer | undefined;
let tempDir: string | undefined;

/** A logger that keeps tests quiet unless TEST_LOG_LEVEL is set. */
export const testLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** Starts the run's database server once (root hook). */
export async function startTestDatabaseServer(): Promise<TestDatabaseServer> {
  if (current) return current;
  const external = process.env.MONGODB_URI;
  if (external) {
    current = { uri: external, embedded: undefined };
    return current;
  }
  tempDir = mkdtempSync(join(tmpdir(), 'sevenfold-test-'));
  const embedded = await startEmbeddedFerretDb({ dataDir: tempDir, logger: testLogger });
  current = { uri: embedded.uri, embedded };
  return current;
}

/** Stops the run's database server and removes its temporary data (root hook). */
export async function stopTestDatabaseServer(): Promise<void> {
  await current?.embedded?.stop();
  current = undefined;
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}

/** The run's database server; throws when the root hook has not started it. */
export function testDatabaseServer(): TestDatabaseServer {
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
