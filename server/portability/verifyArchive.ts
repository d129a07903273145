import { BSON } from 'mongodb';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import { MANIFEST_MEMBER, type ArchiveManifest } from './archiveManifest.js';
import { CaseLogChecker } from './caseLogChecker.js';
import { measureContent } from './measureContent.js';
import { ndjsonLines } from './ndjsonLines.js';
import { PortabilityError } from './portabilityError.js';
import { readArchive } from './readArchive.js';
import { readManifestMember } from './readManifestMember.js';

/** What a verified archive holds. */
export interface VerifiedArchive {
  manifest: ArchiveManifest;
  /** Case logs whose hash chains verified. */
  caseLogs: number;
}

/**
 * Reads a whole archive without writing anything and throws a {@link PortabilityError} at the first
 * thing wrong: members missing, extra or out of order; a member whose size or SHA-256 differs from the
 * manifest (named); a line that is not Extended JSON; a case log whose hash chain does not verify; an
 * evidence file whose content is not what its `EVIDENCE_ADDED` event recorded, or that has no
 * `evidence.files` document (and the reverse).
 */
export async function verifyArchive(path: string): Promise<VerifiedArchive> {
  let manifest: ArchiveManifest | undefined;
  let next = 0;
  const logs = new CaseLogChecker();
  const fileLengths = new Map<string, number>();

  await readArchive(path, async (member) => {
    if (!manifest) {
      manifest = await readManifestMember(member);
      return;
    }
    const expected = manifest.members[next++];
    if (!expected)
      throw new PortabilityError(`archive member ${member.name} is not listed in ${MANIFEST_MEMBER}`);
    if (expected.name !== member.name) {
      throw new PortabilityError(
        `archive member ${member.name} is where ${MANIFEST_MEMBER} lists ${expected.name}: the archive was altered`,
      );
    }
    const content = measureContent(member.content);
    const problems: string[] = [];
    let count = 0;
    if (expected.collection !== undefined) {
      for await (const line of ndjsonLines(content.chunks, member.name)) {
        count++;
        let doc: Record<string, unknown>;
        try {
          doc = BSON.EJSON.parse(line, { relaxed: true }) as Record<string, unknown>;
        } catch {
          problems.push(`line ${count} is not Extended JSON`);
          continue;
        }
        if (expected.collection === 'case_events') logs.add(doc as unknown as CaseEventDoc);
        if (expected.collection === 'evidence.files' && doc._id instanceof BSON.ObjectId) {
          fileLengths.set(doc._id.toHexString(), Number(doc.length));
        }
      }
      if (expected.collection === 'case_events') logs.finish();
    } else {
      for await (const _ of content.chunks); // measured only
    }
    const found = content.result();
    if (found.sha256 !== expected.sha256 || found.bytes !== expected.bytes) {
      throw new PortabilityError(
        `archive member ${member.name} does not match its SHA-256 in ${MANIFEST_MEMBER}: the archive is damaged or was altered`,
      );
    }
    if (problems.length > 0) throw new PortabilityError(`archive member ${member.name}: ${problems[0]}`);
    if (expected.collection !== undefined && count !== expected.count) {
      throw new PortabilityError(
        `archive member ${member.name} holds ${count} documents, ${MANIFEST_MEMBER} says ${expected.count}`,
      );
    }
    if (expected.collection === 'case_events' && logs.problems.length > 0) {
      throw new PortabilityError(
        `the event log in ${member.name} does not verify: ${logs.problems.slice(0, 5).join(' | ')}`,
      );
    }
    if (expected.evidenceId !== undefined) {
      const recorded = logs.evidence.get(expected.evidenceId);
      if (!recorded || recorded.caseId !== expected.caseId) {
        throw new PortabilityError(
          `archive member ${member.name}: no EVIDENCE_ADDED event of case ${expected.caseId} records it`,
        );
      }
      if (recorded.sha256 !== found.sha256 || recorded.size !== found.bytes) {
        throw new PortabilityError(
          `archive member ${member.name} does not match the SHA-256 its EVIDENCE_ADDED event recorded`,
        );
      }
      if (fileLengths.get(expected.evidenceId) !== found.bytes) {
        throw new PortabilityError(`archive member ${member.name} has no matching evidence.files document`);
      }
      fileLengths.delete(expected.evidenceId);
    }
  });

  if (!manifest) throw new PortabilityError(`${path} is empty: not a Sevenfold archive`);
  const missing = manifest.members[next];
  if (missing)
    throw new PortabilityError(`archive member ${missing.name} listed in ${MANIFEST_MEMBER} is missing`);
  const [orphan] = fileLengths.keys();
  if (orphan !== undefined) {
    throw new PortabilityError(`evidence.files lists ${orphan}, but the archive holds no content for it`);
  }
  return { manifest, caseLogs: logs.cases };
}
