import type { ClientSession } from 'mongodb';
import type { Connection } from 'mongoose';
import type { OrgType } from '../../shared/vocabulary.js';
import { orgModel, type OrgDoc } from './orgModel.js';

/** Fields of an organisation to read (a projection: 1 to include). */
export type OrgFields = Partial<Record<keyof OrgDoc, 1>>;

/** The organisation with this id (by its primary key), with only `fields` when given; null when none. */
export async function orgById(
  db: Connection,
  id: string,
  fields?: OrgFields,
  session?: ClientSession,
): Promise<OrgDoc | null> {
  return orgModel(db)
    .findById(id, fields ?? null, session ? { session } : {})
    .lean<OrgDoc>();
}

/** Every organisation of a type, by id (by the `{type}` index; a handful per type). */
export async function orgsOfType(db: Connection, type: OrgType): Promise<OrgDoc[]> {
  return orgModel(db).find({ type }).sort({ _id: 1 }).lean<OrgDoc[]>();
}

/** The organisations' collection, for a `$lookup` that joins an organisation to a document in one read. */
export function orgCollectionName(db: Connection): string {
  return orgModel(db).collection.collectionName;
}
