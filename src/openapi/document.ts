import { registerArticlePaths } from '../articles/articles.openapi';
import { registerAuditPaths } from '../audit/audit.openapi';
import { registerAuthPaths } from '../auth/auth.openapi';
import { registerClaimPaths } from '../claims/claims.openapi';
import { registerHealthPaths } from '../health/health.openapi';
import { registerUserPaths } from '../users/users.openapi';
import { buildOpenApiDocument } from './registry';

export function openApiDocument() {
  return buildOpenApiDocument([
    registerHealthPaths,
    registerAuthPaths,
    registerArticlePaths,
    registerClaimPaths,
    registerAuditPaths,
    registerUserPaths,
  ]);
}
