import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A password-reset link. `_id` is the SHA-256 of its token (the token itself is only in the mail);
 * `usedAt` makes it single-use, `expiresAt` short-lived.
 */
export interface PasswordResetDoc {
  _id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

const schema = new Schema<PasswordResetDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'password_resets' },
);

/** The `password_resets` model on a connection. */
export function passwordResetModel(conn: Connection): Model<PasswordResetDoc> {
  return (
    (conn.models.PasswordReset as Model<PasswordResetDoc> | undefined) ??
    conn.model<PasswordResetDoc>('PasswordReset', schema)
  );
}
