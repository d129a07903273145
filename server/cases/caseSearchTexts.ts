import type { Complaint } from '../../shared/schemas/complaint.js';

/** The fields of a case that full-text search reads. */
export interface SearchableCase {
  caseNo: string;
  title: string;
  complainantName: string;
  respondentName: string;
  complaint: Pick<Complaint, 'description' | 'rights'>;
}

/** The searchable texts of a case: title, case number, facts, both parties and the rights asserted. */
export function caseSearchTexts(c: SearchableCase): string[] {
  return [
    c.title,
    c.caseNo,
    c.complaint.description,
    c.complainantName,
    c.respondentName,
    ...c.complaint.rights.flatMap((r) => [r.number, r.title ?? '']),
  ];
}
