import { z } from 'zod';
import { PageQuery } from '../http/keyset';

export const AddNoteBody = z
  .object({ body: z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(10_000) })
  .strict();
export type AddNoteInput = z.infer<typeof AddNoteBody>;

export const ListNotesQuery = PageQuery;

export const NoteResponse = z
  .object({
    id: z.uuid(),
    claimId: z.uuid(),
    author: z.object({ id: z.uuid(), name: z.string() }),
    body: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Note' });
