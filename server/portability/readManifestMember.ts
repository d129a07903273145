import { CASE_MACHINE_VERSION } from '../../shared/machine/machine.js';
import { MANIFEST_MEMBER, parseArchiveManifest, type ArchiveManifest } from './archiveManifest.js';
import { PortabilityError } from './portabilityError.js';
import type { IncomingMember } from './readArchive.js';

/** The largest manifest read (it lists every member: about two hundred bytes each). */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

/** Reads and checks the first member of an archive, which must be its manifest. */
export async function readManifestMember(member: IncomingMember): Promise<ArchiveManifest> {
  if (member.name !== MANIFEST_MEMBER) {
    throw new PortabilityError(
      `the archive begins with ${member.name}, not ${MANIFEST_MEMBER}: not a Sevenfold archive`,
    );
  }
  if (member.size > MAX_MANIFEST_BYTES) throw new PortabilityError(`${MANIFEST_MEMBER} is too large`);
  const chunks: Buffer[] = [];
  for await (const chunk of member.content) chunks.push(chunk);
  return parseArchiveManifest(Buffer.concat(chunks).toString('utf8'), CASE_MACHINE_VERSION);
}
