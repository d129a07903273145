import { messageListQuerySchema } from '../../shared/schemas/messages.js';
import { caseIdParameters } from './casePaths.js';
import { joiParameters } from './joiParameters.js';
import type { Paths } from './openApiTypes.js';
import { jsonBody, signedIn } from './operations.js';
import { JSON_BODY_FAILURES, json, problems } from './responses.js';
import { ref } from './schemaBuilders.js';

const NO_CASE = 'There is no such case, or the caller may not see it.';

/** `/api/cases/{id}/messages` (`messageRoutes.ts`). */
export function messagePaths(): Paths {
  return {
    '/api/cases/{id}/messages': {
      post: signedIn({
        operationId: 'postMessage',
        summary: 'Post a joint or caucus message',
        description:
          'A caucus is between the mediator and one party; it opens once a mediator is assigned. The message is also a case event and a realtime `message:new`.',
        tags: ['messages'],
        parameters: caseIdParameters(),
        requestBody: jsonBody('MessageInput'),
        responses: {
          '201': json('The message.', ref('MessageView')),
          ...problems({
            400: 'The case id is not valid, or the body is not valid JSON.',
            403: 'Only the mediator and the party of a caucus may write in it.',
            404: NO_CASE,
            409: 'The case is closed, or a caucus has no mediator yet.',
            429: 'Too many messages from this user (MESSAGE_LIMIT_PER_MINUTE); Retry-After says when to try again.',
            413: JSON_BODY_FAILURES[413],
            415: JSON_BODY_FAILURES[415],
            422: 'The message is not valid.',
          }),
        },
      }),
      get: signedIn({
        operationId: 'listMessages',
        summary: 'The messages the caller may read',
        tags: ['messages'],
        parameters: [
          ...caseIdParameters(),
          ...joiParameters(messageListQuerySchema, 'query', {
            before: 'Only messages recorded before this case seq (the `nextBefore` of the previous page).',
          }),
        ],
        responses: {
          '200': json('A page of messages, newest first.', ref('MessagePage')),
          ...problems({ 400: 'The case id or the query is not valid.', 404: NO_CASE }),
        },
      }),
    },
  };
}
