import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

/** The OpenAPI document is generated from the same zod schemas that validate requests, so it cannot drift. */

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string().meta({ example: 'VALIDATION_FAILED' }),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
  }),
});

export function errorResponses(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: 'Invalid input (malformed JSON, failed validation or malformed id)',
    401: 'Missing, invalid, expired or revoked token',
    403: 'Signed in, but the role does not allow this',
    404: 'Not found',
    409: 'Conflict with the current state',
    413: 'Payload too large',
    415: 'Unsupported Content-Type',
    429: 'Too many attempts; see Retry-After',
  };
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: descriptions[status] ?? 'Error', content: { 'application/json': { schema: ErrorResponse } } },
    ]),
  );
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int(),
  });
}

/** `content` of a JSON request body or response. */
export const json = (schema: z.ZodType) => ({ 'application/json': { schema } });

export type PathRegistrar = (registry: OpenAPIRegistry) => void;

export function buildOpenApiDocument(registrars: PathRegistrar[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const register of registrars) register(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Checkmate API',
      version: '0.1.0',
      description:
        'Fact-check annotation service: articles are split into sentence claims that reviewers check. ' +
        'Claim offsets are Unicode code-point offsets into the article body, end exclusive.',
    },
    security: [{ bearerAuth: [] }],
  });
}
