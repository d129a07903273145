import {
  caseEventsQuerySchema,
  caseIdParamsSchema,
  caseListQuerySchema,
  deskQuerySchema,
} from '../../shared/schemas/caseQueries.js';
import { joiParameters } from './joiParameters.js';
import type { Parameter, Paths } from './openApiTypes.js';
import { jsonBody, signedIn } from './operations.js';
import { JSON_BODY_FAILURES, json, problems } from './responses.js';
import { ref } from './schemaBuilders.js';

/** The `Idempotency-Key` header of `POST /api/cases` (the pattern of `caseRoutes.ts`). */
const idempotencyKey: Parameter = {
  name: 'Idempotency-Key',
  in: 'header',
  description:
    'Makes filing safe to retry for 24 hours: the same key and body returns the first response again (with `Idempotent-Replayed: true`), the same key with another body is 422, a concurrent duplicate 409.',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,100}$' },
};

/** `{id}` of a case. */
export const caseIdParameters = (): Parameter[] =>
  joiParameters(caseIdParamsSchema, 'path', { id: 'The case id.' });

const INVALID_ID = 'The case id is not valid.';
const NO_CASE = 'There is no such case, or the caller may not see it.';

/** `/api/cases` and `/api/routing/preview` (`caseRoutes.ts`). */
export function casePaths(): Paths {
  return {
    '/api/cases': {
      post: signedIn({
        operationId: 'fileComplaint',
        summary: 'File a complaint (rights holders)',
        description: 'Validates the complaint, runs the intake checks, triage and routing, and opens a case.',
        tags: ['cases'],
        parameters: [idempotencyKey],
        requestBody: jsonBody('Complaint'),
        responses: {
          '201': json('The new case (or, on a replay, the first response).', ref('CaseView'), {
            'Idempotent-Replayed': {
              description: '`true` when this is the stored response of an earlier request with the same key.',
              schema: { const: 'true' },
            },
          }),
          ...problems({
            400: 'The body is not valid JSON, or the Idempotency-Key is malformed.',
            403: 'Only rights holders (complainants) file complaints.',
            409: 'A request with this Idempotency-Key is still being processed.',
            429: 'Too many complaints filed by this user (FILING_LIMIT_PER_DAY); Retry-After says when to try again.',
            413: JSON_BODY_FAILURES[413],
            415: JSON_BODY_FAILURES[415],
            422: 'The complaint is not valid (every field error is listed), or the Idempotency-Key was used with another body.',
          }),
        },
      }),
      get: signedIn({
        operationId: 'listCases',
        summary: 'List the cases the caller may see',
        tags: ['cases'],
        parameters: joiParameters(caseListQuerySchema, 'query', {
          assignee: '`me`: cases the caller handles as mediator, arbitrator or investigator.',
          overdue: 'Open cases with a clock past due or breached.',
          open: 'Only cases that are not closed.',
          queue: 'One queue of the intake desk (`screening`, `triage`, `holds`, `inChannel`).',
          withActions: 'Each row also lists the actions the caller may take on it now.',
          q: 'Full-text search (Chinese too) of title, case number, facts, party names and rights: every run of two or more letters or digits (or one Chinese character) must occur in them. Text with nothing searchable matches no case.',
        }),
        responses: {
          '200': json('A page of cases.', ref('CasePage')),
          ...problems({ 400: 'The query is not valid.' }),
        },
      }),
    },
    '/api/cases/counts': {
      get: signedIn({
        operationId: 'countCases',
        summary: 'Open cases the caller may see, by status (queue badges)',
        tags: ['cases'],
        responses: { '200': json('Counts of open cases by status.', ref('CaseCounts')) },
      }),
    },
    '/api/cases/desk': {
      get: signedIn({
        operationId: 'getDesk',
        summary: 'The intake desk: its queue counts and a page of one queue (oldest filing first)',
        description:
          'One answer for the desk’s home: the counts of every queue (the tab badges, as `/api/cases/counts`) and one page of the chosen queue, first come first served.',
        tags: ['cases'],
        parameters: joiParameters(deskQuerySchema, 'query', {
          queue: 'The queue: `screening`, `triage`, `holds` or `inChannel`.',
        }),
        responses: {
          '200': json('The counts and the page.', ref('DeskView')),
          ...problems({ 400: 'The query is not valid.' }),
        },
      }),
    },
    '/api/cases/{id}': {
      get: signedIn({
        operationId: 'getCase',
        summary: 'A case',
        tags: ['cases'],
        parameters: caseIdParameters(),
        responses: {
          '200': json('The case.', ref('CaseView')),
          ...problems({ 400: INVALID_ID, 404: NO_CASE }),
        },
      }),
    },
    '/api/cases/{id}/events': {
      get: signedIn({
        operationId: 'listCaseEvents',
        summary: 'The timeline of a case',
        description:
          'Events after `after`, oldest first; caucus entries only reach their party and the mediator.',
        tags: ['cases'],
        parameters: [...caseIdParameters(), ...joiParameters(caseEventsQuerySchema, 'query')],
        responses: {
          '200': json('The events.', ref('CaseEventList')),
          ...problems({ 400: 'The case id or the query is not valid.', 404: NO_CASE }),
        },
      }),
    },
    '/api/cases/{id}/events/{seq}/calendar.ics': {
      get: signedIn({
        operationId: 'sessionCalendarInvite',
        summary: 'A scheduled session as a calendar invitation (.ics)',
        description:
          'For a `SCHEDULE_SESSION` event: an iCalendar file in Beijing time (`TZID=Asia/Shanghai` with its VTIMEZONE), one hour long, with a stable UID (importing it again updates the entry). `lang` chooses the texts.',
        tags: ['cases'],
        parameters: [
          ...caseIdParameters(),
          {
            name: 'seq',
            in: 'path',
            required: true,
            description: 'The seq of the event that scheduled the session.',
            schema: { type: 'integer', minimum: 1, maximum: 1_000_000 },
          },
          {
            name: 'lang',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['zh-CN', 'en'], default: 'zh-CN' },
          },
        ],
        responses: {
          '200': {
            description: 'The invitation.',
            content: { 'text/calendar': { schema: { type: 'string' } } },
          },
          ...problems({
            400: 'The case id, the seq or the language is not valid.',
            404: 'There is no such case or session, or the caller may not see it.',
          }),
        },
      }),
    },
    '/api/cases/{id}/integrity': {
      get: signedIn({
        operationId: 'checkCaseIntegrity',
        summary: 'Whether the case’s event log still verifies',
        description:
          'Checks every event of the case as `npm run verify-log` does (each hash matches its content and links to the event before; no event missing; the case ends where its log does) and names the first event found broken.',
        tags: ['cases'],
        parameters: caseIdParameters(),
        responses: {
          '200': json('The verdict.', ref('CaseIntegrityView')),
          ...problems({ 400: INVALID_ID, 404: NO_CASE }),
        },
      }),
    },
    '/api/cases/{id}/actions': {
      get: signedIn({
        operationId: 'listCaseActions',
        summary: 'The actions the caller may take now',
        tags: ['cases'],
        parameters: caseIdParameters(),
        responses: {
          '200': json('The actions, each with the payload fields it needs.', ref('AvailableActionList')),
          ...problems({ 400: INVALID_ID, 404: NO_CASE }),
        },
      }),
      post: signedIn({
        operationId: 'actOnCase',
        summary: 'Take an action on a case',
        tags: ['cases'],
        parameters: caseIdParameters(),
        requestBody: jsonBody('Action'),
        responses: {
          '200': json('The case after the action.', ref('CaseView')),
          ...problems({
            400: 'The case id is not valid, or the body is not valid JSON.',
            403: 'The caller’s role may not take this action on this case (`allowed` lists what it may do).',
            404: NO_CASE,
            409: '`expectedSeq` is stale (`seq` is the current one), or the action is not possible now (`allowed`).',
            413: JSON_BODY_FAILURES[413],
            415: JSON_BODY_FAILURES[415],
            422: 'The action type is unknown, its payload is not valid (every field error is listed), or it names an assignee who is not an active account of the right role or is a party.',
          }),
        },
      }),
    },
    '/api/routing/preview': {
      post: signedIn({
        operationId: 'previewRouting',
        summary: 'Intake checks, triage and routing of a complaint, without saving it',
        tags: ['routing'],
        requestBody: jsonBody('Complaint'),
        responses: {
          '200': json('The assessment.', ref('RoutingPreviewView')),
          ...problems({ ...JSON_BODY_FAILURES, 422: 'The complaint is not valid.' }),
        },
      }),
    },
  };
}
