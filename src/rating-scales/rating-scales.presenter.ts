import type { LevelRow, ScaleRow } from './rating-scales.queries';

/** Best and worst derive from the levels' values (archived levels included: recorded verdicts may use them). */
export function scaleRange(levels: readonly Pick<LevelRow, 'value'>[]): { bestValue: number | null; worstValue: number | null } {
  const values = levels.map((l) => l.value).filter((v): v is number => v !== null);
  return values.length ? { bestValue: Math.max(...values), worstValue: Math.min(...values) } : { bestValue: null, worstValue: null };
}

export function presentLevel(level: LevelRow) {
  return {
    key: level.key,
    label: level.label,
    value: level.value,
    description: level.description,
    color: level.color,
    position: level.position,
    archived: level.archived,
  };
}

export function presentScale(scale: ScaleRow) {
  return {
    id: scale.id,
    name: scale.name,
    description: scale.description,
    isDefault: scale.isDefault,
    ...scaleRange(scale.levels),
    levels: scale.levels.map(presentLevel),
    version: scale.version,
    createdAt: scale.createdAt.toISOString(),
    updatedAt: scale.updatedAt.toISOString(),
  };
}

export type ScaleView = ReturnType<typeof presentScale>;

export function auditableScale(scale: ScaleRow) {
  return {
    name: scale.name,
    description: scale.description,
    levels: scale.levels.map(({ key, label, value, description, color, position, archived }) => ({ key, label, value, description, color, position, archived })),
    version: scale.version,
  };
}
