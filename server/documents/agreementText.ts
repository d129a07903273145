import { createHash } from 'node:crypto';

/** What a draft mediation agreement's text is made of. */
export interface AgreementDraft {
  caseNo: string;
  complainantName: string;
  respondentName: string;
  /** The seq of the `PROPOSE_AGREEMENT` event that proposed this draft. */
  draftSeq: number;
  /** When it was proposed (ISO instant). */
  proposedAt: string;
  terms: string;
}

/**
 * The text the parties sign: the case, the parties, the draft's number and the terms exactly as the
 * mediator proposed them, with bilingual headings. Its SHA-256 is what each signature records; a new
 * draft (even of the same terms) is a new text, so earlier signatures no longer count.
 */
export function agreementText(draft: AgreementDraft): string {
  return [
    '调解协议书 / Mediation agreement',
    `案号 / Case No.: ${draft.caseNo}`,
    `申请人 / Complainant: ${draft.complainantName}`,
    `被申请人 / Respondent: ${draft.respondentName}`,
    `草案 / Draft: #${draft.draftSeq} (${draft.proposedAt})`,
    '协议条款 / Terms:',
    draft.terms,
    '',
  ].join('\n');
}

/** The SHA-256 (hex) of a text, as UTF-8. */
export function textSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
