import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import type { CaseFileEvent, CaseFileManifest } from './caseFileManifest.js';
import { verifyCaseFileContent, type CaseFileVerification } from './verifyCaseFileContent.js';

/** Reads a ZIP (a file path or its bytes) entry by entry: small JSON entries kept, others hashed. */
async function readArchive(
  source: string | Buffer,
): Promise<{ json: Map<string, unknown>; hashes: Map<string, { sha256: string; size: number }> }> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    const done = (err: Error | null, z?: yauzl.ZipFile) => (err || !z ? reject(err) : resolve(z));
    if (typeof source === 'string') yauzl.open(source, { lazyEntries: true }, done);
    else yauzl.fromBuffer(source, { lazyEntries: true }, done);
  });
  const json = new Map<string, unknown>();
  const hashes = new Map<string, { sha256: string; size: number }>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error(`cannot read ${entry.fileName}`));
        const hash = createHash('sha256');
        const chunks: Buffer[] = [];
        let size = 0;
        const keep = entry.fileName.endsWith('.json');
        stream.on('data', (chunk: Buffer) => {
          hash.update(chunk);
          size += chunk.length;
          if (keep) chunks.push(chunk);
        });
        stream.on('error', reject);
        stream.on('end', () => {
          hashes.set(entry.fileName, { sha256: hash.digest('hex'), size });
          if (keep) {
            try {
              json.set(entry.fileName, JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch {
              return reject(new Error(`${entry.fileName} is not valid JSON`));
            }
          }
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return { json, hashes };
}

/**
 * Checks a Sevenfold case file (`GET /api/cases/:id/file.zip`) offline: the event chain and the
 * evidence files against the SHA-256 recorded when each was uploaded (`verifyCaseFileContent`).
 */
export async function verifyCaseFile(source: string | Buffer): Promise<CaseFileVerification> {
  const { json, hashes } = await readArchive(source);
  const manifest = json.get('manifest.json') as CaseFileManifest | undefined;
  const events = json.get('events.json') as CaseFileEvent[] | undefined;
  if (!manifest || !Array.isArray(events)) {
    return {
      ok: false,
      events: 0,
      eventsInFull: 0,
      evidence: 0,
      problems: ['not a Sevenfold case file: manifest.json or events.json is missing'],
    };
  }
  return verifyCaseFileContent(manifest, events, (path) => hashes.get(path) ?? null);
}
