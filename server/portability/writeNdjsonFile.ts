import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { BSON } from 'mongodb';

/** What was written to an NDJSON file. */
export interface NdjsonFile {
  path: string;
  count: number;
  bytes: number;
  sha256: string;
}

/**
 * Streams documents into a new file, one canonical Extended JSON document per line (dates, binary
 * data and number types round-trip exactly), and measures the file on the way.
 */
export async function writeNdjsonFile(docs: AsyncIterable<object>, path: string): Promise<NdjsonFile> {
  const hash = createHash('sha256');
  let count = 0;
  let bytes = 0;
  await pipeline(
    async function* () {
      for await (const doc of docs) {
        const line = Buffer.from(`${BSON.EJSON.stringify(doc, { relaxed: false })}\n`, 'utf8');
        hash.update(line);
        bytes += line.length;
        count++;
        yield line;
      }
    },
    createWriteStream(path, { flags: 'wx' }),
  );
  return { path, count, bytes, sha256: hash.digest('hex') };
}
