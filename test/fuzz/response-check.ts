/**
 * What every response of the API must satisfy, checked against the OpenAPI document itself (JSON Schema 2020-12
 * through ajv, not the zod schemas the document was generated from): no 5xx, a documented status, a body that
 * matches the documented schema, errors in the one error shape carrying the request's id.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import type { OpenApiDocument, Operation } from './operations';

const DOCUMENT_ID = 'https://checkmate.example/openapi.json';

/** Error codes that must never reach a client: a server fault, or the database refusing input the edge let through. */
export const FORBIDDEN_ERROR_CODES = ['INTERNAL', 'UNSTORABLE_VALUE'];

export function responseValidator(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(doc, DOCUMENT_ID);
  const cache = new Map<string, ValidateFunction>();
  const compile = (pointer: string) => {
    let validate = cache.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer.split('/').map(encodeURIComponent).join('/')}` });
      cache.set(pointer, validate);
    }
    return validate;
  };
  const errorSchema = compile('/components/schemas/Error');

  /** Problems with one response to `op`; empty when it is what the document promises. */
  return function check(op: Operation, res: Response): string[] {
    const problems: string[] = [];
    const documented = op.responses[res.status];
    if (res.status >= 500 && !(op.operationId === 'readiness' && res.status === 503)) problems.push(`server error ${res.status}`);
    if (!documented) {
      problems.push(`status ${res.status} is not documented for ${op.operationId} (documented: ${Object.keys(op.responses).join(', ')})`);
    }
    const contentType = String(res.headers['content-type'] ?? '');
    const mediaType = contentType.split(';')[0].trim().toLowerCase();
    const expectsBody = documented ? documented.contentTypes.length > 0 : res.status !== 204;
    if (!expectsBody) {
      if (res.text) problems.push(`a ${res.status} must have no body, got ${res.text.slice(0, 200)}`);
      return problems;
    }
    // Errors are always JSON; a success is one of the media types documented for its status.
    const allowed = res.status >= 400 || !documented ? ['application/json'] : documented.contentTypes;
    if (!allowed.includes(mediaType)) {
      problems.push(`content type ${contentType || 'none'} is not one documented (${allowed.join(', ')})`);
      return problems;
    }
    const isJson = mediaType === 'application/json' || mediaType.endsWith('+json');
    const body = isJson ? (res.body && Object.keys(res.body).length === 0 && res.text ? JSON.parse(res.text) : res.body) : res.text;
    if (res.status >= 400) {
      if (!errorSchema(body)) problems.push(`error body is not the Error shape: ${ajv.errorsText(errorSchema.errors)}`);
      const code = body?.error?.code;
      if (FORBIDDEN_ERROR_CODES.includes(code)) problems.push(`error code ${code}`);
      const requestId = res.headers['x-request-id'];
      if (body?.error?.requestId !== requestId) problems.push(`error.requestId ${body?.error?.requestId} is not the X-Request-Id ${requestId}`);
    }
    if (documented && documented.contentTypes.includes(mediaType)) {
      const status = String(res.status);
      const validate = compile(`${op.pointer}/responses/${status}/content/${mediaType.replace(/~/g, '~0').replace(/\//g, '~1')}/schema`);
      if (!validate(body)) problems.push(`body does not match the documented ${status} schema: ${ajv.errorsText(validate.errors, { separator: '; ' }).slice(0, 1000)}`);
    }
    return problems;
  };
}
