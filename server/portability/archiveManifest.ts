import Joi from 'joi';
import { PORTABLE_COLLECTIONS, type PortableCollection } from './portableCollections.js';
import { PortabilityError } from './portabilityError.js';

/** Value of `format` in every Sevenfold archive's manifest. */
export const ARCHIVE_FORMAT = 'sevenfold-archive';
/** The archive layout this Sevenfold writes and reads. */
export const ARCHIVE_FORMAT_VERSION = 1;
/** Name of the first member of an archive. */
export const MANIFEST_MEMBER = 'manifest.json';

/** The member holding a collection, one document per line in canonical Extended JSON. */
export const collectionMember = (collection: string) => `collections/${collection}.ndjson`;
/** The member holding the content of one evidence file (`evidenceId` is its GridFS id in hex). */
export const evidenceMember = (evidenceId: string) => `evidence/${evidenceId}`;

/** One member of an archive after the manifest, as the manifest lists it. */
export interface ArchiveMember {
  name: string;
  bytes: number;
  sha256: string;
  /** A collection member: the collection and how many documents it holds. */
  collection?: PortableCollection;
  count?: number;
  /** An evidence member: the file's id and its case. */
  evidenceId?: string;
  caseId?: string;
}

/**
 * `manifest.json`, the first member of an archive: what wrote it and when, how much of each
 * collection it holds, and the size and SHA-256 of every other member, in archive order.
 */
export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  sevenfoldVersion: string;
  caseMachineVersion: number;
  createdAt: string;
  /** Documents per carried collection, plus `caseLogs` (cases) and `evidenceBytes`. */
  counts: Record<string, number>;
  /** Collections an import rebuilds from the log rather than loads. */
  rebuiltOnImport: string[];
  members: ArchiveMember[];
}

const memberSchema = Joi.object({
  name: Joi.string().required(),
  bytes: Joi.number().integer().min(0).required(),
  sha256: Joi.string().hex().length(64).lowercase().required(),
  collection: Joi.string().valid(...PORTABLE_COLLECTIONS),
  count: Joi.number().integer().min(0),
  evidenceId: Joi.string().hex().length(24).lowercase(),
  caseId: Joi.string(),
})
  .xor('collection', 'evidenceId')
  .with('collection', 'count')
  .with('evidenceId', 'caseId');

const manifestSchema = Joi.object({
  format: Joi.string().valid(ARCHIVE_FORMAT).required(),
  formatVersion: Joi.number().integer().min(1).required(),
  sevenfoldVersion: Joi.string().required(),
  caseMachineVersion: Joi.number().integer().min(1).required(),
  createdAt: Joi.string().isoDate().required(),
  counts: Joi.object().pattern(Joi.string(), Joi.number().integer().min(0)).required(),
  rebuiltOnImport: Joi.array().items(Joi.string()).required(),
  members: Joi.array().items(memberSchema).required(),
}).unknown(true);

/**
 * Parses and checks `manifest.json`: its shape, a format this Sevenfold reads, and a member list in
 * the order imports need (each carried collection once, in {@link PORTABLE_COLLECTIONS} order, then
 * the evidence files, each named after its id).
 */
export function parseArchiveManifest(text: string, caseMachineVersion: number): ArchiveManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PortabilityError(`${MANIFEST_MEMBER} is not valid JSON: not a Sevenfold archive`);
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > ARCHIVE_FORMAT_VERSION) {
    throw new PortabilityError(
      `this archive has format ${version}, written by a newer Sevenfold; this one reads format ${ARCHIVE_FORMAT_VERSION}`,
    );
  }
  const { value, error } = manifestSchema.validate(raw, { abortEarly: false, convert: false });
  if (error) {
    throw new PortabilityError(
      `${MANIFEST_MEMBER} is not a Sevenfold manifest: ${error.details.map((d) => d.message).join('; ')}`,
    );
  }
  const manifest = value as ArchiveManifest;
  if (manifest.caseMachineVersion > caseMachineVersion) {
    throw new PortabilityError(
      `this archive holds case logs of case machine version ${manifest.caseMachineVersion}; this Sevenfold ` +
        `replays up to version ${caseMachineVersion}: import it with a newer Sevenfold`,
    );
  }
  const collections = manifest.members.filter((m) => m.collection !== undefined);
  const order = collections.map((m) => m.collection).join(',');
  if (order !== PORTABLE_COLLECTIONS.join(',')) {
    throw new PortabilityError(
      `${MANIFEST_MEMBER} lists the collections ${order || 'none'}; expected ${PORTABLE_COLLECTIONS.join(',')}`,
    );
  }
  const names = new Set<string>();
  manifest.members.forEach((m, i) => {
    const expected =
      m.collection !== undefined ? collectionMember(m.collection) : evidenceMember(m.evidenceId ?? '');
    if (m.name !== expected)
      throw new PortabilityError(`${MANIFEST_MEMBER}: member ${m.name} should be named ${expected}`);
    if (names.has(m.name)) throw new PortabilityError(`${MANIFEST_MEMBER} lists ${m.name} twice`);
    if (m.collection !== undefined && i >= collections.length) {
      throw new PortabilityError(`${MANIFEST_MEMBER} lists ${m.name} after the evidence files`);
    }
    if (m.collection !== undefined && manifest.counts[m.collection] !== m.count) {
      throw new PortabilityError(`${MANIFEST_MEMBER}: the counts of ${m.collection} disagree`);
    }
    names.add(m.name);
  });
  return manifest;
}
