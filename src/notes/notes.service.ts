import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/audit.recorder';
import type { Prisma } from '../db/prisma';
import type { Db } from '../db/sql';
import { NotFoundError } from '../errors';
import { cursorParts, decodeCursor, toPage, type PageQuery } from '../http/keyset';
import { lockClaimState } from '../claims/claims.queries';
import { insertNote, listNotes, type NoteRow } from './notes.queries';

const ORDERING = 'notes:oldest';
const CursorKey = z.tuple([cursorParts.timestamp, cursorParts.uuid]);

export function presentNote(row: NoteRow) {
  return { id: row.id, claimId: row.claimId, author: { id: row.authorId, name: row.authorName }, body: row.body, createdAt: row.createdAt.toISOString() };
}

/** Writes a desk note inside a caller's transaction (also used for the note that comes with sending a claim back). */
export async function writeNote(tx: Prisma.TransactionClient, claimId: string, body: string, actor: Actor): Promise<NoteRow> {
  const note = await insertNote(tx, { claimId, authorId: actor.userId, body });
  await recordAudit(tx, actor, { entityType: 'note', entityId: note.id, claimId, action: 'note.added', after: { body } });
  return note;
}

/** Desk notes: anyone on the desk comments on a claim; notes are never public (no export shows them to readers). */
export function createNoteService({ prisma, pool }: Db) {
  async function list(claimId: string, query: PageQuery) {
    const key = query.cursor ? decodeCursor(ORDERING, query.cursor, CursorKey) : undefined;
    const rows = await listNotes(pool, claimId, key && { createdAt: key[0], id: key[1] }, query.limit);
    return toPage(rows, query.limit, ORDERING, (r) => [r.createdAt.toISOString(), r.id], presentNote);
  }

  async function add(claimId: string, body: string, actor: Actor): Promise<NoteRow> {
    return prisma.$transaction(async (tx) => {
      if (!(await lockClaimState(tx, claimId))) throw new NotFoundError('claim', claimId);
      return writeNote(tx, claimId, body, actor);
    });
  }

  return { list, add };
}

export type NoteService = ReturnType<typeof createNoteService>;
