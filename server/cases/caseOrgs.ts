import type { Connection } from 'mongoose';
import { caseModel } from './caseModel.js';

/** The organisation holding each of these cases (null: none yet), read by id. */
export async function caseOrgs(db: Connection, caseIds: string[]): Promise<Map<string, string | null>> {
  if (caseIds.length === 0) return new Map();
  const docs = await caseModel(db)
    .find({ _id: { $in: caseIds } }, { orgId: 1 })
    .lean();
  return new Map(docs.map((c) => [c._id, c.orgId ?? null]));
}
