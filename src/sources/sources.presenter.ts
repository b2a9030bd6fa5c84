import type { ClaimSourceRow, SourceListRow } from './sources.queries';

export function presentClaimSource(row: ClaimSourceRow) {
  return {
    sourceId: row.sourceId,
    claimId: row.claimId,
    url: row.url,
    title: row.title,
    publisher: row.publisher,
    sourceType: row.sourceType,
    accessedAt: row.accessedAt,
    archivedUrl: row.archivedUrl,
    sourceVersion: row.sourceVersion,
    stance: row.stance,
    excerpt: row.excerpt,
    addedBy: row.addedById ? { id: row.addedById, name: row.addedByName ?? '' } : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type ClaimSourceView = ReturnType<typeof presentClaimSource>;

export function presentSource(row: SourceListRow) {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    publisher: row.publisher,
    sourceType: row.sourceType,
    accessedAt: row.accessedAt,
    archivedUrl: row.archivedUrl,
    usedOnClaims: row.usedOnClaims,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit trail and a publication keep of a source record. */
export const auditableSource = (row: Pick<SourceListRow, 'url' | 'title' | 'publisher' | 'sourceType' | 'accessedAt' | 'archivedUrl' | 'version'>) => ({
  url: row.url,
  title: row.title,
  publisher: row.publisher,
  sourceType: row.sourceType,
  accessedAt: row.accessedAt,
  archivedUrl: row.archivedUrl,
  version: row.version,
});

export const auditableLink = (row: Pick<ClaimSourceRow, 'sourceId' | 'stance' | 'excerpt' | 'version'>) => ({
  sourceId: row.sourceId,
  stance: row.stance,
  excerpt: row.excerpt,
  version: row.version,
});

/** A source as a published fact-check shows it, frozen at publication. */
export function snapshotSource(row: ClaimSourceRow) {
  return {
    sourceId: row.sourceId,
    url: row.url,
    title: row.title,
    publisher: row.publisher,
    sourceType: row.sourceType,
    accessedAt: row.accessedAt,
    archivedUrl: row.archivedUrl,
    stance: row.stance,
    excerpt: row.excerpt,
  };
}

export type SourceSnapshot = ReturnType<typeof snapshotSource>;
