import { AssertionError, expect } from 'chai';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { Response } from 'supertest';
import type {
  Header,
  JsonSchema,
  OpenApiDocument,
  Operation,
  Reference,
  Response as DocumentedResponse,
} from '../../../server/openapi/openApiTypes.js';
import { documentSchemas } from './openApiAjv.js';

/** Checks real responses against the document. */
export interface ResponseChecker {
  /** Asserts the response is documented for its operation, status and content type, and matches. */
  check(res: Response): void;
  /** What `check` would fail with, or undefined when the response matches (it is then recorded). */
  mismatch(res: Response): string | undefined;
  /** Asserts a JSON request body the server accepted matches the documented request body. */
  checkRequest(method: string, path: string, body: unknown): void;
  /** `METHOD /template status` of every response checked. */
  readonly seen: ReadonlySet<string>;
}

const isReference = (value: unknown): value is Reference =>
  typeof value === 'object' && value !== null && '$ref' in value;

const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

/** The text of a response, also when it was collected as binary. */
const textOf = (res: Response): string =>
  typeof res.text === 'string' ? res.text : Buffer.isBuffer(res.body) ? res.body.toString('utf8') : '';

/** Builds a checker over the document (compiled lazily, each schema once). */
export function responseChecker(doc: OpenApiDocument): ResponseChecker {
  const schemas = documentSchemas(doc);
  const { ajv } = schemas;
  const compiled = new Map<string, ValidateFunction>();
  /** The validator of the schema at a path of the document (compiled once). */
  const validatorAt = (segments: string[]): ValidateFunction => {
    const key = JSON.stringify(segments);
    let validate = compiled.get(key);
    if (!validate) {
      const schema = segments.reduce<unknown>(
        (node, segment) => (node as Record<string, unknown> | undefined)?.[segment],
        doc,
      );
      expect(schema, `no schema at ${segments.join(' › ')}`).to.be.an('object');
      validate = schemas.compile(schema as JsonSchema);
      compiled.set(key, validate);
    }
    return validate;
  };
  const templates = Object.keys(doc.paths)
    .map((template) => ({
      template,
      params: (template.match(/\{/g) ?? []).length,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }))
    .sort((a, b) => a.params - b.params);
  const seen = new Set<string>();

  const operationOf = (method: string, pathname: string) => {
    const found = templates.find((t) => t.pattern.test(pathname));
    expect(found, `no documented path matches ${pathname}`).to.not.equal(undefined);
    const template = (found as { template: string }).template;
    const key = method.toLowerCase() as 'get' | 'post';
    const op = doc.paths[template]?.[key] as Operation | undefined;
    expect(op, `${method} ${template} is not documented`).to.not.equal(undefined);
    return { template, key, op: op as Operation };
  };

  const assertValid = (validate: ValidateFunction, value: unknown, what: string) => {
    if (!validate(value)) {
      const shown = JSON.stringify(value)?.slice(0, 1500);
      expect.fail(`${what} does not match the document: ${ajv.errorsText(validate.errors)}\n${shown}`);
    }
  };

  const check = (res: Response): void => {
    const request = (res as unknown as { request: { method: string; url: string } }).request;
    const method = request.method.toUpperCase();
    const { template, key, op } = operationOf(method, new URL(request.url).pathname);
    const status = String(res.status);
    const where = `${method} ${template} → ${status}`;
    let documented = op.responses[status];
    expect(documented, `${where} is not a documented status: ${textOf(res).slice(0, 500)}`).to.not.equal(
      undefined,
    );
    let base = ['paths', template, key, 'responses', status];
    if (isReference(documented)) {
      const name = documented.$ref.replace('#/components/responses/', '');
      documented = doc.components.responses[name];
      base = ['components', 'responses', name];
    }
    const response = documented as DocumentedResponse;

    const header = res.headers['content-type'] as string | undefined;
    const mediaType = header?.split(';')[0]?.trim().toLowerCase();
    if (!response.content) {
      expect(textOf(res), `${where} documents no body`).to.equal('');
    } else {
      expect(mediaType, `${where} answered without a Content-Type`).to.be.a('string');
      const media = mediaType as string;
      expect(Object.keys(response.content), `${where}: Content-Type ${media} is not documented`).to.include(
        media,
      );
      const validate = validatorAt([...base, 'content', media, 'schema']);
      if (isJson(media)) assertValid(validate, JSON.parse(textOf(res)), `${where} (${media})`);
      else if (media.startsWith('text/')) assertValid(validate, textOf(res), `${where} (${media})`);
      else expect(Buffer.isBuffer(res.body), `${where}: a binary body`).to.equal(true);
    }

    for (const [name, spec] of Object.entries(response.headers ?? {}) as [string, Header][]) {
      const value = res.headers[name.toLowerCase()] as string | undefined;
      if (spec.required) expect(value, `${where}: header ${name} is required`).to.be.a('string');
      if (value !== undefined) {
        assertValid(validatorAt([...base, 'headers', name, 'schema']), value, `${where} header ${name}`);
      }
    }
    seen.add(`${method} ${template} ${status}`);
  };

  return {
    seen,
    check,

    mismatch(res) {
      try {
        check(res);
        return undefined;
      } catch (err) {
        if (err instanceof AssertionError) return err.message;
        throw err;
      }
    },

    checkRequest(method, path, body) {
      const { template, key, op } = operationOf(method.toUpperCase(), path);
      expect(
        op.requestBody?.content['application/json'],
        `${method} ${template} takes a JSON body`,
      ).to.not.equal(undefined);
      const validate = validatorAt([
        'paths',
        template,
        key,
        'requestBody',
        'content',
        'application/json',
        'schema',
      ]);
      assertValid(validate, body, `the request body of ${method} ${template}`);
    },
  };
}
