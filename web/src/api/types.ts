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

// The review workflow.
export type Assignment = Schemas['Assignment'];
export type MyAssignment = Schemas['MyAssignment'];
export type VerdictProgress = Assignment['verdict'];
export type ClaimSource = Schemas['ClaimSource'];
export type Stance = ClaimSource['stance'];
export type SourceType = ClaimSource['sourceType'];
export type Note = Schemas['Note'];
export type LevelSummary = Schemas['LevelSummary'];
/**
 * The document describes Verdict.level as allOf [LevelSummary, object|null], which openapi-typescript cannot
 * read as "a level or null" (it is null for a draft without a level); the API answers exactly that.
 */
export type Verdict = Omit<Schemas['Verdict'], 'level'> & { level: LevelSummary | null };
export type Ruling = Schemas['Ruling'];
export type Consensus = NonNullable<ClaimDetail['review']['consensus']>;
export type RatingScale = Schemas['RatingScale'];
export type RatingLevel = Schemas['RatingLevel'];

type ReportQuery = operations['getArticleReport']['parameters']['query'];
export type ReportFormat = ReportQuery['format'];
export type Audience = NonNullable<ReportQuery['audience']>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
