import type { Pool } from 'pg';
import type { Prisma, PrismaClient } from '../db/prisma';
import { queryRows } from '../db/sql';

export interface LevelRow {
  id: string;
  key: string;
  label: string;
  value: number | null;
  description: string;
  color: string;
  position: number;
  archived: boolean;
}

export interface ScaleRow {
  id: string;
  name: string;
  description: string | null;
  isDefault: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  levels: LevelRow[];
}

type Client = PrismaClient | Prisma.TransactionClient;

const scaleSelect = {
  id: true,
  name: true,
  description: true,
  isDefault: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  levels: {
    select: { id: true, key: true, label: true, value: true, description: true, color: true, position: true, archived: true },
    orderBy: { position: 'asc' },
  },
} satisfies Prisma.RatingScaleSelect;

export function findScale(db: Client, id: string): Promise<ScaleRow | null> {
  return db.ratingScale.findUnique({ where: { id }, select: scaleSelect });
}

export function findDefaultScale(db: Client): Promise<ScaleRow | null> {
  return db.ratingScale.findFirst({ where: { isDefault: true }, select: scaleSelect, orderBy: { createdAt: 'asc' } });
}

/** The scale an article's verdicts use: its own, or the desk default. */
export async function findScaleOfArticle(db: Client, articleId: string): Promise<ScaleRow | null> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { ratingScaleId: true } });
  if (!article) return null;
  return article.ratingScaleId ? findScale(db, article.ratingScaleId) : findDefaultScale(db);
}

/**
 * The levels (key, id, archived) of the scale an article's verdicts use, in scale order, in one query: what saving a
 * verdict needs to turn a level key into a level (findScaleOfArticle takes three ORM queries).
 */
export function levelsOfArticleScale(tx: Prisma.TransactionClient, articleId: string): Promise<Array<{ id: string; key: string; archived: boolean }>> {
  return tx.$queryRaw`
    SELECT l.id, l.key, l.archived FROM rating_levels l
    WHERE l.scale_id = coalesce(
      (SELECT rating_scale_id FROM articles WHERE id = ${articleId}::uuid),
      (SELECT id FROM rating_scales WHERE is_default ORDER BY created_at LIMIT 1))
    ORDER BY l.position`;
}

/** Oldest first, one page (limit + 1 rows). */
export async function listScales(db: Client, pool: Pool, after: { createdAt: string; id: string } | undefined, limit: number): Promise<ScaleRow[]> {
  const ids = await queryRows<{ id: string }>(
    pool,
    `SELECT id FROM rating_scales WHERE ($1::timestamptz IS NULL OR (created_at, id) > ($1::timestamptz, $2::uuid))
     ORDER BY created_at, id LIMIT $3`,
    [after?.createdAt ?? null, after?.id ?? null, limit + 1],
  );
  const rows = await db.ratingScale.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: scaleSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((r) => byId.get(r.id)!).filter(Boolean);
}

export async function lockScale(tx: Prisma.TransactionClient, id: string): Promise<ScaleRow | null> {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM rating_scales WHERE id = ${id}::uuid FOR UPDATE`;
  return locked.length ? findScale(tx, id) : null;
}

export function insertScale(tx: Prisma.TransactionClient, data: { name: string; description: string | null; createdById: string }) {
  return tx.ratingScale.create({ data, select: { id: true } });
}

export function insertLevels(tx: Prisma.TransactionClient, scaleId: string, levels: Array<Omit<LevelRow, 'id' | 'archived'>>) {
  return tx.ratingLevel.createMany({ data: levels.map((level) => ({ ...level, scaleId })) });
}

export function updateLevel(tx: Prisma.TransactionClient, id: string, data: Partial<Pick<LevelRow, 'label' | 'description' | 'color' | 'archived'>>) {
  return tx.ratingLevel.update({ where: { id }, data, select: { id: true } });
}

export function bumpScale(tx: Prisma.TransactionClient, id: string, data: { name?: string; description?: string | null }) {
  return tx.ratingScale.update({ where: { id }, data: { ...data, version: { increment: 1 } }, select: { id: true } });
}

export async function scaleNameTaken(db: Client, name: string, exceptId?: string): Promise<boolean> {
  const found = await db.ratingScale.findUnique({ where: { name }, select: { id: true } });
  return Boolean(found && found.id !== exceptId);
}
