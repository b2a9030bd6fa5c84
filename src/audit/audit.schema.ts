import { z } from 'zod';
import { PageQuery } from '../http/pagination';

export const ListAuditQuery = PageQuery.extend({
  entity: z.enum(['article', 'claim', 'user']).optional(),
  entityId: z.uuid({ message: 'must be a UUID' }).optional(),
  actor: z.uuid({ message: 'must be a UUID' }).optional(),
  action: z.string().trim().min(1).max(100).optional(),
});
export type ListAuditQuery = z.infer<typeof ListAuditQuery>;

export const HistoryQuery = PageQuery;
