import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract as tarExtract } from 'tar-stream';
import { PortabilityError } from './portabilityError.js';

/** A member of an archive being read: its name, its size and its content (read it once, in order). */
export interface IncomingMember {
  name: string;
  size: number;
  content: AsyncIterable<Buffer>;
}

/**
 * Streams the members of a gzip'd tar through `onMember`, one after the other; what a call leaves
 * unread is skipped. A file that cannot be read, is not gzip'd or is not a whole tar fails with a
 * {@link PortabilityError} naming it; an error thrown by `onMember` stops the reading and is thrown as it is.
 */
export async function readArchive(
  path: string,
  onMember: (member: IncomingMember) => Promise<void>,
): Promise<void> {
  try {
    await access(path);
  } catch (err) {
    throw new PortabilityError(`cannot read the archive ${path}: ${(err as Error).message}`);
  }
  const extract = tarExtract();
  extract.on('error', () => undefined); // surfaced by the iteration below (unhandled, streamx would throw it)
  const stop = new AbortController();
  const fed = pipeline(
    createReadStream(path),
    createGunzip(),
    async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        if (!extract.write(chunk)) await once(extract, 'drain', { signal: stop.signal });
      }
      extract.end(null); // streamx: end(lastChunk), none here
    },
    { signal: stop.signal },
  ).catch((err: unknown) => {
    if (!stop.signal.aborted) extract.destroy(err as Error);
    throw err;
  });
  let callbackError: { error: unknown } | undefined;
  const consumed = (async () => {
    for await (const entry of extract) {
      if (entry.header.type !== 'file') throw new Error(`member ${entry.header.name} is not a file`);
      try {
        await onMember({
          name: entry.header.name,
          size: entry.header.size,
          content: entry as AsyncIterable<Buffer>,
        });
      } catch (error) {
        callbackError = { error };
        throw error;
      }
      for await (const _ of entry); // what the callback did not read
    }
  })().catch((err: unknown) => {
    stop.abort();
    extract.destroy();
    throw err;
  });
  const [feeding, reading] = await Promise.allSettled([fed, consumed]);
  if (callbackError) throw callbackError.error;
  const failure = feeding.status === 'rejected' && !stop.signal.aborted ? feeding : reading;
  if (failure.status === 'rejected') {
    throw new PortabilityError(
      `${path} is not a readable Sevenfold archive (a gzip'd tar): ${(failure.reason as Error).message}`,
    );
  }
}
