import type { Connection } from 'mongoose';
import { caseModel, type CaseDoc } from './caseModel.js';

/** The fields that decide who may see a case (`casePolicy.canSeeCase`). */
export type CaseAccessFields = Pick<
  CaseDoc,
  | '_id'
  | 'caseNo'
  | 'orgId'
  | 'joinedOrgIds'
  | 'participantIds'
  | 'viewerKeys'
  | 'complainantId'
  | 'respondentId'
>;

/** The case number of a case (by id), null when there is no such case. */
export async function caseNoOf(db: Connection, caseId: string): Promise<string | null> {
  return (
    (await caseModel(db).findById(caseId, { caseNo: 1 }).lean<Pick<CaseDoc, 'caseNo'>>())?.caseNo ?? null
  );
}

/** A case by its number (unique index), with only the fields that decide who may see it. */
export async function caseAccessByNo(db: Connection, caseNo: string): Promise<CaseAccessFields | null> {
  return caseModel(db)
    .findOne(
      { caseNo },
      {
        caseNo: 1,
        orgId: 1,
        joinedOrgIds: 1,
        participantIds: 1,
        viewerKeys: 1,
        complainantId: 1,
        respondentId: 1,
      },
    )
    .lean<CaseAccessFields>();
}
