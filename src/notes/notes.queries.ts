import type { Pool } from 'pg';
import type { Prisma } from '../db/prisma';
import { queryRows, SqlConditions } from '../db/sql';

export interface NoteRow {
  id: string;
  claimId: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: Date;
}

const NOTE_COLUMNS = `n.id, n.claim_id AS "claimId", n.author_id AS "authorId", u.name AS "authorName", n.body, n.created_at AS "createdAt"`;

/** Oldest first (a conversation), one page (limit + 1). */
export function listNotes(pool: Pool, claimId: string, after: { createdAt: string; id: string } | undefined, limit: number) {
  const where = new SqlConditions().add('n.claim_id = ?::uuid', claimId);
  if (after) where.add('(n.created_at, n.id) > (?::timestamptz, ?::uuid)', after.createdAt, after.id);
  return queryRows<NoteRow>(
    pool,
    `SELECT ${NOTE_COLUMNS} FROM notes n JOIN users u ON u.id = n.author_id ${where.toSql()}
     ORDER BY n.created_at, n.id LIMIT ${where.param(limit + 1)}`,
    where.values,
  );
}

export async function insertNote(tx: Prisma.TransactionClient, note: { claimId: string; authorId: string; body: string }): Promise<NoteRow> {
  const { id } = await tx.note.create({ data: note, select: { id: true } });
  const [row] = await tx.$queryRawUnsafe<NoteRow[]>(`SELECT ${NOTE_COLUMNS} FROM notes n JOIN users u ON u.id = n.author_id WHERE n.id = $1::uuid`, id);
  return row;
}
