import type { PresenceUser } from '../../shared/realtime/contract.js';
import type { MessageVisibility } from '../../shared/vocabulary.js';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { CaseDoc } from '../cases/caseModel.js';

/** The fields of a case that delivery decisions need (who may see it, who handles it). */
export interface FanoutCase {
  id: string;
  caseNo: string;
  title: string;
  orgId: string | null;
  joinedOrgIds: string[];
  participantIds: string[];
  complainantId: string;
  respondentId: string | null;
  mediatorId: string | null;
  arbitratorId: string | null;
  investigatorId: string | null;
  status: string;
  stage: string;
  seq: number;
}

/**
 * What one instance tells every instance (itself locally, the others through the Redis adapter's
 * server-side emit); each delivers to its own sockets with per-recipient filtering.
 */
export type FanoutMessage =
  | {
      kind: 'appended';
      event: Omit<CaseEventDoc, 'at'> & { at: string };
      caseDoc: FanoutCase;
    }
  | {
      kind: 'typing';
      caseId: string;
      caseDoc: FanoutCase;
      user: { id: string; role: string; name: string };
      visibility: MessageVisibility;
      typing: boolean;
      fromSocket: string;
    }
  | {
      kind: 'presence';
      caseId: string;
      caseDoc: FanoutCase;
      joined: PresenceUser[];
      left: string[];
    };

/** The delivery view of a case projection. */
export function fanoutCaseOf(doc: CaseDoc): FanoutCase {
  return {
    id: doc._id,
    caseNo: doc.caseNo,
    title: doc.title,
    orgId: doc.orgId,
    joinedOrgIds: doc.joinedOrgIds ?? [],
    participantIds: doc.participantIds,
    complainantId: doc.complainantId,
    respondentId: doc.respondentId,
    mediatorId: doc.mediatorId,
    arbitratorId: doc.arbitratorId,
    investigatorId: doc.investigatorId,
    status: doc.status,
    stage: doc.stage,
    seq: doc.seq,
  };
}
