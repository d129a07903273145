import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { MessagePostedData } from './messageEvent.js';
import type { MessageDoc } from './messageModel.js';

/**
 * The `messages` document of a `MESSAGE_POSTED` event: everything it holds is in the event, so the
 * collection can be rebuilt from the log (a repair on read, an import).
 */
export function messageFromEvent(ev: CaseEventDoc): MessageDoc {
  const data = ev.data as unknown as MessagePostedData;
  return {
    _id: data.messageId,
    caseId: ev.caseId,
    seq: ev.seq,
    authorId: ev.actor.id,
    authorRole: ev.actor.role as MessageDoc['authorRole'], // people post messages, never the system
    authorName: data.authorName,
    visibility: data.visibility,
    body: data.body,
    createdAt: new Date(ev.at),
  };
}
