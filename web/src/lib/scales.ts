/** Rating-scale editing (admins): level keys from labels, and the PATCH body for what changed. */
import type { RatingScale } from '../api/types';

/** A level key from its label: lower-case letters, digits and underscores, starting with a letter, 40 at most. */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return key;
}

/** One level as the editor form holds it (strings, as typed). */
export interface LevelDraft {
  key: string;
  label: string;
  value: string;
  description: string;
  color: string;
  archived: boolean;
  /** True for a level the scale does not have yet. */
  isNew: boolean;
}

export const draftsOf = (scale: RatingScale): LevelDraft[] =>
  scale.levels.map((l) => ({
    key: l.key,
    label: l.label,
    value: l.value === null ? '' : String(l.value),
    description: l.description,
    color: l.color,
    archived: l.archived,
    isNew: false,
  }));

export const emptyLevel = (): LevelDraft => ({ key: '', label: '', value: '', description: '', color: '#57606a', archived: false, isNew: true });

/** A value field as the API wants it: a number, or null for "off the truth axis" (left empty). */
export function levelValue(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : 'invalid';
}

export interface NewLevelBody {
  key: string;
  label: string;
  value: number | null;
  description: string;
  color: string;
}

/** A new level for the API; an unreadable value is sent as typed so the API names the field. */
export function newLevelBody(draft: LevelDraft): NewLevelBody {
  const value = levelValue(draft.value);
  return {
    key: draft.key.trim() || keyFromLabel(draft.label),
    label: draft.label.trim(),
    value: value === 'invalid' ? (draft.value as unknown as number) : value,
    description: draft.description.trim(),
    color: draft.color,
  };
}

export interface ScalePatch {
  name?: string;
  description?: string | null;
  levels?: { key: string; label?: string; description?: string; color?: string; archived?: boolean }[];
  addLevels?: NewLevelBody[];
}

/** What changed between the scale as read and the form: only changed fields are sent (values never change). */
export function scalePatch(scale: RatingScale, name: string, description: string, drafts: readonly LevelDraft[]): ScalePatch {
  const patch: ScalePatch = {};
  if (name.trim() !== scale.name) patch.name = name.trim();
  if (description.trim() !== (scale.description ?? '')) patch.description = description.trim() || null;
  const levels: NonNullable<ScalePatch['levels']> = [];
  for (const draft of drafts.filter((d) => !d.isNew)) {
    const before = scale.levels.find((l) => l.key === draft.key);
    if (!before) continue;
    const change: NonNullable<ScalePatch['levels']>[number] = { key: draft.key };
    if (draft.label.trim() !== before.label) change.label = draft.label.trim();
    if (draft.description.trim() !== before.description) change.description = draft.description.trim();
    if (draft.color.toLowerCase() !== before.color.toLowerCase()) change.color = draft.color;
    if (draft.archived !== before.archived) change.archived = draft.archived;
    if (Object.keys(change).length > 1) levels.push(change);
  }
  if (levels.length) patch.levels = levels;
  const added = drafts.filter((d) => d.isNew).map(newLevelBody);
  if (added.length) patch.addLevels = added;
  return patch;
}
