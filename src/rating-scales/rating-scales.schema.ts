import { z } from 'zod';
import { VersionField } from '../http/common-schemas';
import { PageQuery } from '../http/keyset';

// ---- Requests ----------------------------------------------------------------------------------------------

const LevelKey = z
  .string({ error: 'must be a string' })
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be 1–40 lower-case letters, digits or underscores, starting with a letter');
const Label = z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(100);
const Description = z.string({ error: 'must be a string' }).trim().max(1000);
const Color = z
  .string({ error: 'must be a string' })
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a7f37')
  .transform((c) => c.toLowerCase());
const Value = z
  .number({ error: 'must be a number or null' })
  .min(-1_000_000)
  .max(1_000_000)
  .nullable()
  .meta({ description: 'Higher = more accurate; null for outcomes that are not on the truth axis' });

export const NewLevel = z
  .object({ key: LevelKey, label: Label, value: Value, description: Description.default(''), color: Color })
  .strict();

const uniqueKeys = (levels: Array<{ key: string }>) => new Set(levels.map((l) => l.key)).size === levels.length;

export const CreateScaleBody = z
  .object({
    name: Label,
    description: Description.optional(),
    levels: z
      .array(NewLevel)
      .min(2, 'a scale needs at least 2 levels')
      .max(30)
      .refine(uniqueKeys, 'level keys must be unique within the scale')
      .refine((levels) => levels.some((l) => l.value !== null), 'at least one level needs a numeric value'),
  })
  .strict();
export type CreateScaleInput = z.infer<typeof CreateScaleBody>;

/** Relabel, re-describe, recolour, archive or restore existing levels (by key); add new ones. Values never change. */
export const UpdateScaleBody = z
  .object({
    name: Label.optional(),
    description: Description.nullable().optional(),
    levels: z
      .array(
        z
          .object({ key: LevelKey, label: Label.optional(), description: Description.optional(), color: Color.optional(), archived: z.boolean().optional() })
          .strict(),
      )
      .max(30)
      .refine(uniqueKeys, 'each level may appear once')
      .optional(),
    addLevels: z.array(NewLevel).max(30).refine(uniqueKeys, 'level keys must be unique').optional(),
    version: VersionField,
  })
  .strict()
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'send at least one of name, description, levels, addLevels',
  });
export type UpdateScaleInput = z.infer<typeof UpdateScaleBody>;

export const ListScalesQuery = PageQuery;

// ---- Responses ---------------------------------------------------------------------------------------------

export const RatingLevelResponse = z
  .object({
    key: z.string(),
    label: z.string(),
    value: z.number().nullable(),
    description: z.string(),
    color: z.string(),
    position: z.number().int(),
    archived: z.boolean(),
  })
  .meta({ id: 'RatingLevel' });

export const RatingScaleResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    isDefault: z.boolean(),
    bestValue: z.number().nullable().meta({ description: 'Highest level value (derived from the levels)' }),
    worstValue: z.number().nullable().meta({ description: 'Lowest level value (derived from the levels)' }),
    levels: z.array(RatingLevelResponse),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'RatingScale' });
