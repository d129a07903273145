import { Schema, type Connection, type Model } from 'mongoose';

/** Where an invitation stands: waiting for its holder, claimed (used once), or void (replaced). */
export type InvitationState = 'pending' | 'claimed' | 'void';

/**
 * An invitation of a case's respondent: a single-use, expiring link sent to an e-mail address. Only
 * the SHA-256 of its token is stored; the token itself is only in the mail.
 */
export interface InvitationDoc {
  _id: string;
  caseId: string;
  /**
   * The respondent invited (`shared/machine/respondents.ts`: 0 the complaint's first, 1… the others in
   * order). Absent on invitations from before several respondents: the first.
   */
  respondent?: number;
  /** The address the link was sent to (personal data: shown to staff only). */
  email: string;
  tokenHash: string;
  state: InvitationState;
  expiresAt: Date;
  createdAt: Date;
  /** Who had it sent: the platform on routing, or a member of staff (a resend, a new address). */
  createdBy: string;
  /** When the link was first opened (not service: the holder has not confirmed receipt). */
  openedAt: Date | null;
  claimedAt: Date | null;
  claimedBy: string | null;
  voidedAt: Date | null;
  /** Why it was voided: `resent` (a new link), `addressChanged`. */
  voidReason: 'resent' | 'addressChanged' | null;
}

const schema = new Schema<InvitationDoc>(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    respondent: { type: Number },
    email: { type: String, required: true },
    tokenHash: { type: String, required: true },
    state: { type: String, required: true, enum: ['pending', 'claimed', 'void'] },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    openedAt: { type: Date, default: null },
    claimedAt: { type: Date, default: null },
    claimedBy: { type: String, default: null },
    voidedAt: { type: Date, default: null },
    voidReason: { type: String, default: null },
  },
  { versionKey: false, collection: 'invitations' },
);
// a link is looked up by its token's hash; a case's invitations by case, newest last
schema.index({ tokenHash: 1 }, { unique: true });
schema.index({ caseId: 1, createdAt: 1 });
schema.index({ caseId: 1, state: 1 });

/** The `invitations` model on a connection. */
export function invitationModel(conn: Connection): Model<InvitationDoc> {
  return (
    (conn.models.Invitation as Model<InvitationDoc> | undefined) ??
    conn.model<InvitationDoc>('Invitation', schema)
  );
}
