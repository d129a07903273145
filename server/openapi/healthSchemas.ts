import type { JsonSchema } from './openApiTypes.js';
import { closed } from './schemaBuilders.js';

/** Response schemas of `/healthz` and `/readyz` (`server/health/healthRoutes.ts`). */
export const healthSchemas: Record<string, JsonSchema> = {
  Health: closed({ status: { const: 'ok' } }),
  Readiness: closed({ status: { const: 'ready' }, database: { const: 'up' } }),
};
