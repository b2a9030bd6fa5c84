import { z } from 'zod';

export const IdParams = z.object({ id: z.uuid({ message: 'must be a UUID' }) });
export type IdParams = z.infer<typeof IdParams>;

/** A string field whose type errors read "is required" / "must be a string"; other checks keep their messages. */
export const requiredString = () =>
  z.string({
    error: (issue) =>
      issue.code === 'invalid_type' ? (issue.input === undefined ? 'is required' : 'must be a string') : undefined,
  });

/** The version an update read; optional in the body because If-Match may carry it instead. */
export const VersionField = z
  .number({ error: 'must be the whole-number version you read' })
  .int('must be the whole-number version you read')
  .min(1, 'must be the whole-number version you read')
  .max(999_999_999, 'must be the whole-number version you read')
  .optional()
  .meta({ description: 'The version you read (or send it as If-Match). Stale: 409 VERSION_CONFLICT; missing: 428.' });

/** A uuid path parameter named as given. */
export const uuidParam = () => z.uuid({ message: 'must be a UUID' });
