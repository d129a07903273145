import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pack as tarPack, type Pack } from 'tar-stream';

/** A member to write: its name, its exact size and its content (read once, when its turn comes). */
export interface OutgoingMember {
  name: string;
  size: number;
  content: () => AsyncIterable<Buffer> | Iterable<Buffer>;
}

/**
 * Writes a gzip'd tar of the members to a new file, one member at a time (nothing is held in memory
 * but the chunk in flight). A failure of any member's content fails the whole write.
 */
export async function packArchive(
  path: string,
  members: Iterable<OutgoingMember>,
  mtime: Date,
): Promise<void> {
  const pack = tarPack();
  pack.on('error', () => undefined); // surfaced by `written` (streamx emits it too, and unhandled it would throw)
  const written = pipeline(Readable.from(pack), createGzip(), createWriteStream(path, { flags: 'wx' }));
  const closedEarly = written.then(() => {
    throw new Error('the archive closed before all its members were written');
  });
  try {
    for (const member of members) await Promise.race([addMember(pack, member, mtime), closedEarly]);
    pack.finalize();
  } catch (err) {
    pack.destroy(err as Error);
    await written.catch(() => undefined);
    throw err;
  }
  await written;
}

async function addMember(pack: Pack, member: OutgoingMember, mtime: Date): Promise<void> {
  let settle: (err?: Error | null) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    settle = (err) => (err ? reject(err) : resolve());
  });
  const sink = pack.entry({ name: member.name, size: member.size, mode: 0o644, mtime }, (err) => settle(err));
  sink.on('error', () => undefined); // surfaced by the entry's callback or thrown below
  try {
    for await (const chunk of member.content()) {
      if (!sink.write(chunk)) await once(sink, 'drain');
    }
    sink.end(null); // streamx: end(lastChunk), none here
  } catch (err) {
    sink.destroy(err as Error);
    done.catch(() => undefined);
    throw err;
  }
  await done;
}
