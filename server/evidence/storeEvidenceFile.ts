import { createHash } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ObjectId, type GridFSBucket, type GridFSBucketWriteStream } from 'mongodb';
import { HttpError } from '../http/httpErrors.js';
import { discardEvidenceFile, type EvidenceFileMetadata } from './evidenceBucket.js';
import { SNIFF_BYTES } from './evidenceTypes.js';
import { identifyEvidenceType } from './identifyEvidenceType.js';

/** An uploaded file as it arrives: its content stream, its (sanitised) name and its declared type. */
export interface IncomingEvidenceFile {
  stream: Readable;
  name: string;
  declaredMime: string;
}

/** An evidence file stored in GridFS, with what was measured while storing it. */
export interface StoredEvidenceFile {
  id: ObjectId;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** What the allow-list accepts, for the 415 answer. */
const ACCEPTED = 'PDF, PNG, JPEG, GIF, WebP, plain text (.txt), .doc, .docx, .xls, .xlsx, .ppt, .pptx, .odt';

/** 413 for an upload over the limit. */
export const tooLarge = (maxBytes: number) =>
  new HttpError(413, 'Content Too Large', `Evidence files may be at most ${maxBytes} bytes.`, {
    code: 'evidenceTooLarge',
    maxBytes,
  });

const write = (target: Writable, chunk: Buffer) =>
  new Promise<void>((resolve, reject) => target.write(chunk, (err) => (err ? reject(err) : resolve())));

/**
 * Streams an upload into the evidence bucket. Nothing is written before its first bytes (up to
 * {@link SNIFF_BYTES}) passed the allow-list (else 415); the SHA-256 and the size are computed on the
 * way; past `maxBytes` the partial file is deleted (413). The stream is always read to its end, so the
 * rest of the request can still be parsed and the client gets an answer rather than a reset.
 */
export async function storeEvidenceFile(
  bucket: GridFSBucket,
  file: IncomingEvidenceFile,
  opts: { maxBytes: number; metadata: Omit<EvidenceFileMetadata, 'contentType'> },
): Promise<StoredEvidenceFile> {
  const id = new ObjectId();
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let size = 0;
  let overLimit = false;
  let started = false;
  let contentType = '';
  file.stream.once('limit', () => (overLimit = true)); // busboy's own fileSize limit

  /** Checks the first bytes against the allow-list and opens the GridFS upload with them. */
  const start = async (): Promise<GridFSBucketWriteStream | HttpError> => {
    const first = Buffer.concat(head);
    const found = identifyEvidenceType(file.name, file.declaredMime, first);
    if ('refusal' in found) {
      return new HttpError(415, 'Unsupported Media Type', found.refusal, {
        code: 'evidenceTypeRefused',
        accepted: ACCEPTED,
      });
    }
    contentType = found.type.mimeTypes[0] ?? 'application/octet-stream';
    started = true;
    const upload = bucket.openUploadStreamWithId(id, file.name, {
      metadata: { ...opts.metadata, contentType } satisfies EvidenceFileMetadata,
    });
    upload.on('error', () => undefined); // surfaced through the write callbacks and `finished`
    await write(upload, first);
    return upload;
  };

  let upload: GridFSBucketWriteStream | undefined;
  let refusal: HttpError | undefined;
  try {
    for await (const chunk of file.stream as AsyncIterable<Buffer>) {
      if (refusal || overLimit) continue; // keep draining: the answer is decided
      size += chunk.length;
      if (size > opts.maxBytes) {
        overLimit = true;
        continue;
      }
      hash.update(chunk);
      if (upload) {
        await write(upload, chunk);
      } else {
        head.push(chunk);
        if (size < SNIFF_BYTES) continue;
        const opened = await start();
        if (opened instanceof HttpError) refusal = opened;
        else upload = opened;
      }
    }
    if (overLimit) throw tooLarge(opts.maxBytes);
    if (refusal) throw refusal;
    if (size === 0)
      throw new HttpError(422, 'Unprocessable Content', 'The file is empty.', { code: 'evidenceEmpty' });
    if (!upload) {
      const opened = await start();
      if (opened instanceof HttpError) throw opened;
      upload = opened;
    }
    upload.end();
    await finished(upload);
    return { id, name: file.name, contentType, size, sha256: hash.digest('hex') };
  } catch (err) {
    upload?.destroy();
    if (started) await discardEvidenceFile(bucket, id);
    throw err;
  }
}
