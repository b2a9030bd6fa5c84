import { registerArticlePaths } from '../articles/articles.openapi';
import { registerClaimPaths } from '../claims/claims.openapi';
import { registerHealthPaths } from '../health/health.openapi';
import { buildOpenApiDocument } from './registry';

export function openApiDocument() {
  return buildOpenApiDocument([registerHealthPaths, registerArticlePaths, registerClaimPaths]);
}
