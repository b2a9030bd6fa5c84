import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { changesSince } from '../audit/audit.queries';
import { recordAudit } from '../audit/audit.recorder';
import type { Db } from '../db/sql';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { cursorParts, decodeCursor, toPage, type Page, type PageQuery } from '../http/keyset';
import { assertVersion, type ExpectedVersion } from '../http/versions';
import { auditableScale, presentScale, type ScaleView } from './rating-scales.presenter';
import {
  bumpScale,
  findScale,
  insertLevels,
  insertScale,
  listScales,
  lockScale,
  scaleNameTaken,
  updateLevel,
  type ScaleRow,
} from './rating-scales.queries';
import type { CreateScaleInput, UpdateScaleInput } from './rating-scales.schema';

const ORDERING = 'scales:oldest';
const CursorKey = z.tuple([cursorParts.timestamp, cursorParts.uuid]);

/** Rating scales are data: admins add scales and relabel or archive levels; nothing rewrites a recorded verdict. */
export function createRatingScaleService({ prisma, pool }: Db) {
  async function list(query: PageQuery): Promise<Page<ScaleView>> {
    const key = query.cursor ? decodeCursor(ORDERING, query.cursor, CursorKey) : undefined;
    const rows = await listScales(prisma, pool, key && { createdAt: key[0], id: key[1] }, query.limit);
    return toPage(rows, query.limit, ORDERING, (s) => [s.createdAt.toISOString(), s.id], presentScale);
  }

  async function get(id: string): Promise<ScaleRow> {
    const scale = await findScale(prisma, id);
    if (!scale) throw new NotFoundError('rating scale', id);
    return scale;
  }

  async function create(input: CreateScaleInput, actor: Actor): Promise<ScaleRow> {
    return prisma.$transaction(async (tx) => {
      if (await scaleNameTaken(tx, input.name)) throw new ConflictError('SCALE_NAME_TAKEN', `A scale named "${input.name}" already exists`);
      const { id } = await insertScale(tx, { name: input.name, description: input.description ?? null, createdById: actor.userId });
      await insertLevels(tx, id, input.levels.map((level, index) => ({ ...level, position: index + 1 })));
      const scale = (await findScale(tx, id))!;
      await recordAudit(tx, actor, { entityType: 'rating_scale', entityId: id, action: 'rating_scale.created', after: auditableScale(scale) });
      return scale;
    });
  }

  async function update(id: string, input: UpdateScaleInput, expected: ExpectedVersion | undefined, actor: Actor): Promise<ScaleRow> {
    return prisma.$transaction(async (tx) => {
      const before = await lockScale(tx, id);
      if (!before) throw new NotFoundError('rating scale', id);
      await assertVersion(expected, before.version, 'rating scale', (v) => changesSince(tx, 'rating_scale', id, v));
      if (input.name !== undefined && input.name !== before.name && (await scaleNameTaken(tx, input.name, id))) {
        throw new ConflictError('SCALE_NAME_TAKEN', `A scale named "${input.name}" already exists`);
      }
      const byKey = new Map(before.levels.map((level) => [level.key, level]));
      const levelChanges = (input.levels ?? []).map((change, index) => {
        const level = byKey.get(change.key);
        if (!level) throw new ValidationError('Unknown level', [{ path: `body.levels.${index}.key`, message: `this scale has no level "${change.key}"` }]);
        return { level, change };
      });
      const added = input.addLevels ?? [];
      added.forEach((level, index) => {
        if (byKey.has(level.key)) throw new ValidationError('Level exists', [{ path: `body.addLevels.${index}.key`, message: `"${level.key}" already exists; relabel it instead` }]);
      });
      let changed = false;
      for (const { level, change } of levelChanges) {
        const data = pickChanged(level, change);
        if (Object.keys(data).length) {
          await updateLevel(tx, level.id, data);
          changed = true;
        }
      }
      if (added.length) {
        await insertLevels(tx, id, added.map((level, index) => ({ ...level, position: before.levels.length + index + 1 })));
        changed = true;
      }
      const scaleData = pickChanged(before, { name: input.name, description: input.description });
      if (!changed && Object.keys(scaleData).length === 0) return before;
      await bumpScale(tx, id, scaleData);
      const after = (await findScale(tx, id))!;
      if (after.levels.every((level) => level.archived)) {
        throw new ConflictError('SCALE_WITHOUT_LEVELS', 'At least one level of a scale must stay in use');
      }
      await recordAudit(tx, actor, { entityType: 'rating_scale', entityId: id, action: 'rating_scale.updated', before: auditableScale(before), after: auditableScale(after) });
      return after;
    });
  }

  return { list, get, create, update };
}

export type RatingScaleService = ReturnType<typeof createRatingScaleService>;

/** The fields of `change` that are given and differ from `current`. */
function pickChanged<T extends object>(current: T, change: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(change) as Array<[keyof T, T[keyof T]]>) {
    if (key !== 'key' && value !== undefined && value !== current[key]) out[key] = value;
  }
  return out;
}
