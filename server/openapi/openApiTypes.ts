/** The parts of an OpenAPI 3.1 document that Sevenfold's document uses. */

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it). */
export type JsonSchema = { [keyword: string]: unknown };

/** A reference to a component (`{ $ref: '#/components/...' }`). */
export interface Reference {
  $ref: string;
}

/** A media type of a request or response body. */
export interface MediaType {
  schema: JsonSchema;
  encoding?: Record<string, { contentType?: string }>;
}

/** A response header. */
export interface Header {
  description: string;
  required?: boolean;
  schema: JsonSchema;
}

/** A response of an operation. */
export interface Response {
  description: string;
  headers?: Record<string, Header>;
  content?: Record<string, MediaType>;
}

/** A path, query or header parameter. */
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}

/** A request body. */
export interface RequestBody {
  required: boolean;
  description?: string;
  content: Record<string, MediaType>;
}

/** One operation (a method on a path). */
export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: (Parameter | Reference)[];
  requestBody?: RequestBody;
  responses: Record<string, Response | Reference>;
}

/** The HTTP methods the API uses. */
export type HttpMethod = 'get' | 'post' | 'patch';

/** The operations of one path. */
export type PathItem = Partial<Record<HttpMethod, Operation>>;

/** The paths of the API, each a path template such as `/api/cases/{id}`. */
export type Paths = Record<string, PathItem>;

/** An OpenAPI 3.1 document. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  jsonSchemaDialect: string;
  servers: { url: string; description?: string }[];
  tags: { name: string; description: string }[];
  paths: Paths;
  components: {
    securitySchemes: Record<
      string,
      { type: 'http'; scheme: 'bearer'; bearerFormat: string; description: string }
    >;
    schemas: Record<string, JsonSchema>;
    responses: Record<string, Response>;
  };
}
