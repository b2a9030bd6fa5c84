import type { Pool } from 'pg';
import type { Prisma } from '../db/prisma';
import { queryRows, SqlConditions } from '../db/sql';
import type { SourceType, Stance } from '../generated/prisma/enums';
import { likePattern } from '../articles/articles.queries';

type Tx = Prisma.TransactionClient;

export interface SourceRecordRow {
  id: string;
  url: string;
  title: string;
  publisher: string | null;
  sourceType: SourceType;
  /** YYYY-MM-DD */
  accessedAt: string | null;
  archivedUrl: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type SourceListRow = SourceRecordRow & { usedOnClaims: number };

export interface ClaimSourceRow {
  id: string;
  claimId: string;
  sourceId: string;
  url: string;
  title: string;
  publisher: string | null;
  sourceType: SourceType;
  accessedAt: string | null;
  archivedUrl: string | null;
  sourceVersion: number;
  stance: Stance;
  excerpt: string | null;
  addedById: string | null;
  addedByName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const RECORD_COLUMNS = `s.id, s.url, s.title, s.publisher, s.source_type::text AS "sourceType", s.accessed_at::text AS "accessedAt",
  s.archived_url AS "archivedUrl", s.version, s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;

const LINK_COLUMNS = `cs.id, cs.claim_id AS "claimId", cs.source_id AS "sourceId", s.url, s.title, s.publisher,
  s.source_type::text AS "sourceType", s.accessed_at::text AS "accessedAt", s.archived_url AS "archivedUrl",
  s.version AS "sourceVersion", cs.stance::text AS stance, cs.excerpt, cs.added_by_id AS "addedById", u.name AS "addedByName",
  cs.version, cs.created_at AS "createdAt", cs.updated_at AS "updatedAt"`;
const LINK_FROM = `claim_sources cs JOIN sources s ON s.id = cs.source_id LEFT JOIN users u ON u.id = cs.added_by_id`;

export interface NewSourceRecord {
  url: string;
  title: string;
  publisher: string | null;
  sourceType: SourceType;
  accessedAt: string | null;
  archivedUrl: string | null;
  createdById: string;
}

/** The record for this URL: inserted, or the existing one (concurrent inserts of one URL meet on its key). */
export async function insertOrFindSource(tx: Tx, record: NewSourceRecord): Promise<{ id: string; created: boolean }> {
  const inserted = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO sources (url, title, publisher, source_type, accessed_at, archived_url, created_by_id, updated_at)
    VALUES (${record.url}, ${record.title}, ${record.publisher}, ${record.sourceType}::"SourceType", ${record.accessedAt}::date,
            ${record.archivedUrl}, ${record.createdById}::uuid, now())
    ON CONFLICT (url) DO NOTHING RETURNING id`;
  if (inserted.length) return { id: inserted[0].id, created: true };
  const [existing] = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM sources WHERE url = ${record.url}`;
  return { id: existing.id, created: false };
}

/** Links a source to a claim; undefined when it was already linked. */
export async function insertClaimSource(
  tx: Tx,
  link: { claimId: string; sourceId: string; stance: Stance; excerpt: string | null; addedById: string },
): Promise<string | undefined> {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO claim_sources (claim_id, source_id, stance, excerpt, added_by_id, updated_at)
    VALUES (${link.claimId}::uuid, ${link.sourceId}::uuid, ${link.stance}::"Stance", ${link.excerpt}, ${link.addedById}::uuid, now())
    ON CONFLICT (claim_id, source_id) DO NOTHING RETURNING id`;
  return row?.id;
}

export async function findClaimSource(db: Pool | Tx, claimId: string, sourceId: string, lock = false): Promise<ClaimSourceRow | undefined> {
  const sql = `SELECT ${LINK_COLUMNS} FROM ${LINK_FROM} WHERE cs.claim_id = $1::uuid AND cs.source_id = $2::uuid${lock ? ' FOR UPDATE OF cs' : ''}`;
  const rows = 'query' in db ? await queryRows<ClaimSourceRow>(db, sql, [claimId, sourceId]) : await db.$queryRawUnsafe<ClaimSourceRow[]>(sql, claimId, sourceId);
  return rows[0];
}

/** One page (limit + 1) of a claim's sources, in the order they were added. */
export function listClaimSources(pool: Pool, claimId: string, after: { createdAt: string; id: string } | undefined, limit: number) {
  const where = new SqlConditions().add('cs.claim_id = ?::uuid', claimId);
  if (after) where.add('(cs.created_at, cs.id) > (?::timestamptz, ?::uuid)', after.createdAt, after.id);
  return queryRows<ClaimSourceRow>(
    pool,
    `SELECT ${LINK_COLUMNS} FROM ${LINK_FROM} ${where.toSql()} ORDER BY cs.created_at, cs.id LIMIT ${where.param(limit + 1)}`,
    where.values,
  );
}

/** Every source of a claim as it reads now: what a publication freezes. */
export function allClaimSources(tx: Tx, claimId: string): Promise<ClaimSourceRow[]> {
  return tx.$queryRawUnsafe<ClaimSourceRow[]>(`SELECT ${LINK_COLUMNS} FROM ${LINK_FROM} WHERE cs.claim_id = $1::uuid ORDER BY cs.created_at, cs.id`, claimId);
}

export async function updateClaimSourceRow(tx: Tx, id: string, data: { stance?: Stance; excerpt?: string | null }): Promise<void> {
  await tx.claimSource.update({ where: { id }, data: { ...data, version: { increment: 1 } }, select: { id: true } });
}

export async function deleteClaimSourceRow(tx: Tx, id: string): Promise<void> {
  await tx.claimSource.delete({ where: { id }, select: { id: true } });
}

/** How many submitted verdicts on this claim rest on this source. */
export async function submittedVerdictsCiting(tx: Tx, claimId: string, sourceId: string): Promise<number> {
  const [row] = await tx.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM verdict_sources vs JOIN verdicts v ON v.id = vs.verdict_id
    WHERE v.claim_id = ${claimId}::uuid AND vs.source_id = ${sourceId}::uuid AND v.status = 'submitted'`;
  return row.n;
}

/** Drops a source from the drafts on this claim that cite it (the draft author re-picks). */
export async function removeFromDraftVerdicts(tx: Tx, claimId: string, sourceId: string): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM verdict_sources vs USING verdicts v
    WHERE v.id = vs.verdict_id AND v.claim_id = ${claimId}::uuid AND vs.source_id = ${sourceId}::uuid AND v.status = 'draft'`;
}

/** Sources linked to this claim among `sourceIds` (for verdicts, which may rest only on the claim's sources). */
export async function linkedSourceIds(tx: Tx, claimId: string, sourceIds: string[]): Promise<string[]> {
  if (sourceIds.length === 0) return [];
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT source_id::text AS id FROM claim_sources WHERE claim_id = ${claimId}::uuid AND source_id = ANY(${sourceIds}::uuid[])`;
  return rows.map((r) => r.id);
}

/** Newest first, one page (limit + 1), with how many claims use each. */
export function listSources(pool: Pool, filters: { q?: string }, after: { createdAt: string; id: string } | undefined, limit: number) {
  const where = new SqlConditions();
  if (filters.q) where.add(`(s.title ILIKE ? ESCAPE '\\' OR s.url ILIKE ? ESCAPE '\\')`, likePattern(filters.q), likePattern(filters.q));
  if (after) where.add('(s.created_at, s.id) < (?::timestamptz, ?::uuid)', after.createdAt, after.id);
  return queryRows<SourceListRow>(
    pool,
    `SELECT page.*, (SELECT count(*) FROM claim_sources cs WHERE cs.source_id = page.id)::int AS "usedOnClaims"
     FROM (SELECT ${RECORD_COLUMNS} FROM sources s ${where.toSql()} ORDER BY s.created_at DESC, s.id DESC LIMIT ${where.param(limit + 1)}) page
     ORDER BY page."createdAt" DESC, page.id DESC`,
    where.values,
  );
}

export async function findSource(db: Pool | Tx, id: string, lock = false): Promise<SourceListRow | undefined> {
  const sql = `SELECT ${RECORD_COLUMNS}, (SELECT count(*) FROM claim_sources cs WHERE cs.source_id = s.id)::int AS "usedOnClaims"
    FROM sources s WHERE s.id = $1::uuid${lock ? ' FOR UPDATE OF s' : ''}`;
  const rows = 'query' in db ? await queryRows<SourceListRow>(db, sql, [id]) : await db.$queryRawUnsafe<SourceListRow[]>(sql, id);
  return rows[0];
}

export function sourceUsages(pool: Pool, sourceId: string, limit: number) {
  return queryRows<{ claimId: string; articleId: string; articleTitle: string; claimText: string; stance: Stance; excerpt: string | null }>(
    pool,
    `SELECT c.id AS "claimId", c.article_id AS "articleId", a.title AS "articleTitle", c.text AS "claimText",
            cs.stance::text AS stance, cs.excerpt
     FROM claim_sources cs JOIN claims c ON c.id = cs.claim_id JOIN articles a ON a.id = c.article_id
     WHERE cs.source_id = $1::uuid ORDER BY cs.created_at DESC, cs.id DESC LIMIT $2`,
    [sourceId, limit],
  );
}

export async function updateSourceRow(tx: Tx, id: string, data: Partial<Omit<NewSourceRecord, 'url' | 'createdById'>>): Promise<void> {
  const { accessedAt, ...rest } = data;
  await tx.source.update({
    where: { id },
    data: {
      ...rest,
      ...(accessedAt === undefined ? {} : { accessedAt: accessedAt === null ? null : new Date(`${accessedAt}T00:00:00Z`) }),
      version: { increment: 1 },
    },
    select: { id: true },
  });
}
