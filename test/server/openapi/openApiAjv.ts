import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { JsonSchema, OpenApiDocument } from '../../../server/openapi/openApiTypes.js';

/** Where the document's component schemas live inside Ajv. */
const COMPONENTS_ID = 'https://sevenfold.test/components.json';

/**
 * An Ajv for OpenAPI 3.1 schemas: JSON Schema 2020-12, strict (unknown keywords and type mistakes are
 * errors), every error reported, the standard formats, and the OpenAPI base vocabulary's keywords
 * (`discriminator`, `example`, `externalDocs`, `xml`) as annotations.
 */
export function openApiAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  formats.default(ajv);
  ajv.addVocabulary(['discriminator', 'example', 'externalDocs', 'xml']);
  return ajv;
}

/** A deep copy with `#/components/schemas/X` references pointing into the Ajv components schema. */
function rebased(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebased);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      key,
      key === '$ref' && typeof child === 'string'
        ? child.replace('#/components/schemas/', `${COMPONENTS_ID}#/$defs/`)
        : rebased(child),
    ]),
  );
}

/** The document's schemas in an Ajv: compile any schema of the document (its refs resolve). */
export interface DocumentSchemas {
  readonly ajv: Ajv2020;
  compile(schema: JsonSchema): ValidateFunction;
  /** Compiles the component schema `name`. */
  component(name: string): ValidateFunction;
}

/** Loads the component schemas of a document into a strict Ajv 2020. */
export function documentSchemas(doc: OpenApiDocument): DocumentSchemas {
  const ajv = openApiAjv();
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: rebased(doc.components.schemas) as object });
  return {
    ajv,
    compile: (schema) => ajv.compile(rebased(schema) as object),
    component: (name) => ajv.compile({ $ref: `${COMPONENTS_ID}#/$defs/${encodeURIComponent(name)}` }),
  };
}
