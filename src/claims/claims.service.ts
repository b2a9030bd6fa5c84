import { z } from 'zod';
import type { Db } from '../db/sql';
import { NotFoundError } from '../errors';
import { cursorParts, decodeCursor, encodeCursor, toPage, type Page, type PageQuery } from '../http/keyset';
import type { AuditEventView } from '../audit/audit.presenter';
import type { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { verdictVisibility } from '../verdicts/visibility';
import { isEditor } from '../domain/enums';
import { articleExists } from '../articles/articles.queries';
import { presentClaim, presentQueueItem, type ClaimView } from './claims.presenter';
import { findClaim, listArticleClaims, listClaimQueue, type ArticleClaimsAfter, type ClaimRow, type QueueRow } from './claims.queries';
import type { ClaimQueueQuery, ListArticleClaimsQuery } from './claims.schema';
import { findClaimAccess, type ClaimAccessRow } from './review-state.queries';

/** Reading claims: one claim, an article's claims in either order, and the desk-wide queue. */

const BY_POSITION = 'claims:position';
const BY_WORTHINESS = 'claims:worthiness';
const QUEUE = 'claims:queue';
const PositionKey = z.tuple([cursorParts.int]);
const WorthinessKey = z.tuple([cursorParts.number.nullable(), cursorParts.int]);
const QueueKey = z.tuple([cursorParts.timestamp, cursorParts.uuid]);

export function createClaimService({ pool }: Db, audit: AuditService) {
  async function getClaim(id: string): Promise<ClaimRow> {
    const claim = await findClaim(pool, id);
    if (!claim) throw new NotFoundError('claim', id);
    return claim;
  }

  /** A page of an article's claims; 404 when the article does not exist. */
  async function listForArticle(articleId: string, query: ListArticleClaimsQuery, viewer: Actor): Promise<Page<ClaimView>> {
    const after = decodeArticleClaimsCursor(query);
    const filters = { status: query.status, checkWorthy: query.checkWorthy, assignee: resolveAssignee(query.assignee, viewer) };
    const rows = await listArticleClaims(pool, articleId, filters, query.sort, after, query.limit, isEditor(viewer.role));
    if (rows.length === 0 && !query.cursor && !(await articleExists(pool, articleId))) {
      throw new NotFoundError('article', articleId);
    }
    return query.sort === 'position'
      ? toPage(rows, query.limit, BY_POSITION, (c) => [c.position], presentClaim)
      : toPage(rows, query.limit, BY_WORTHINESS, (c) => [c.hint, c.position], presentClaim);
  }

  /** The first claims of an article in position order (no existence check: the caller loads the article). */
  async function firstPage(articleId: string, limit: number, viewer: Actor): Promise<Page<ClaimView>> {
    const rows = await listArticleClaims(pool, articleId, {}, 'position', undefined, limit, isEditor(viewer.role));
    return toPage(rows, limit, BY_POSITION, (c) => [c.position], presentClaim);
  }

  async function queue(query: ClaimQueueQuery, viewer: Actor): Promise<Page<ReturnType<typeof presentQueueItem>>> {
    const key = query.cursor ? decodeCursor(QUEUE, query.cursor, QueueKey) : undefined;
    const rows = await listClaimQueue(
      pool,
      {
        status: query.status,
        checkWorthy: query.checkWorthy,
        articleId: query.articleId,
        assignee: resolveAssignee(query.assignee, viewer),
        overdue: query.overdue,
      },
      key && { statusChangedAt: key[0], id: key[1] },
      query.limit,
      isEditor(viewer.role),
    );
    return toPage(rows, query.limit, QUEUE, (c: QueueRow) => [c.statusChangedAt.toISOString(), c.id], presentQueueItem);
  }

  /** Who is assigned and who has submitted: what permission policies and the blind rule look at. */
  async function access(id: string): Promise<ClaimAccessRow> {
    const claim = await findClaimAccess(pool, id);
    if (!claim) throw new NotFoundError('claim', id);
    return claim;
  }

  /**
   * A claim's history; a claim merged away still has one. The blind rule applies: until the viewer may see the
   * submitted verdicts, other people's verdict events are left out, and so are rulings they may not see yet.
   */
  async function history(id: string, query: PageQuery, viewer: Actor): Promise<Page<AuditEventView>> {
    const access = await findClaimAccess(pool, id);
    const visible = access ? verdictVisibility(viewer, access) : undefined;
    const hidden = [...(visible && !visible.submittedVerdicts ? ['verdict'] : []), ...(visible && !visible.unpublishedRuling ? ['ruling'] : [])];
    return audit.claimHistory({ id, articleId: access?.articleId ?? null }, query, { entityTypes: hidden, exceptActorId: viewer.userId });
  }

  return { getClaim, access, listForArticle, firstPage, queue, history };
}

export type ClaimService = ReturnType<typeof createClaimService>;

/** The cursor of an article's claims list (position order) just after `position`. */
export const positionCursorAfter = (position: number) => encodeCursor(BY_POSITION, [position]);

const resolveAssignee = (assignee: string | undefined, viewer: Actor) => (assignee === 'me' ? viewer.userId : assignee);

function decodeArticleClaimsCursor(query: ListArticleClaimsQuery): ArticleClaimsAfter | undefined {
  if (!query.cursor) return undefined;
  if (query.sort === 'position') {
    const [position] = decodeCursor(BY_POSITION, query.cursor, PositionKey);
    return { sort: 'position', position };
  }
  const [hint, position] = decodeCursor(BY_WORTHINESS, query.cursor, WorthinessKey);
  return { sort: 'worthiness', hint, position };
}
