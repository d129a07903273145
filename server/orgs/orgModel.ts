import { Schema, type Connection, type Model } from 'mongoose';
import { ORG_TYPES, type OrgType } from '../../shared/vocabulary.js';

/** An organisation: a channel's body (court, mediation centre, …) or an IP protection center. */
export interface OrgDoc {
  _id: string;
  name: string;
  nameZh: string;
  type: OrgType;
  /** Region or city, for display. */
  region: string;
}

const schema = new Schema<OrgDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    nameZh: { type: String, required: true },
    type: { type: String, required: true, enum: ORG_TYPES },
    region: { type: String, default: '' },
  },
  { versionKey: false, collection: 'organisations' },
);
schema.index({ type: 1 });

/** The `organisations` model on a connection. */
export function orgModel(conn: Connection): Model<OrgDoc> {
  return (conn.models.Org as Model<OrgDoc> | undefined) ?? conn.model<OrgDoc>('Org', schema);
}
