import { Schema, type Connection, type Model } from 'mongoose';
import { MESSAGE_VISIBILITIES, type MessageVisibility, type Role } from '../../shared/vocabulary.js';

/**
 * A case message. Its `MESSAGE_POSTED` case event (at `seq`) is the hash-chained record that it was
 * posted; the body of a caucus message lives only here.
 */
export interface MessageDoc {
  _id: string;
  caseId: string;
  seq: number;
  authorId: string;
  authorRole: Role;
  authorName: string;
  visibility: MessageVisibility;
  body: string;
  createdAt: Date;
}

const schema = new Schema<MessageDoc>(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    seq: { type: Number, required: true },
    authorId: { type: String, required: true },
    authorRole: { type: String, required: true },
    authorName: { type: String, required: true },
    visibility: { type: String, required: true, enum: MESSAGE_VISIBILITIES },
    body: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'messages' },
);
schema.index({ caseId: 1, seq: -1 }, { unique: true });
// a page of one visibility (the list reads each visibility the reader may see, limited)
schema.index({ caseId: 1, visibility: 1, seq: -1 });

/** The `messages` model on a connection. */
export function messageModel(conn: Connection): Model<MessageDoc> {
  return (conn.models.Message as Model<MessageDoc> | undefined) ?? conn.model<MessageDoc>('Message', schema);
}
