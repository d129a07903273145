import type { Paths } from './openApiTypes.js';
import { json, problems } from './responses.js';
import { ref } from './schemaBuilders.js';

/** `/healthz`, `/readyz`, `/metrics` and `/api/openapi.json`: unauthenticated operations endpoints. */
export function operationsPaths(): Paths {
  return {
    '/healthz': {
      get: {
        operationId: 'health',
        summary: 'Liveness: the process is up',
        tags: ['operations'],
        responses: { '200': json('The process is up.', ref('Health')) },
      },
    },
    '/readyz': {
      get: {
        operationId: 'readiness',
        summary: 'Readiness: the database answers',
        tags: ['operations'],
        responses: {
          '200': json('The database answers a ping.', ref('Readiness')),
          ...problems({ 503: 'The database does not answer.' }),
        },
      },
    },
    '/metrics': {
      get: {
        operationId: 'metrics',
        summary: 'Metrics in the Prometheus text format',
        description:
          'Request counts and latencies, transitions by type, open cases by status, clocks breached. No sign-in: expose it to the monitoring network only.',
        tags: ['operations'],
        responses: {
          '200': {
            description: 'Prometheus exposition format 0.0.4.',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
        },
      },
    },
    '/api/openapi.json': {
      get: {
        operationId: 'openApiDocument',
        summary: 'This OpenAPI 3.1 document',
        tags: ['operations'],
        responses: {
          '200': json('The document.', {
            type: 'object',
            required: ['openapi', 'info', 'paths', 'components'],
            properties: {
              openapi: { const: '3.1.0' },
              info: { type: 'object' },
              paths: { type: 'object' },
              components: { type: 'object' },
            },
          }),
        },
      },
    },
  };
}
