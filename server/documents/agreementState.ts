import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { CaseDoc } from '../cases/caseModel.js';
import type { CaseStore } from '../cases/caseStore.js';
import type { AgreementSignature } from './documentContent.js';
import { agreementText, textSha256 } from './agreementText.js';

/** A signature that no longer counts, and the draft it was given on. */
export interface VoidedSignature extends AgreementSignature {
  draftSeq: number;
}

/** The agreement as it stood at an event: the draft's text, its SHA-256 and the signatures on it. */
export interface AgreementState {
  draftSeq: number;
  proposedAt: string;
  text: string;
  sha256: string;
  signatures: AgreementSignature[];
  /** Signatures given on earlier drafts (or before a party declined the draft): void. */
  voided: VoidedSignature[];
}

const sideOf = (doc: Pick<CaseDoc, 'complainantId'>, ev: CaseEventDoc) =>
  ev.actor.id === doc.complainantId ? ('complainant' as const) : ('respondent' as const);

/**
 * The agreement of a case as it stood after event `atSeq` (the latest when omitted), read from its
 * `PROPOSE_AGREEMENT`, `SIGN_AGREEMENT` and `DECLINE` events (three indexed reads); null before any
 * draft. A signature counts when it came after the draft and no party declined the draft since.
 */
export async function agreementState(
  store: Pick<CaseStore, 'eventsOfType'>,
  doc: Pick<CaseDoc, '_id' | 'caseNo' | 'complainantId' | 'complainantName' | 'respondentName'>,
  atSeq = Number.MAX_SAFE_INTEGER,
): Promise<AgreementState | null> {
  const [proposals, signs, declines] = await Promise.all(
    ['PROPOSE_AGREEMENT', 'SIGN_AGREEMENT', 'DECLINE'].map((type) => store.eventsOfType(doc._id, type)),
  );
  const upTo = (evs: CaseEventDoc[] | undefined) => (evs ?? []).filter((ev) => ev.seq <= atSeq);
  const drafts = upTo(proposals);
  const draft = drafts[drafts.length - 1];
  if (!draft) return null;
  const text = agreementText({
    caseNo: doc.caseNo,
    complainantName: doc.complainantName,
    respondentName: doc.respondentName,
    draftSeq: draft.seq,
    proposedAt: new Date(draft.at).toISOString(),
    terms: String(draft.data.terms ?? ''),
  });
  const lastDecline = upTo(declines)
    .filter((ev) => ev.seq > draft.seq)
    .reduce((max, ev) => Math.max(max, ev.seq), 0);
  const signature = (ev: CaseEventDoc): AgreementSignature => {
    const side = sideOf(doc, ev);
    return {
      side,
      name: side === 'complainant' ? doc.complainantName : doc.respondentName,
      at: new Date(ev.at).toISOString(),
      sha256: typeof ev.data.agreementSha256 === 'string' ? ev.data.agreementSha256 : '',
    };
  };
  const draftOf = (seq: number) => drafts.filter((d) => d.seq < seq).pop()?.seq ?? 0;
  const current: AgreementSignature[] = [];
  const voided: VoidedSignature[] = [];
  for (const ev of upTo(signs)) {
    if (ev.seq > draft.seq && ev.seq > lastDecline) current.push(signature(ev));
    else voided.push({ ...signature(ev), draftSeq: draftOf(ev.seq) });
  }
  return {
    draftSeq: draft.seq,
    proposedAt: new Date(draft.at).toISOString(),
    text,
    sha256: textSha256(text),
    signatures: current,
    voided,
  };
}
