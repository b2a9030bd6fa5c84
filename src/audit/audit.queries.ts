import type { Pool } from 'pg';
import { queryRows, SqlConditions } from '../db/sql';
import type { Prisma } from '../db/prisma';
import type { Role } from '../domain/enums';
import type { VersionChange } from '../errors';
import { changedFields } from './audit.recorder';

export interface AuditEventRow {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  actorRole: Role | null;
  entityType: string;
  entityId: string;
  action: string;
  claimId: string | null;
  before: unknown;
  after: unknown;
  context: unknown;
  requestId: string | null;
}

const EVENT_COLUMNS = `e.id, e.occurred_at AS "occurredAt", e.actor_id AS "actorId", u.email::text AS "actorEmail",
  u.name AS "actorName", u.role::text AS "actorRole", e.entity_type AS "entityType", e.entity_id AS "entityId", e.action,
  e.claim_id AS "claimId", e.before, e.after, e.context, e.request_id AS "requestId"`;

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  /** Events of a claim, plus the import of its article. */
  claim?: { id: string; articleId: string | null };
  /** Events of these entity types by anyone but `exceptActorId` are left out (the blind-review rule). */
  hidden?: { entityTypes: string[]; exceptActorId: string };
}

/** Newest first; the id breaks ties between events written in the same millisecond. One page, limit + 1 rows. */
export async function listAuditEvents(
  pool: Pool,
  filters: AuditFilters,
  after: { occurredAt: string; id: string } | undefined,
  limit: number,
): Promise<AuditEventRow[]> {
  const where = new SqlConditions();
  if (filters.entityType) where.add('e.entity_type = ?', filters.entityType);
  if (filters.entityId) where.add('e.entity_id = ?::uuid', filters.entityId);
  if (filters.actorId) where.add('e.actor_id = ?::uuid', filters.actorId);
  if (filters.action) where.add('e.action = ?', filters.action);
  if (filters.claim) {
    where.add(
      "(e.claim_id = ?::uuid OR (e.entity_type = 'article' AND e.entity_id = ?::uuid AND e.action = 'article.created'))",
      filters.claim.id,
      filters.claim.articleId,
    );
  }
  if (filters.hidden?.entityTypes.length) {
    where.add('NOT (e.entity_type = ANY(?::text[]) AND e.actor_id IS DISTINCT FROM ?::uuid)', filters.hidden.entityTypes, filters.hidden.exceptActorId);
  }
  if (after) where.add('(e.occurred_at, e.id) < (?::timestamptz, ?::uuid)', after.occurredAt, after.id);
  return queryRows<AuditEventRow>(
    pool,
    `SELECT ${EVENT_COLUMNS} FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
     ${where.toSql()} ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${where.param(limit + 1)}`,
    where.values,
  );
}

/** True when any event names this claim (a deleted claim still has a history). */
export async function claimHasEvents(pool: Pool, claimId: string): Promise<boolean> {
  const rows = await queryRows(pool, 'SELECT 1 FROM audit_events WHERE claim_id = $1::uuid LIMIT 1', [claimId]);
  return rows.length > 0;
}

/** Audit snapshot keys that the API shows under another name (the conflict names fields as clients know them). */
const API_FIELD_NAMES: Record<string, string> = {
  claimantName: 'claimant',
  claimantRole: 'claimant',
  retractionNote: 'retraction',
  sentenceStart: 'sentenceStart',
  sentenceEnd: 'sentenceEnd',
};

/** The changes recorded on an entity after `version`, oldest first: who changed which fields (API names). */
export async function changesSince(
  tx: Prisma.TransactionClient,
  entityType: string,
  entityId: string,
  version: number,
): Promise<VersionChange[]> {
  const rows = await tx.$queryRaw<Array<{ occurredAt: Date; action: string; before: unknown; after: unknown; actorId: string | null; actorName: string | null; version: number }>>`
    SELECT e.occurred_at AS "occurredAt", e.action, e.before, e.after, e.actor_id AS "actorId", u.name AS "actorName",
           (e.after->>'version')::int AS version
    FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
    WHERE e.entity_type = ${entityType} AND e.entity_id = ${entityId}::uuid AND (e.after->>'version')::int > ${version}
    ORDER BY e.occurred_at, e.id`;
  return rows.map((row) => ({
    version: row.version,
    at: row.occurredAt.toISOString(),
    by: row.actorId ? { id: row.actorId, name: row.actorName ?? '' } : null,
    action: row.action,
    fields: [...new Set(changedFields(row.before, row.after).map((field) => API_FIELD_NAMES[field] ?? field))],
  }));
}
