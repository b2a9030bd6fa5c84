import { ROUTES } from '../routes';
import { buildOpenApiDocument } from './registry';

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The API document of the route table (built once: it only depends on code). */
export function openApiDocument() {
  cached ??= buildOpenApiDocument(ROUTES);
  return cached;
}
