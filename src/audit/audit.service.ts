import type { Db } from '../db/sql';
import { NotFoundError } from '../errors';
import { cursorParts, decodeCursor, toPage, type Page, type PageQuery } from '../http/keyset';
import { z } from 'zod';
import { auditCursorKey, presentAuditEvent, type AuditEventView } from './audit.presenter';
import { claimHasEvents, listAuditEvents, type AuditFilters } from './audit.queries';
import type { ListAuditQuery } from './audit.schema';

const ORDERING = 'audit:newest';
const CursorKey = z.tuple([cursorParts.timestamp, cursorParts.uuid]);

export function createAuditService({ pool }: Db) {
  async function page(filters: AuditFilters, query: PageQuery): Promise<Page<AuditEventView>> {
    const after = query.cursor ? decodeCursor(ORDERING, query.cursor, CursorKey) : undefined;
    const rows = await listAuditEvents(pool, filters, after && { occurredAt: after[0], id: after[1] }, query.limit);
    return toPage(rows, query.limit, ORDERING, auditCursorKey, presentAuditEvent);
  }

  function listEvents(query: ListAuditQuery): Promise<Page<AuditEventView>> {
    return page({ entityType: query.entity, entityId: query.entityId, actorId: query.actor, action: query.action }, query);
  }

  /**
   * Everything that happened to a claim, starting with the import of its article; it includes events on what
   * hangs off the claim and is kept after the claim is deleted (merged away). `hidden` leaves out what the
   * viewer may not see yet.
   */
  async function claimHistory(
    claim: { id: string; articleId: string | null },
    query: PageQuery,
    hidden?: AuditFilters['hidden'],
  ): Promise<Page<AuditEventView>> {
    if (!claim.articleId && !(await claimHasEvents(pool, claim.id))) throw new NotFoundError('claim', claim.id);
    return page({ claim, hidden }, query);
  }

  return { listEvents, claimHistory };
}

export type AuditService = ReturnType<typeof createAuditService>;
