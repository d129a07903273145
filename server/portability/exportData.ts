import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ObjectId, type Document, type GridFSBucket } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { CASE_MACHINE_VERSION } from '../../shared/machine/machine.js';
import { createCaseStore } from '../cases/caseStore.js';
import { evidenceBucket } from '../evidence/evidenceBucket.js';
import { verifiedContentStream } from '../evidence/evidenceIntegrity.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  MANIFEST_MEMBER,
  collectionMember,
  evidenceMember,
  type ArchiveManifest,
  type ArchiveMember,
} from './archiveManifest.js';
import { CaseLogChecker, type RecordedEvidence } from './caseLogChecker.js';
import { nativeDb } from './nativeDb.js';
import { nonEmptyCollections } from './nonEmptyCollections.js';
import { packArchive, type OutgoingMember } from './packArchive.js';
import { PortabilityError } from './portabilityError.js';
import { isKnownCollection, PORTABLE_COLLECTIONS, REBUILT_COLLECTIONS } from './portableCollections.js';
import { sevenfoldVersion } from './sevenfoldVersion.js';
import { writeNdjsonFile, type NdjsonFile } from './writeNdjsonFile.js';

/** What an export wrote. */
export interface ExportSummary {
  manifest: ArchiveManifest;
  /** Size of the archive file. */
  archiveBytes: number;
  /** Evidence files left out because no `EVIDENCE_ADDED` event refers to them (an upload cut short). */
  unrecordedEvidence: string[];
  /** Evidence recorded in a case log whose file is missing from the database (`<caseId>/<evidenceId>`). */
  missingEvidence: string[];
}

/** What an export needs besides the database and the file name. */
export interface ExportOptions {
  logger: Pick<Logger, 'warn' | 'error' | 'debug'>;
  /** Called with a line of progress now and then. */
  progress?: (line: string) => void;
  now?: () => Date;
}

/**
 * `npm run export`: writes the database's source data to a new gzip'd tar (see docs/portability.md):
 * `manifest.json`, one NDJSON member per carried collection, one member per evidence file. Reads with
 * cursors and case by case, and stages each collection in a temporary file, so memory stays flat.
 * Refuses to overwrite a file, to export a case log whose hash chain does not verify, an evidence
 * file that no longer matches its recorded SHA-256, or a collection it does not know. Stop the server
 * first: a log that grows while it is read cannot be exported consistently.
 */
export async function exportData(db: Connection, file: string, opts: ExportOptions): Promise<ExportSummary> {
  const progress = opts.progress ?? (() => undefined);
  const path = resolve(file);
  if (existsSync(path)) {
    throw new PortabilityError(`${file} exists already: an archive is never overwritten, name a new file`);
  }
  const unknown = (await nonEmptyCollections(db)).filter((name) => !isKnownCollection(name));
  if (unknown.length > 0) {
    throw new PortabilityError(
      `the database holds collections Sevenfold does not know how to export (${unknown.join(', ')}): nothing was exported`,
    );
  }
  const createdAt = (opts.now ?? (() => new Date()))();
  const work = await mkdtemp(join(tmpdir(), 'sevenfold-export-'));
  const partial = `${path}.${randomBytes(4).toString('hex')}.partial`;
  try {
    const staged = new Map<string, NdjsonFile>();
    const logs = new CaseLogChecker();
    const evidence: EvidenceFound = { files: [], unrecorded: [] };
    for (const collection of PORTABLE_COLLECTIONS) {
      const docs =
        collection === 'case_events'
          ? caseLogEvents(db, logs, opts.logger, progress)
          : collection === 'evidence.files'
            ? recordedFiles(db, logs, evidence)
            : nativeDb(db).collection(collection).find({});
      const staging = await writeNdjsonFile(docs, join(work, `${collection}.ndjson`));
      staged.set(collection, staging);
      progress(`read ${collection}: ${staging.count} documents`);
    }
    await checkEventCount(db, staged.get('case_events')?.count ?? 0);
    const exported = new Set(evidence.files.map((f) => f.evidenceId));
    const missing = [...logs.evidence]
      .filter(([id]) => !exported.has(id))
      .map(([id, r]) => `${r.caseId}/${id}`);

    const members: ArchiveMember[] = [
      ...PORTABLE_COLLECTIONS.map((collection) => {
        const s = staged.get(collection) as NdjsonFile;
        return {
          name: collectionMember(collection),
          collection,
          count: s.count,
          bytes: s.bytes,
          sha256: s.sha256,
        };
      }),
      ...evidence.files.map((f) => ({
        name: evidenceMember(f.evidenceId),
        evidenceId: f.evidenceId,
        caseId: f.caseId,
        bytes: f.size,
        sha256: f.sha256,
      })),
    ];
    const counts: Record<string, number> = { caseLogs: logs.cases };
    for (const m of members) if (m.collection !== undefined) counts[m.collection] = m.count ?? 0;
    counts.evidenceBytes = members.reduce((sum, m) => sum + (m.evidenceId !== undefined ? m.bytes : 0), 0);
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      sevenfoldVersion: sevenfoldVersion(),
      caseMachineVersion: CASE_MACHINE_VERSION,
      createdAt: createdAt.toISOString(),
      counts,
      rebuiltOnImport: [...REBUILT_COLLECTIONS],
      members,
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    const bucket = evidenceBucket(db);
    const outgoing = function* (): Generator<OutgoingMember> {
      yield { name: MANIFEST_MEMBER, size: manifestBytes.length, content: () => [manifestBytes] };
      for (const m of members) {
        if (m.collection !== undefined) {
          const s = staged.get(m.collection) as NdjsonFile;
          yield { name: m.name, size: m.bytes, content: () => createReadStream(s.path) };
        } else {
          yield { name: m.name, size: m.bytes, content: () => evidenceContent(bucket, m) };
        }
      }
    };
    await packArchive(partial, outgoing(), createdAt);
    await rename(partial, path);
    return {
      manifest,
      archiveBytes: (await stat(path)).size,
      unrecordedEvidence: evidence.unrecorded,
      missingEvidence: missing,
    };
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The evidence files an export carries, and those it leaves out. */
interface EvidenceFound {
  files: (RecordedEvidence & { evidenceId: string })[];
  unrecorded: string[];
}

/** Every case's events, case by case in seq order, each log checked before the next is read. */
async function* caseLogEvents(
  db: Connection,
  logs: CaseLogChecker,
  logger: ExportOptions['logger'],
  progress: (line: string) => void,
): AsyncGenerator<Document> {
  const store = createCaseStore({ db, logger, now: () => new Date() });
  const ids = ((await store.models.events.distinct('caseId')) as string[]).sort();
  for (const [i, caseId] of ids.entries()) {
    for (const ev of await store.events(caseId)) {
      logs.add(ev);
      yield ev;
    }
    logs.finish();
    if (logs.problems.length > 0) {
      throw new PortabilityError(
        `${logs.problems[0]}: this log does not verify (npm run verify-log lists every problem); nothing was exported`,
      );
    }
    if ((i + 1) % 1000 === 0) progress(`read ${i + 1} of ${ids.length} case logs`);
  }
}

/** The `evidence.files` documents that a case log records, checked against what it recorded. */
async function* recordedFiles(
  db: Connection,
  logs: CaseLogChecker,
  found: EvidenceFound,
): AsyncGenerator<Document> {
  for await (const doc of nativeDb(db).collection('evidence.files').find({})) {
    const evidenceId = doc._id instanceof ObjectId ? doc._id.toHexString() : String(doc._id);
    const recorded = logs.evidence.get(evidenceId);
    if (!recorded) {
      found.unrecorded.push(evidenceId);
      continue;
    }
    if (Number(doc.length) !== recorded.size) {
      throw new PortabilityError(
        `evidence ${evidenceId} of case ${recorded.caseId} is ${String(doc.length)} bytes, its EVIDENCE_ADDED ` +
          `event recorded ${recorded.size}: nothing was exported`,
      );
    }
    found.files.push({ evidenceId, ...recorded });
    yield doc;
  }
}

/** Fails when the collection holds events that the case logs read did not (see `readCaseEvents`). */
async function checkEventCount(db: Connection, exported: number): Promise<void> {
  const stored = await nativeDb(db).collection('case_events').countDocuments({});
  if (stored !== exported) {
    throw new PortabilityError(
      `case_events holds ${stored} events but the case logs read hold ${exported}: events were appended ` +
        'while exporting (stop the server first) or lie after a gap in a log (npm run verify-log); nothing was exported',
    );
  }
}

/** An evidence file's content, checked against its recorded SHA-256 and size as it streams. */
async function* evidenceContent(bucket: GridFSBucket, m: ArchiveMember): AsyncGenerator<Buffer> {
  let mismatch: { sha256: string; size: number } | undefined;
  const stream = verifiedContentStream(
    bucket,
    new ObjectId(m.evidenceId),
    { sha256: m.sha256, size: m.bytes },
    (found) => (mismatch = found),
  );
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (err) {
    throw new PortabilityError(
      mismatch
        ? `evidence ${m.evidenceId} of case ${m.caseId} does not match the SHA-256 its EVIDENCE_ADDED event ` +
            `recorded (the stored file hashes to ${mismatch.sha256}, ${mismatch.size} bytes): nothing was exported`
        : `evidence ${m.evidenceId} of case ${m.caseId} could not be read: ${(err as Error).message}`,
    );
  }
}
