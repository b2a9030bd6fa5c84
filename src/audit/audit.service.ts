import type { Prisma, PrismaClient } from '../db/prisma';
import { NotFoundError } from '../errors';
import { toPage, type Page, type PageQuery } from '../http/pagination';
import { presentAuditEvent } from './audit.presenter';
import { listAuditEvents } from './audit.queries';
import type { ListAuditQuery } from './audit.schema';

export type AuditEventView = ReturnType<typeof presentAuditEvent>;

export function createAuditService({ prisma }: { prisma: PrismaClient }) {
  async function listEvents(query: ListAuditQuery): Promise<Page<AuditEventView>> {
    const where: Prisma.AuditEventWhereInput = {
      entityType: query.entity,
      entityId: query.entityId,
      actorId: query.actor,
      action: query.action,
    };
    const { rows, total } = await listAuditEvents(prisma, where, query);
    return toPage(rows.map(presentAuditEvent), total, query);
  }

  /**
   * Everything that happened to a claim, starting with the import of its article; it includes events on what
   * hangs off the claim and is kept after the claim is deleted.
   */
  async function claimHistory(claimId: string, page: PageQuery): Promise<Page<AuditEventView>> {
    const claim = await prisma.claim.findUnique({ where: { id: claimId }, select: { articleId: true } });
    const where: Prisma.AuditEventWhereInput = claim
      ? { OR: [{ claimId }, { entityType: 'article', entityId: claim.articleId, action: 'article.created' }] }
      : { claimId };
    const { rows, total } = await listAuditEvents(prisma, where, page);
    if (!claim && total === 0) throw new NotFoundError('claim', claimId);
    return toPage(rows.map(presentAuditEvent), total, page);
  }

  return { listEvents, claimHistory };
}

export type AuditService = ReturnType<typeof createAuditService>;
