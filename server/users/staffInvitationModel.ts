import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A staff member's invitation link: choose a password and sign in. `_id` is the SHA-256 of its token
 * (the token itself is only in the mail); `usedAt` makes it single-use, `expiresAt` short-lived; a
 * resend spends the account's earlier links (found by `userId`).
 */
export interface StaffInvitationDoc {
  _id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

const schema = new Schema<StaffInvitationDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'staff_invitations' },
);
// a resend: the account's unused links
schema.index({ userId: 1, usedAt: 1 });

/** The `staff_invitations` model on a connection. */
export function staffInvitationModel(conn: Connection): Model<StaffInvitationDoc> {
  return (
    (conn.models.StaffInvitation as Model<StaffInvitationDoc> | undefined) ??
    conn.model<StaffInvitationDoc>('StaffInvitation', schema)
  );
}
