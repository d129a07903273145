import type { MessageVisibility } from '../vocabulary.js';

/** A case message as its readers see it (the same shape as the realtime `message:new` push). */
export interface MessageView {
  id: string;
  caseId: string;
  /** The case event that recorded it. */
  seq: number;
  author: { id: string; role: string; name: string };
  visibility: MessageVisibility;
  body: string;
  createdAt: string;
}

/** A page of messages, newest first; `nextBefore` asks for the older ones (null: no more). */
export interface MessagePage {
  items: MessageView[];
  nextBefore: number | null;
}
