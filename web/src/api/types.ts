/**
 * Names for the API's schemas. Everything here comes from schema.d.ts, which web/scripts/generate-api-types.ts
 * generates from the server's own OpenAPI document: a changed API is a type error in the UI, never a drift.
 */
import type { components, operations, paths } from './schema';

export type { components, operations, paths };
type Schemas = components['schemas'];

export type Session = Schemas['Session'];
export type SessionUser = Session['user'];
export type Role = SessionUser['role'];
export type User = Schemas['User'];
export type ArticleSummary = Schemas['ArticleSummary'];
export type Article = Schemas['Article'];
export type Claim = Schemas['Claim'];
export type ClaimDetail = Schemas['ClaimDetail'];
export type ClaimQueueItem = Schemas['ClaimQueueItem'];
export type ClaimStatus = Claim['status'];
export type AuditEvent = Schemas['AuditEvent'];
export type HintFeature = ClaimDetail['hintFeatures'][number];
export type ApiErrorBody = Schemas['Error']['error'];
export type VersionChange = NonNullable<ApiErrorBody['changes']>[number];
export type ErrorDetail = NonNullable<ApiErrorBody['details']>[number];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
