import { z } from 'zod';

export const IdParams = z.object({ id: z.uuid({ message: 'must be a UUID' }) });
export type IdParams = z.infer<typeof IdParams>;

/** A string field whose type errors read "is required" / "must be a string"; other checks keep their messages. */
export const requiredString = () =>
  z.string({
    error: (issue) =>
      issue.code === 'invalid_type' ? (issue.input === undefined ? 'is required' : 'must be a string') : undefined,
  });
