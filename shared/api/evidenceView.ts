/** A piece of evidence on a case, as the API shows it (from its `EVIDENCE_ADDED` event). */
export interface EvidenceView {
  id: string;
  name: string;
  contentType: string;
  size: number;
  /** Hex SHA-256 of the content, computed while it was uploaded. */
  sha256: string;
  description: string | null;
  uploadedBy: { id: string; role: string };
  uploadedAt: string;
  /** The case event that recorded it. */
  seq: number;
}
