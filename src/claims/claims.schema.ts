import { z } from 'zod';

/** What a reviewer may change on a claim directly; workflow status changes come with verdicts. */
export const UpdateClaimBody = z
  .object({ checkWorthy: z.boolean({ error: 'must be true or false' }) })
  .strict();
export type UpdateClaimInput = z.infer<typeof UpdateClaimBody>;
