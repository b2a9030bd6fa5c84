import type { ClaimSourceRow, SourceListRow } from './sources.queries';

type RecordFields = Pick<SourceListRow, 'url' | 'title' | 'publisher' | 'sourceType' | 'accessedAt' | 'archivedUrl'>;

/** The source record's own fields, as every view of a source shows them. */
const recordFields = (row: RecordFields) => ({
  url: row.url,
  title: row.title,
  publisher: row.publisher,
  sourceType: row.sourceType,
  accessedAt: row.accessedAt,
  archivedUrl: row.archivedUrl,
});

export function presentClaimSource(row: ClaimSourceRow) {
  return {
    sourceId: row.sourceId,
    claimId: row.claimId,
    ...recordFields(row),
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
    ...recordFields(row),
    usedOnClaims: row.usedOnClaims,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit trail and a publication keep of a source record. */
export const auditableSource = (row: RecordFields & { version: number }) => ({ ...recordFields(row), version: row.version });

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
    ...recordFields(row),
    stance: row.stance,
    excerpt: row.excerpt,
  };
}

export type SourceSnapshot = ReturnType<typeof snapshotSource>;
