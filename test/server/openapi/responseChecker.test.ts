import { expect } from 'chai';
import type { Response } from 'supertest';
import { buildOpenApiDocument } from '../../../server/openapi/buildOpenApiDocument.js';
import { responseChecker } from './responseChecker.js';

/** A response as supertest gives it, made up. */
const fake = (
  method: string,
  path: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response =>
  ({
    request: { method, url: `http://127.0.0.1${path}` },
    status,
    headers: {
      'content-type': status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8',
      ...headers,
    },
    text: JSON.stringify(body),
    body,
  }) as unknown as Response;

const problem = (status: number) => ({
  type: 'about:blank',
  title: 'T',
  status,
  detail: 'D',
  code: 'notFound',
});
const user = { id: 'u-1', email: 'a@example.com', name: 'A', role: 'admin', orgId: null, expertise: [] };

describe('OpenAPI document: the response checker', () => {
  const checker = responseChecker(buildOpenApiDocument());

  it('accepts a documented response', () => {
    expect(checker.mismatch(fake('GET', '/api/users', 200, { items: [user] }))).to.equal(undefined);
    expect(checker.mismatch(fake('GET', '/api/cases/abc', 404, problem(404)))).to.equal(undefined);
  });

  it('refuses an undocumented operation, status or content type', () => {
    expect(checker.mismatch(fake('GET', '/api/nowhere', 200, {}))).to.match(/no documented path/);
    expect(checker.mismatch(fake('POST', '/api/credit', 200, {}))).to.match(/is not documented/);
    expect(checker.mismatch(fake('GET', '/api/credit', 404, problem(404)))).to.match(
      /not a documented status/,
    );
    expect(
      checker.mismatch(fake('GET', '/api/users', 200, { items: [] }, { 'content-type': 'text/html' })),
    ).to.match(/Content-Type text\/html is not documented/);
  });

  it('refuses a body that does not match: extra or missing fields, wrong types, a wrong problem status', () => {
    const leaky = { ...user, passwordHash: 'x' };
    expect(checker.mismatch(fake('GET', '/api/users', 200, { items: [leaky] }))).to.match(
      /additional properties/,
    );
    const { orgId: _orgId, ...partial } = user;
    expect(checker.mismatch(fake('GET', '/api/users', 200, { items: [partial] }))).to.match(/orgId/);
    expect(checker.mismatch(fake('GET', '/api/users', 200, { items: [{ ...user, orgId: 7 }] }))).to.match(
      /must be string,null/,
    );
    expect(checker.mismatch(fake('GET', '/api/cases/abc', 404, problem(409)))).to.match(
      /must be equal to constant/,
    );
  });

  it('refuses a response without a required header, or with a header that does not match', () => {
    const evidence = {
      id: '0123456789abcdef01234567',
      name: 'a.png',
      contentType: 'image/png',
      size: 1,
      sha256: 'a'.repeat(64),
      description: null,
      uploadedBy: { id: 'u-1', role: 'complainant' },
      uploadedAt: '2025-01-01T00:00:00.000Z',
      seq: 2,
    };
    const path = '/api/cases/abc/evidence';
    expect(checker.mismatch(fake('POST', path, 201, evidence, { location: `${path}/x/download` }))).to.equal(
      undefined,
    );
    expect(checker.mismatch(fake('POST', path, 201, evidence))).to.match(/header Location is required/);
    const download = `${path}/${evidence.id}/download`;
    expect(
      checker.mismatch(
        fake('GET', download, 200, Buffer.from('png'), {
          'content-type': 'image/png',
          'content-disposition': 'inline',
        }),
      ),
    ).to.match(/header Content-Disposition does not match/);
  });
});
