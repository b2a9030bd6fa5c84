import type { Request } from 'express';
import { PreconditionFailedError, PreconditionRequiredError, ValidationError, VersionConflictError, type VersionChange } from '../errors';

/**
 * Optimistic concurrency: every update says which version it read, as `If-Match: "3"` or a `version` field.
 * A stale If-Match is 412 (the HTTP precondition), a stale field 409 VERSION_CONFLICT naming who changed which
 * fields since, and neither 428. Services call assertVersion() after locking the row they change.
 */
export interface ExpectedVersion {
  version: number;
  via: 'if-match' | 'field';
}

const ETAG_VALUE = /^(?:W\/)?"?(\d{1,9})"?$/;

export const etagOf = (version: number) => `"${version}"`;

/** Reads If-Match and the body's `version`; both may be given only when they agree. */
export function expectedVersionOf(req: Request, bodyVersion: unknown): ExpectedVersion | undefined {
  const header = req.headers['if-match'];
  const fromHeader = header === undefined ? undefined : parseIfMatch(header);
  const fromBody = typeof bodyVersion === 'number' ? bodyVersion : undefined;
  if (fromHeader !== undefined && fromBody !== undefined && fromHeader !== fromBody) {
    throw new ValidationError('If-Match and the version field disagree; send one of them', [
      { path: 'headers.if-match', message: `says version ${fromHeader} but body.version says ${fromBody}` },
    ]);
  }
  if (fromHeader !== undefined) return { version: fromHeader, via: 'if-match' };
  if (fromBody !== undefined) return { version: fromBody, via: 'field' };
  return undefined;
}

function parseIfMatch(header: string): number {
  const values = header.split(',').map((v) => v.trim()).filter(Boolean);
  const match = values.length === 1 ? ETAG_VALUE.exec(values[0]) : null;
  if (!match) {
    throw new ValidationError('If-Match must be the ETag you read, e.g. "3"', [
      { path: 'headers.if-match', message: 'must be one ETag such as "3" (the version you read)' },
    ]);
  }
  return Number(match[1]);
}

/**
 * Passes when the client read the current version. Otherwise explains what changed since, from the audit trail
 * (loaded only on conflict).
 */
export async function assertVersion(
  expected: ExpectedVersion | undefined,
  current: number,
  entity: string,
  changesSince: (version: number) => Promise<VersionChange[]>,
): Promise<void> {
  if (!expected) throw new PreconditionRequiredError(entity);
  if (expected.version === current) return;
  const changes = expected.version < current ? await changesSince(expected.version) : [];
  if (expected.via === 'if-match') throw new PreconditionFailedError(entity, expected.version, current, changes);
  throw new VersionConflictError(entity, expected.version, current, changes);
}

