import { accountSchemas } from './accountSchemas.js';
import { actionSchemas } from './actionSchemas.js';
import { auditPaths } from './auditPaths.js';
import { auditSchemas } from './auditSchemas.js';
import { authPaths } from './authPaths.js';
import { casePaths } from './casePaths.js';
import { caseSchemas } from './caseSchemas.js';
import { creditSchemas } from './creditSchemas.js';
import { evidencePaths } from './evidencePaths.js';
import { documentPaths } from './documentPaths.js';
import { documentSchemas } from './documentSchemas.js';
import { evidenceSchemas } from './evidenceSchemas.js';
import { healthSchemas } from './healthSchemas.js';
import { invitationPaths } from './invitationPaths.js';
import { invitationSchemas } from './invitationSchemas.js';
import { messagePaths } from './messagePaths.js';
import { messageSchemas } from './messageSchemas.js';
import type { OpenApiDocument, Operation, Paths } from './openApiTypes.js';
import { notificationPaths } from './notificationPaths.js';
import { notificationSchemas } from './notificationSchemas.js';
import { operationsPaths } from './operationsPaths.js';
import { problemSchemas } from './problemSchemas.js';
import { publicPaths } from './publicPaths.js';
import { publicSchemas } from './publicSchemas.js';
import { reportPaths } from './reportPaths.js';
import { requestSchemas } from './requestSchemas.js';
import { responseRef, sharedResponses } from './responses.js';
import { statsSchemas } from './statsSchemas.js';
import { userPaths } from './userPaths.js';

const TAGS: OpenApiDocument['tags'] = [
  { name: 'auth', description: 'Sign-in, registration of rights holders, the signed-in user.' },
  {
    name: 'users',
    description: 'Accounts and organisations (their administration) and the staff directory.',
  },
  { name: 'cases', description: 'Filing, lists, detail, timeline and actions.' },
  { name: 'routing', description: 'Triage and routing previews.' },
  { name: 'evidence', description: 'Evidence files, with SHA-256 integrity.' },
  { name: 'messages', description: 'Joint and caucus messages.' },
  {
    name: 'invitations',
    description: 'Respondents’ invitation links (holders) and their management (staff).',
  },
  { name: 'stats', description: 'Dashboard figures.' },
  { name: 'credit', description: 'The public credit register.' },
  { name: 'notifications', description: 'The notification centre, its settings, and the mail outbox.' },
  { name: 'audit', description: 'Who read or changed what: the audit log and a case’s access log.' },
  {
    name: 'public',
    description:
      'Public pages (no sign-in): outcome figures, the credit disclosure, reports to the supervision office.',
  },
  { name: 'operations', description: 'Health, readiness, metrics and this document.' },
];

/** Operations that never touch the database, so never answer 503. */
const WITHOUT_DATABASE = new Set(['health', 'metrics', 'openApiDocument']);

/**
 * Every operation may fail unexpectedly (500), and, when it needs the database, answer 503 while the
 * database is unreachable; responses are listed by status.
 */
function finishOperation(op: Operation): Operation {
  const responses: Operation['responses'] = { ...op.responses, '500': responseRef('InternalServerError') };
  if (!WITHOUT_DATABASE.has(op.operationId)) responses['503'] ??= responseRef('ServiceUnavailable');
  const sorted = Object.keys(responses).sort();
  return { ...op, responses: Object.fromEntries(sorted.map((status) => [status, responses[status]!])) };
}

function finishPaths(paths: Paths): Paths {
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      Object.fromEntries(Object.entries(item).map(([method, op]) => [method, finishOperation(op)])),
    ]),
  );
}

function build(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sevenfold API',
      version: '1.0.0',
      description:
        'Case management for intellectual-property disputes across the seven channels of cross-domain protection. JSON over HTTP; errors are `application/problem+json` (RFC 9457). Sign in with `POST /api/auth/login` and send `Authorization: Bearer <token>`.',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: '/' }],
    tags: TAGS,
    paths: finishPaths({
      ...authPaths(),
      ...userPaths(),
      ...casePaths(),
      ...evidencePaths(),
      ...documentPaths(),
      ...messagePaths(),
      ...invitationPaths(),
      ...reportPaths(),
      ...notificationPaths(),
      ...auditPaths(),
      ...publicPaths(),
      ...operationsPaths(),
    }),
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A short-lived HS256 access token from `POST /api/auth/login`.',
        },
      },
      schemas: {
        ...problemSchemas,
        ...requestSchemas(),
        ...actionSchemas(),
        ...accountSchemas,
        ...caseSchemas,
        ...evidenceSchemas,
        ...documentSchemas,
        ...messageSchemas,
        ...invitationSchemas,
        ...statsSchemas,
        ...creditSchemas,
        ...auditSchemas,
        ...publicSchemas,
        ...healthSchemas,
        ...notificationSchemas,
      },
      responses: sharedResponses,
    },
  };
}

let cached: OpenApiDocument | undefined;

/**
 * The OpenAPI 3.1 document of the HTTP API: request bodies and parameters converted from the Joi
 * schemas the routes validate with, responses from hand-written schemas of the presenters' output.
 * Built on first use and cached (treat it as read-only).
 */
export function buildOpenApiDocument(): OpenApiDocument {
  cached ??= build();
  return cached;
}
