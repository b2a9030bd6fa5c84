/** The operations of the OpenAPI document, as the fuzz test walks them: every path × method. */
import { openApiDocument } from '../../src/openapi/document';

export type JsonSchema = Record<string, any>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The document's path, e.g. /api/claims/{id}/sources/{sourceId}. */
  path: string;
  /** JSON pointer of the operation in the document (for validators and messages). */
  pointer: string;
  isPublic: boolean;
  pathParams: Parameter[];
  queryParams: Parameter[];
  headerParams: Parameter[];
  requestBody?: { required: boolean; content: Record<string, JsonSchema> };
  /** Documented statuses, with the media type of the body when there is one. */
  /** Documented media types per status (none: an empty body). */
  responses: Record<number, { contentTypes: string[] }>;
}

export type OpenApiDocument = ReturnType<typeof openApiDocument> & Record<string, any>;

export const document = (): OpenApiDocument => openApiDocument() as OpenApiDocument;

const pointerToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

export function operations(doc: OpenApiDocument = document()): Operation[] {
  const result: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {}) as Array<[string, Record<string, any>]>) {
    for (const [method, op] of Object.entries(item)) {
      const parameters: Parameter[] = (op.parameters ?? []).map((p: any) => ({ name: p.name, in: p.in, required: Boolean(p.required), schema: p.schema ?? {} }));
      result.push({
        operationId: op.operationId,
        method: method as Operation['method'],
        path,
        pointer: `/paths/${pointerToken(path)}/${method}`,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        headerParams: parameters.filter((p) => p.in === 'header'),
        requestBody: op.requestBody
          ? {
              required: Boolean(op.requestBody.required),
              content: Object.fromEntries(Object.entries(op.requestBody.content ?? {}).map(([type, media]: [string, any]) => [type, media.schema ?? {}])),
            }
          : undefined,
        responses: Object.fromEntries(
          Object.entries(op.responses ?? {}).map(([status, response]: [string, any]) => [
            Number(status),
            { contentTypes: response.content ? Object.keys(response.content) : [] },
          ]),
        ),
      });
    }
  }
  return result;
}

/** Follows a local `$ref` (#/components/...) to its schema. */
export function deref(schema: JsonSchema, doc: OpenApiDocument = document()): JsonSchema {
  let current = schema;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 20; hops++) {
    const path = current.$ref.replace(/^#\//, '').split('/').map((t: string) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    current = path.reduce((node: any, token: string) => node?.[token], doc);
  }
  return current ?? {};
}
