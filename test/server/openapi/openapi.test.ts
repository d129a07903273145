import { Validator } from '@seriousme/openapi-schema-validator';
import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../../server/compose/createApp.js';
import { buildOpenApiDocument } from '../../../server/openapi/buildOpenApiDocument.js';
import type {
  JsonSchema,
  OpenApiDocument,
  Operation,
  Parameter,
  Reference,
  Response,
} from '../../../server/openapi/openApiTypes.js';
import { buildTestApp, seedDirectory, type TestApp } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';
import { documentedOperations, refsIn, resolveLocal } from './documentChecks.js';
import { expressRoutes } from './expressRoutes.js';
import { documentSchemas } from './openApiAjv.js';

const operationsOf = (doc: OpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op: op as Operation })),
  );

describe('OpenAPI document: structure', () => {
  const t = useTestDatabase('openapidoc');
  let a: TestApp;
  let doc: OpenApiDocument;

  before(async () => {
    await seedDirectory(t.db);
    a = buildTestApp(t.db);
    const res = await request(a.app).get('/api/openapi.json').expect(200);
    expect(res.headers['content-type']).to.match(/^application\/json/);
    doc = res.body as OpenApiDocument;
  });

  it('is served without sign-in, as built (and built once)', () => {
    expect(doc).to.deep.equal(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    expect(buildOpenApiDocument()).to.equal(buildOpenApiDocument());
    expect(doc.openapi).to.equal('3.1.0');
    expect(doc.servers).to.deep.equal([{ url: '/' }]);
    expect(doc.components.securitySchemes.bearerAuth).to.include({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
  });

  it('is valid against the official OpenAPI 3.1 schema', async () => {
    const validator = new Validator({ strict: false });
    const result = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.valid, JSON.stringify(result.errors, null, 1)).to.equal(true);
    expect(validator.version).to.equal('3.1');
  });

  it('resolves every $ref', () => {
    const refs = refsIn(doc);
    expect(refs.length).to.be.greaterThan(50);
    const broken = refs.filter(({ ref }) => resolveLocal(doc, ref) === undefined);
    expect(broken).to.deep.equal([]);
  });

  it('has component schemas that are valid JSON Schema 2020-12 and compile in strict mode', () => {
    const schemas = documentSchemas(doc);
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      const { ajv } = schemas;
      expect(ajv.validateSchema(schema), `${name}: ${ajv.errorsText()}`).to.equal(true);
      expect(() => schemas.component(name), name).to.not.throw();
    }
  });

  it('has parameter, body, response and header schemas that compile in strict mode', () => {
    const schemas = documentSchemas(doc);
    const inline: [string, unknown][] = [];
    const responses = (where: string, list: Record<string, unknown>) => {
      for (const [status, response] of Object.entries(list)) {
        const r = response as Response | Reference;
        if ('$ref' in r) continue;
        for (const [type, media] of Object.entries(r.content ?? {}))
          inline.push([`${where} ${status} ${type}`, media.schema]);
        for (const [name, header] of Object.entries(r.headers ?? {}))
          inline.push([`${where} ${status} ${name}`, header.schema]);
      }
    };
    for (const { path, method, op } of operationsOf(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const p of (op.parameters ?? []) as Parameter[])
        inline.push([`${where} ${p.in} ${p.name}`, p.schema]);
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {}))
        inline.push([`${where} ${type}`, media.schema]);
      responses(where, op.responses);
    }
    responses('components', doc.components.responses);
    expect(inline.length).to.be.greaterThan(100);
    for (const [where, schema] of inline) {
      expect(() => schemas.compile(schema as JsonSchema), where).to.not.throw();
    }
  });

  it('documents exactly the routes the Express app has', () => {
    // the app itself (the test harness mounts it inside an app that watches for server errors)
    expect(documentedOperations(doc)).to.deep.equal(expressRoutes(createApp(a.deps, a.services)));
  });

  it('declares the parameters of every path template, unique operation ids, and security with 401', () => {
    const ids = new Set<string>();
    for (const { path, method, op } of operationsOf(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(ids.has(op.operationId), `${where}: operationId ${op.operationId} is used twice`).to.equal(
        false,
      );
      ids.add(op.operationId);
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declared = ((op.parameters ?? []) as Parameter[])
        .filter((p) => p.in === 'path')
        .map((p) => p.name)
        .sort();
      expect(declared, where).to.deep.equal(inPath);
      if (op.security) {
        expect(op.security).to.deep.equal([{ bearerAuth: [] }]);
        expect(op.responses, `${where}: 401 without a valid token`).to.have.property('401');
      }
      expect(
        Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)),
        `${where}: a success`,
      ).to.equal(true);
    }
    const open = operationsOf(doc)
      .filter(({ op }) => !op.security)
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`)
      .sort();
    expect(open).to.deep.equal([
      'GET /api/invitations/{token}',
      'GET /api/openapi.json',
      'GET /api/public/credit',
      'GET /api/public/metrics',
      'GET /healthz',
      'GET /metrics',
      'GET /readyz',
      'POST /api/auth/login',
      'POST /api/auth/password-reset',
      'POST /api/auth/password-reset/confirm',
      'POST /api/auth/register',
      'POST /api/invitations/{token}/register',
      'POST /api/public/reports',
    ]);
  });
});
