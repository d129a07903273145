import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { evidenceDescriptionSchema } from '../../shared/schemas/evidence.js';
import { badRequest, HttpError, unprocessable, type FieldError } from '../http/httpErrors.js';
import { sanitiseFileName } from './sanitiseFileName.js';
import { tooLarge, type IncomingEvidenceFile, type StoredEvidenceFile } from './storeEvidenceFile.js';

/** A request body to read the upload from (an Express request is one). */
export type MultipartSource = Readable & { headers: IncomingHttpHeaders };

/** A received upload: the stored file and the optional description. */
export interface ReceivedEvidence {
  file: StoredEvidenceFile;
  description: string | null;
}

/** Room for the multipart framing and the description beyond the file itself. */
const FRAMING_ALLOWANCE = 64 * 1024;

/**
 * Reads a `multipart/form-data` evidence upload: exactly one file in the field `file` (handed to
 * `store` while it streams in) and an optional text field `description`. A declared body far over the
 * limit is refused before it is read (413); a malformed body is 400, a missing file or bad description
 * 422 (the stored file is then discarded), a body that is not multipart 415.
 */
export async function receiveEvidenceUpload(
  source: MultipartSource,
  opts: {
    maxBytes: number;
    store: (file: IncomingEvidenceFile) => Promise<StoredEvidenceFile>;
    discard: (file: StoredEvidenceFile) => Promise<void>;
  },
): Promise<ReceivedEvidence> {
  const type = source.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new HttpError(
      415,
      'Unsupported Media Type',
      'Send evidence as multipart/form-data with the file in the field "file".',
    );
  }
  const declared = Number(source.headers['content-length']);
  if (Number.isFinite(declared) && declared > opts.maxBytes + FRAMING_ALLOWANCE) {
    throw tooLarge(opts.maxBytes);
  }

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: source.headers,
      defParamCharset: 'utf8', // file names are UTF-8 (browsers), not latin1
      limits: {
        fileSize: opts.maxBytes + 1,
        files: 1,
        fields: 4,
        parts: 8,
        fieldSize: 4096,
        headerPairs: 20,
      },
    });
  } catch (err) {
    throw badRequest(`The multipart body cannot be read: ${(err as Error).message}.`);
  }

  let stored: Promise<StoredEvidenceFile> | undefined;
  let description: string | undefined;
  const problems: FieldError[] = [];
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || stored) {
        problems.push({ path: field, message: 'Send exactly one file, in the field "file".' });
        stream.resume();
        return;
      }
      stored = opts.store({
        stream,
        name: sanitiseFileName(info.filename ?? ''),
        declaredMime: info.mimeType ?? '',
      });
      stored.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile
    });
    parser.on('field', (field, value, info) => {
      if (field !== 'description') return;
      if (info.valueTruncated) {
        problems.push({ path: 'description', message: 'The description is too long.' });
      } else {
        description = value;
      }
    });
    parser.on('filesLimit', () => problems.push({ path: 'file', message: 'Send exactly one file.' }));
    parser.on('fieldsLimit', () => problems.push({ path: 'body', message: 'The form has too many fields.' }));
    parser.on('partsLimit', () => problems.push({ path: 'body', message: 'The form has too many parts.' }));
    parser.on('error', reject);
    parser.on('close', resolve);
  });
  source.on('close', () => {
    if (!(source as { complete?: boolean }).complete) parser.destroy(new Error('the upload was interrupted'));
  });
  source.pipe(parser);

  try {
    await parsed;
  } catch (err) {
    source.unpipe(parser);
    source.resume();
    const file = await stored?.catch(() => undefined);
    if (file) await opts.discard(file);
    throw badRequest(`The multipart body cannot be read: ${(err as Error).message}.`);
  }
  if (!stored)
    throw new HttpError(
      422,
      'Unprocessable Content',
      'Attach the evidence file in the multipart field "file".',
      {
        code: 'evidenceMissing',
      },
    );
  const file = await stored;
  const { value, error } = evidenceDescriptionSchema.validate(description ?? '');
  if (error) problems.push({ path: 'description', message: error.message.replace(/"value"/, 'description') });
  if (problems.length > 0) {
    await opts.discard(file);
    throw unprocessable(`The upload is not valid: ${problems.map((p) => p.message).join(' ')}`, problems);
  }
  return { file, description: (value as string) || null };
}
