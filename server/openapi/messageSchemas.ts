import { MESSAGE_VISIBILITIES, ROLES } from '../../shared/vocabulary.js';
import type { JsonSchema } from './openApiTypes.js';
import { closed, count, id, instant, listOf, nullable, oneOfStrings, ref, text } from './schemaBuilders.js';

/** Response schemas of case messages (`messagePresenter.ts`). */
export const messageSchemas: Record<string, JsonSchema> = {
  MessageView: {
    ...closed({
      id,
      caseId: id,
      seq: { ...count, description: 'The case event that recorded the message.' },
      author: closed({ id, role: oneOfStrings(ROLES), name: text }),
      visibility: oneOfStrings(MESSAGE_VISIBILITIES),
      body: text,
      createdAt: instant,
    }),
    description: 'A case message (the same shape as the realtime `message:new`).',
  },
  MessagePage: {
    ...closed({
      items: listOf(ref('MessageView')),
      nextBefore: { ...nullable(count), description: 'Pass as `before` for older messages; null: no more.' },
    }),
    description: 'The messages the caller may read, newest first.',
  },
};
