import { createHash } from 'node:crypto';
import { pipeline, Transform, type Readable } from 'node:stream';
import { MongoGridFSChunkError, type GridFSBucket, type ObjectId } from 'mongodb';

/** What a stored file is expected to be (from its hash-chained `EVIDENCE_ADDED` event). */
export interface ExpectedContent {
  sha256: string;
  size: number;
}

/** A download whose content no longer matches its record. */
export class IntegrityError extends Error {
  override name = 'IntegrityError';
}

/**
 * Reads a stored file through once and says whether it still is what was recorded; a missing file or
 * a missing, extra or wrongly sized chunk is a mismatch too. Other database errors are thrown.
 */
export async function storedContentMatches(
  bucket: GridFSBucket,
  id: ObjectId,
  expected: ExpectedContent,
): Promise<{ ok: boolean; sha256?: string; size?: number; problem?: string }> {
  const [file] = await bucket.find({ _id: id }).toArray();
  if (!file) return { ok: false, problem: 'the stored file is missing' };
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of bucket.openDownloadStream(id) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
    }
  } catch (err) {
    if (err instanceof MongoGridFSChunkError) return { ok: false, problem: err.message };
    throw err;
  }
  const sha256 = hash.digest('hex');
  const ok = sha256 === expected.sha256 && size === expected.size;
  return { ok, sha256, size, ...(ok ? {} : { problem: 'the content does not match its SHA-256' }) };
}

/**
 * The content of a stored file, hashed again as it streams. The last chunk is held back until the hash
 * is checked: when it does not match, the stream fails with an {@link IntegrityError} instead of
 * ending, so a consumer never receives a complete, silently altered file (an HTTP response is cut off
 * short of its Content-Length).
 */
export function verifiedContentStream(
  bucket: GridFSBucket,
  id: ObjectId,
  expected: ExpectedContent,
  onMismatch: (found: { sha256: string; size: number }) => void,
): Readable {
  const hash = createHash('sha256');
  let size = 0;
  let held: Buffer | undefined;
  const check = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      const previous = held;
      held = chunk;
      done(null, previous);
    },
    flush(done) {
      const sha256 = hash.digest('hex');
      if (sha256 === expected.sha256 && size === expected.size) return done(null, held);
      onMismatch({ sha256, size });
      done(new IntegrityError('the stored file changed while it was being sent'));
    },
  });
  return pipeline(bucket.openDownloadStream(id), check, () => undefined);
}
