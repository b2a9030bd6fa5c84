import { z } from 'zod';

export const IdParams = z.object({ id: z.uuid({ message: 'must be a UUID' }) });
export type IdParams = z.infer<typeof IdParams>;
