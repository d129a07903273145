import type { MessageView } from '../../shared/api/messageView.js';
import type { MessageDoc } from './messageModel.js';

/** A stored message as the API and the realtime layer show it. */
export function presentMessage(doc: MessageDoc): MessageView {
  return {
    id: doc._id,
    caseId: doc.caseId,
    seq: doc.seq,
    author: { id: doc.authorId, role: doc.authorRole, name: doc.authorName },
    visibility: doc.visibility,
    body: doc.body,
    createdAt: new Date(doc.createdAt).toISOString(),
  };
}
