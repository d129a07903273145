import { Router } from 'express';
import { buildOpenApiDocument } from './buildOpenApiDocument.js';

/** `GET /api/openapi.json`: the OpenAPI 3.1 document of the API, open to everyone. */
export function openApiRoutes(): Router {
  const router = Router();
  const body = JSON.stringify(buildOpenApiDocument());
  router.get('/api/openapi.json', (_req, res) => {
    res.type('application/json').send(body);
  });
  return router;
}
