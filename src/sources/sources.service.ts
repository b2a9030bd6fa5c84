import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { changesSince } from '../audit/audit.queries';
import { recordAudit } from '../audit/audit.recorder';
import { lockClaimState } from '../claims/claims.queries';
import type { Db } from '../db/sql';
import { ConflictError, NotFoundError } from '../errors';
import { cursorParts, decodeCursor, toPage, type PageQuery } from '../http/keyset';
import { assertVersion, type ExpectedVersion } from '../http/versions';
import { auditableLink, auditableSource, presentClaimSource, presentSource } from './sources.presenter';
import {
  deleteClaimSourceRow,
  findClaimSource,
  findSource,
  insertClaimSource,
  insertOrFindSource,
  listClaimSources,
  listSources,
  removeFromDraftVerdicts,
  sourceUsages,
  submittedVerdictsCiting,
  updateClaimSourceRow,
  updateSourceRow,
  type ClaimSourceRow,
} from './sources.queries';
import type { AddClaimSourceInput, ListSourcesQuery, UpdateClaimSourceInput, UpdateSourceInput } from './sources.schema';

const CLAIM_SOURCES = 'claim-sources:oldest';
const SOURCES = 'sources:newest';
const CursorKey = z.tuple([cursorParts.timestamp, cursorParts.uuid]);
const USAGES_SHOWN = 200;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Evidence. A source record per normalised URL, linked to each claim that uses it; the stance and excerpt belong to
 * the link (edited by its author or an editor), the record's fields to editors. A source a submitted verdict rests on
 * cannot be removed from the claim; publications keep their own snapshot.
 */
export function createSourceService({ prisma, pool }: Db) {
  async function listForClaim(claimId: string, query: PageQuery) {
    const key = query.cursor ? decodeCursor(CLAIM_SOURCES, query.cursor, CursorKey) : undefined;
    const rows = await listClaimSources(pool, claimId, key && { createdAt: key[0], id: key[1] }, query.limit);
    return toPage(rows, query.limit, CLAIM_SOURCES, (r) => [r.createdAt.toISOString(), r.id], presentClaimSource);
  }

  /** The link a PATCH or DELETE is about, for its permission check (404 when the claim does not use the source). */
  async function link(claimId: string, sourceId: string): Promise<ClaimSourceRow> {
    const row = await findClaimSource(pool, claimId, sourceId);
    if (!row) throw new NotFoundError('claim source');
    return row;
  }

  async function add(claimId: string, input: AddClaimSourceInput, actor: Actor): Promise<ClaimSourceRow> {
    return prisma.$transaction(async (tx) => {
      if (!(await lockClaimState(tx, claimId))) throw new NotFoundError('claim', claimId);
      const record = {
        url: input.url,
        title: input.title,
        publisher: input.publisher ?? null,
        sourceType: input.sourceType,
        accessedAt: input.accessedAt ?? today(),
        archivedUrl: input.archivedUrl ?? null,
        createdById: actor.userId,
      };
      const source = await insertOrFindSource(tx, record);
      if (source.created) {
        await recordAudit(tx, actor, { entityType: 'source', entityId: source.id, claimId, action: 'source.created', after: auditableSource({ ...record, version: 1 }) });
      }
      const linkId = await insertClaimSource(tx, { claimId, sourceId: source.id, stance: input.stance, excerpt: input.excerpt ?? null, addedById: actor.userId });
      if (!linkId) throw new ConflictError('SOURCE_ALREADY_LINKED', 'This source is already attached to the claim; edit its stance or excerpt instead');
      const row = (await findClaimSource(tx, claimId, source.id))!;
      await recordAudit(tx, actor, { entityType: 'claim_source', entityId: linkId, claimId, action: 'claim_source.added', after: auditableLink(row) });
      return row;
    });
  }

  async function updateLink(claimId: string, sourceId: string, input: UpdateClaimSourceInput, expected: ExpectedVersion | undefined, actor: Actor) {
    return prisma.$transaction(async (tx) => {
      const before = await findClaimSource(tx, claimId, sourceId, true);
      if (!before) throw new NotFoundError('claim source');
      await assertVersion(expected, before.version, 'claim source', (v) => changesSince(tx, 'claim_source', before.id, v));
      const data: { stance?: typeof before.stance; excerpt?: string | null } = {};
      if (input.stance !== undefined && input.stance !== before.stance) data.stance = input.stance;
      if (input.excerpt !== undefined && input.excerpt !== before.excerpt) data.excerpt = input.excerpt;
      if (Object.keys(data).length === 0) return before;
      await updateClaimSourceRow(tx, before.id, data);
      const after = (await findClaimSource(tx, claimId, sourceId))!;
      await recordAudit(tx, actor, { entityType: 'claim_source', entityId: before.id, claimId, action: 'claim_source.updated', before: auditableLink(before), after: auditableLink(after) });
      return after;
    });
  }

  async function removeLink(claimId: string, sourceId: string, actor: Actor): Promise<void> {
    await prisma.$transaction(async (tx) => {
      if (!(await lockClaimState(tx, claimId))) throw new NotFoundError('claim', claimId);
      const link = await findClaimSource(tx, claimId, sourceId, true);
      if (!link) throw new NotFoundError('claim source');
      if ((await submittedVerdictsCiting(tx, claimId, sourceId)) > 0) {
        throw new ConflictError('SOURCE_IN_USE', 'A submitted verdict rests on this source; an editor must reopen that verdict first');
      }
      await removeFromDraftVerdicts(tx, claimId, sourceId);
      await deleteClaimSourceRow(tx, link.id);
      await recordAudit(tx, actor, { entityType: 'claim_source', entityId: link.id, claimId, action: 'claim_source.removed', before: auditableLink(link), after: null });
    });
  }

  async function list(query: ListSourcesQuery) {
    const key = query.cursor ? decodeCursor(SOURCES, query.cursor, CursorKey) : undefined;
    const rows = await listSources(pool, { q: query.q }, key && { createdAt: key[0], id: key[1] }, query.limit);
    return toPage(rows, query.limit, SOURCES, (r) => [r.createdAt.toISOString(), r.id], presentSource);
  }

  async function get(id: string) {
    const row = await findSource(pool, id);
    if (!row) throw new NotFoundError('source', id);
    return { ...presentSource(row), usages: await sourceUsages(pool, id, USAGES_SHOWN) };
  }

  async function updateSource(id: string, input: UpdateSourceInput, expected: ExpectedVersion | undefined, actor: Actor) {
    await prisma.$transaction(async (tx) => {
      const before = await findSource(tx, id, true);
      if (!before) throw new NotFoundError('source', id);
      await assertVersion(expected, before.version, 'source', (v) => changesSince(tx, 'source', id, v));
      const { version: _version, ...fields } = input;
      const data = Object.fromEntries(
        Object.entries(fields).filter(([key, value]) => value !== undefined && value !== before[key as keyof typeof before]),
      );
      if (Object.keys(data).length === 0) return;
      await updateSourceRow(tx, id, data);
      const after = (await findSource(tx, id))!;
      await recordAudit(tx, actor, { entityType: 'source', entityId: id, action: 'source.updated', before: auditableSource(before), after: auditableSource(after) });
    });
    return get(id);
  }

  return { listForClaim, link, add, updateLink, removeLink, list, get, updateSource };
}

export type SourceService = ReturnType<typeof createSourceService>;
