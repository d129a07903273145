import { Binary, BSON, ObjectId, type Db, type Document } from 'mongodb';
import type { Connection } from 'mongoose';
import type { ArchiveManifest, ArchiveMember } from './archiveManifest.js';
import { measureContent } from './measureContent.js';
import { nativeDb } from './nativeDb.js';
import { ndjsonLines } from './ndjsonLines.js';
import { PortabilityError } from './portabilityError.js';
import { readArchive } from './readArchive.js';

/** Documents per `insertMany`. */
const BATCH = 500;
/** GridFS chunks per `insertMany` (255 KiB each by default). */
const CHUNK_BATCH = 16;

/** What {@link loadArchive} wrote. */
export interface LoadedArchive {
  /** The cases of the loaded event log, in archive order. */
  caseIds: string[];
  /** Documents inserted per collection. */
  documents: Record<string, number>;
  evidenceFiles: number;
  evidenceBytes: number;
}

/**
 * Writes a verified archive into the database as it is: each collection member's documents by
 * `insertMany` in batches of 500 (types kept by canonical Extended JSON), each evidence file's content
 * as the GridFS chunks its `evidence.files` document describes. Every member is hashed again on the
 * way; one that no longer matches the manifest fails the load (the caller empties the database).
 */
export async function loadArchive(
  db: Connection,
  path: string,
  manifest: ArchiveManifest,
  progress: (line: string) => void,
): Promise<LoadedArchive> {
  const native = nativeDb(db);
  const members = new Map(manifest.members.map((m) => [m.name, m]));
  const loaded: LoadedArchive = { caseIds: [], documents: {}, evidenceFiles: 0, evidenceBytes: 0 };
  let first = true;

  await readArchive(path, async (member) => {
    if (first) {
      first = false; // the manifest, checked by the verification pass
      return;
    }
    const spec = members.get(member.name);
    if (!spec) throw new PortabilityError(`archive member ${member.name} changed since it was verified`);
    const content = measureContent(member.content);
    if (spec.collection !== undefined) {
      const n = await loadCollection(native, spec, content.chunks, loaded.caseIds, progress);
      loaded.documents[spec.collection] = n;
      progress(`loaded ${spec.collection}: ${n} documents`);
    } else {
      await loadEvidence(native, spec, content.chunks);
      loaded.evidenceFiles++;
      loaded.evidenceBytes += spec.bytes;
    }
    if (content.result().sha256 !== spec.sha256) {
      throw new PortabilityError(`archive member ${member.name} changed since it was verified`);
    }
  });
  return loaded;
}

async function loadCollection(
  native: Db,
  spec: ArchiveMember,
  chunks: AsyncIterable<Buffer>,
  caseIds: string[],
  progress: (line: string) => void,
): Promise<number> {
  const collection = native.collection(spec.collection as string);
  let batch: Document[] = [];
  let n = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await collection.insertMany(batch, { ordered: true });
    n += batch.length;
    batch = [];
    if (n % (BATCH * 40) === 0) progress(`loading ${spec.collection}: ${n} of ${spec.count}`);
  };
  for await (const line of ndjsonLines(chunks, spec.name)) {
    const doc = BSON.EJSON.parse(line, { relaxed: false }) as Document;
    if (spec.collection === 'case_events' && caseIds[caseIds.length - 1] !== doc.caseId) {
      caseIds.push(String(doc.caseId));
    }
    batch.push(doc);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return n;
}

/** Writes one evidence file's content as GridFS chunks of the size its files document gives. */
async function loadEvidence(native: Db, spec: ArchiveMember, chunks: AsyncIterable<Buffer>): Promise<void> {
  const id = new ObjectId(spec.evidenceId);
  const file = await native.collection('evidence.files').findOne({ _id: id });
  const chunkSize = Number(file?.chunkSize);
  if (!file || !Number.isInteger(chunkSize) || chunkSize <= 0) {
    throw new PortabilityError(`archive member ${spec.name}: its evidence.files document is missing`);
  }
  const target = native.collection('evidence.chunks');
  let pending: Buffer = Buffer.alloc(0);
  let n = 0;
  let batch: Document[] = [];
  const add = async (data: Buffer) => {
    batch.push({ _id: new ObjectId(), files_id: id, n: n++, data: new Binary(data) });
    if (batch.length < CHUNK_BATCH) return;
    await target.insertMany(batch);
    batch = [];
  };
  for await (const chunk of chunks) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    while (pending.length >= chunkSize) {
      await add(Buffer.from(pending.subarray(0, chunkSize)));
      pending = pending.subarray(chunkSize);
    }
  }
  if (pending.length > 0) await add(Buffer.from(pending));
  if (batch.length > 0) await target.insertMany(batch);
}
