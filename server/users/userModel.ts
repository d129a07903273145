import { Schema, type Connection, type Model } from 'mongoose';
import {
  LANGUAGES,
  NOTIFICATION_KINDS,
  type Language,
  type NotificationKind,
} from '../../shared/notifications/notificationKinds.js';
import { STAFF_LANGUAGES, type StaffLanguage } from '../../shared/admin/staffLanguages.js';
import { IP_TYPES, ROLES, type IpType, type Role } from '../../shared/vocabulary.js';

/** A user account. `passwordHash` never leaves the server (presenters drop it). */
export interface UserDoc {
  _id: string;
  email: string;
  name: string;
  role: Role;
  orgId: string | null;
  passwordHash: string;
  /** IP types a mediator, arbitrator or investigator handles (assignment by expertise). */
  expertise: IpType[];
  /** Most open cases a mediator takes at once. */
  capacity: number;
  /** Languages the staff member works cases in. */
  languages: StaffLanguage[];
  /** An officer who leads their organisation: manages its staff and reads its audit log. */
  lead: boolean;
  active: boolean;
  createdAt: Date;
  /** When an invitation by e-mail was last sent, while the account has not chosen a password (else null). */
  invitedAt?: Date | null;
  /** The language of the user's mails (and of the client once signed in); zh-CN when unset. */
  language?: Language;
  /** Kinds of notification the user does not want by e-mail (they still appear in the app). */
  mailOff?: NotificationKind[];
  /** Raised by "sign out everywhere" and a password change: tokens of an older version stop working. */
  sessionVersion?: number;
}

const schema = new Schema<UserDoc>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, required: true },
    role: { type: String, required: true, enum: ROLES },
    orgId: { type: String, default: null },
    passwordHash: { type: String, required: true },
    expertise: { type: [String], enum: IP_TYPES, default: [] },
    capacity: { type: Number, default: 10 },
    languages: { type: [String], enum: STAFF_LANGUAGES, default: [] },
    lead: { type: Boolean, default: false },
    active: { type: Boolean, default: true },
    createdAt: { type: Date, required: true },
    invitedAt: { type: Date, default: null },
    language: { type: String, enum: LANGUAGES },
    mailOff: { type: [String], enum: NOTIFICATION_KINDS, default: undefined },
    sessionVersion: { type: Number },
  },
  { versionKey: false, collection: 'users' },
);
schema.index({ role: 1, active: 1 });
schema.index({ orgId: 1 });
// the staff screen: one organisation's accounts, by name
schema.index({ orgId: 1, name: 1 });

/** The `users` model on a connection. */
export function userModel(conn: Connection): Model<UserDoc> {
  return (conn.models.User as Model<UserDoc> | undefined) ?? conn.model<UserDoc>('User', schema);
}
