import { BSON } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { prepareDatabase } from '../compose/prepareDatabase.js';
import { evidenceBucket } from '../evidence/evidenceBucket.js';
import { storedContentMatches } from '../evidence/evidenceIntegrity.js';
import type { ArchiveManifest } from './archiveManifest.js';
import { loadArchive } from './loadArchive.js';
import { nativeDb } from './nativeDb.js';
import { nonEmptyCollections } from './nonEmptyCollections.js';
import { PortabilityError } from './portabilityError.js';
import { rebuildImportedCases, type RebuiltCases } from './rebuildImportedCases.js';
import { verifyArchive } from './verifyArchive.js';

/** What an import did. */
export interface ImportSummary extends RebuiltCases {
  manifest: ArchiveManifest;
  /** Case logs loaded, each hash chain verified in the archive and again once stored. */
  caseLogs: number;
  /** Documents loaded per carried collection. */
  documents: Record<string, number>;
  evidenceFiles: number;
  evidenceBytes: number;
}

/** What an import needs besides the database and the archive. */
export interface ImportOptions {
  logger: Pick<Logger, 'warn' | 'error' | 'debug'>;
  /** Called with a line of progress now and then. */
  progress?: (line: string) => void;
}

/**
 * `npm run import`: loads an archive written by `exportData` into an empty database. Refuses a
 * database that holds any document. Reads the archive twice: first to verify it without writing
 * (every member's SHA-256, every case's hash chain, every evidence file against its event), then to
 * load it in batches; it then rebuilds the projections, deadlines and messages from the log and checks
 * every stored evidence file again. When anything fails after loading began, the database is emptied
 * again and the error is thrown.
 */
export async function importData(db: Connection, file: string, opts: ImportOptions): Promise<ImportSummary> {
  const progress = opts.progress ?? (() => undefined);
  const occupied = await nonEmptyCollections(db);
  if (occupied.length > 0) {
    throw new PortabilityError(
      `the database is not empty (${occupied.join(', ')} hold data): an archive is imported into an ` +
        'empty database only (a new DATA_DIR, or a new database in MONGODB_URI); nothing was changed',
    );
  }
  const verified = await verifyArchive(file);
  const { manifest } = verified;
  progress(
    `verified ${file}: ${manifest.members.length + 1} members, ${verified.caseLogs} case logs ` +
      `(written by Sevenfold ${manifest.sevenfoldVersion} at ${manifest.createdAt})`,
  );
  try {
    await prepareDatabase(db);
    const loaded = await loadArchive(db, file, manifest, progress);
    const rebuilt = await rebuildImportedCases(db, loaded.caseIds, { logger: opts.logger, progress });
    progress(
      `rebuilt ${rebuilt.projections} case projections, ${rebuilt.deadlines} deadlines, ${rebuilt.messages} messages`,
    );
    const bucket = evidenceBucket(db);
    for (const member of manifest.members) {
      if (member.evidenceId === undefined) continue;
      const expected = { sha256: member.sha256, size: member.bytes };
      const check = await storedContentMatches(bucket, new BSON.ObjectId(member.evidenceId), expected);
      if (!check.ok)
        throw new PortabilityError(`evidence ${member.evidenceId} once stored: ${check.problem}`);
    }
    progress(`read back ${loaded.evidenceFiles} evidence files: each matches its SHA-256`);
    return {
      manifest,
      caseLogs: loaded.caseIds.length,
      documents: loaded.documents,
      evidenceFiles: loaded.evidenceFiles,
      evidenceBytes: loaded.evidenceBytes,
      ...rebuilt,
    };
  } catch (err) {
    await emptyAgain(db, err);
    throw err;
  }
}

/** Deletes what a failed import wrote (the database was empty before it). */
async function emptyAgain(db: Connection, cause: unknown): Promise<void> {
  try {
    for (const name of await nonEmptyCollections(db)) await nativeDb(db).collection(name).deleteMany({});
    if (cause instanceof Error) cause.message += '; the database was emptied again';
  } catch (err) {
    if (cause instanceof Error) {
      cause.message += `; emptying the database again failed too (${(err as Error).message}): empty it by hand`;
    }
  }
}
