import { Schema, type Connection, type Model } from 'mongoose';
import {
  CHANNELS,
  IP_TYPES,
  ORG_TYPES,
  type Channel,
  type IpType,
  type OrgType,
} from '../../shared/vocabulary.js';

/** An organisation: a channel's body (court, mediation centre, …) or an IP protection center. */
export interface OrgDoc {
  _id: string;
  name: string;
  nameZh: string;
  type: OrgType;
  /** Region or city, for display. */
  region: string;
  /** The channel it works in: its own type for a channel's body; one of the seven, or none, for a protection center. */
  channel: Channel | null;
  /** The most open cases it takes at once; null: its officers' capacities decide. */
  capacity: number | null;
  /** IP types it specialises in (none: all). */
  expertise: IpType[];
  /** A deactivated organisation receives no new cases and is offered for no hand-over. */
  active: boolean;
}

const schema = new Schema<OrgDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    nameZh: { type: String, required: true },
    type: { type: String, required: true, enum: ORG_TYPES },
    region: { type: String, default: '' },
    channel: { type: String, enum: [...CHANNELS, null], default: null },
    capacity: { type: Number, default: null },
    expertise: { type: [String], enum: IP_TYPES, default: [] },
    active: { type: Boolean, default: true },
  },
  { versionKey: false, collection: 'organisations' },
);
schema.index({ type: 1 });

/** The `organisations` model on a connection. */
export function orgModel(conn: Connection): Model<OrgDoc> {
  return (conn.models.Org as Model<OrgDoc> | undefined) ?? conn.model<OrgDoc>('Org', schema);
}
