import type { HashedEventFields } from '../cases/eventHash.js';

/** The format name and version written into every case file. */
export const CASE_FILE_FORMAT = 'sevenfold-case-file/1';

/** One event of the log in a case file: in full when the exporter may read it, else its hashes only. */
export type CaseFileEvent =
  | (HashedEventFields & { hash: string; withheld?: undefined })
  | { seq: number; hash: string; prevHash: string; withheld: true };

/** One evidence file in a case file. */
export interface CaseFileEvidence {
  seq: number;
  id: string;
  name: string;
  /** Its path inside the archive. */
  path: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** `manifest.json` of a case file: what it holds and the fingerprints to check it by. */
export interface CaseFileManifest {
  format: typeof CASE_FILE_FORMAT;
  caseId: string;
  caseNo: string;
  title: string;
  exportedAt: string;
  exportedBy: { id: string; role: string };
  /** The log's length and its last hash, as the case stood when exported. */
  log: { events: number; lastHash: string };
  /** The log is in `events.json`; each file below lies at its `path`. */
  evidence: CaseFileEvidence[];
}
