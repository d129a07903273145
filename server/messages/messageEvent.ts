import type { MessageVisibility } from '../../shared/vocabulary.js';

/** The case event type that records a posted message. */
export const MESSAGE_POSTED = 'MESSAGE_POSTED';

/**
 * The data of a `MESSAGE_POSTED` event. The message itself is part of the hash-chained log (so it
 * is tamper-evident and realtime delivery needs no second read); `visibility` makes every reader of
 * the log (HTTP timeline, realtime) hide caucus entries from everyone but their party and the mediator.
 */
export interface MessagePostedData {
  messageId: string;
  visibility: MessageVisibility;
  authorName: string;
  body: string;
}

/** The event data for a message. */
export function messagePostedData(
  messageId: string,
  visibility: MessageVisibility,
  authorName: string,
  body: string,
): MessagePostedData {
  return { messageId, visibility, authorName, body };
}
