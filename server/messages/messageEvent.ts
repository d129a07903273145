import type { MessageVisibility } from '../../shared/vocabulary.js';

/** The case event type that records a posted message. */
export const MESSAGE_POSTED = 'MESSAGE_POSTED';

/** Characters of a joint message shown in the timeline. */
export const EXCERPT_LENGTH = 140;

/**
 * The data of a `MESSAGE_POSTED` event. `visibility` makes the timeline hide caucus entries from
 * everyone but their party and the mediator; only joint messages carry an excerpt of their body.
 */
export interface MessagePostedData {
  messageId: string;
  visibility: MessageVisibility;
  authorName: string;
  excerpt?: string;
}

/** The event data for a message (no text at all for a caucus message). */
export function messagePostedData(
  messageId: string,
  visibility: MessageVisibility,
  authorName: string,
  body: string,
): MessagePostedData {
  const data: MessagePostedData = { messageId, visibility, authorName };
  if (visibility === 'joint') data.excerpt = Array.from(body).slice(0, EXCERPT_LENGTH).join('');
  return data;
}
