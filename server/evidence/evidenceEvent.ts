/** The case event type that records a piece of evidence. */
export const EVIDENCE_ADDED = 'EVIDENCE_ADDED';

/** The data of an `EVIDENCE_ADDED` event: the hash-chained record of what was uploaded. */
export interface EvidenceAddedData {
  evidenceId: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  description: string | null;
}
