import type { EvidenceView } from '../../shared/api/evidenceView.js';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { EvidenceAddedData } from './evidenceEvent.js';

/** Presents an `EVIDENCE_ADDED` event as the evidence it records. */
export function presentEvidence(ev: Pick<CaseEventDoc, 'seq' | 'at' | 'actor' | 'data'>): EvidenceView {
  const data = ev.data as unknown as EvidenceAddedData;
  return {
    id: data.evidenceId,
    name: data.name,
    contentType: data.contentType,
    size: data.size,
    sha256: data.sha256,
    description: data.description ?? null,
    uploadedBy: { id: ev.actor.id, role: ev.actor.role },
    uploadedAt: new Date(ev.at).toISOString(),
    seq: ev.seq,
  };
}
