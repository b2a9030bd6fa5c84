import { z } from 'zod';
import { RoleSchema } from '../domain/enums';
import { PageQuery } from '../http/keyset';
import { BooleanFilter, ClaimQueueItem } from '../claims/claims.schema';

const DueAt = z
  .iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T17:00:00Z' })
  .transform((value) => new Date(value))
  .refine((date) => date.getUTCFullYear() >= 2000 && date.getUTCFullYear() <= 9999, 'must be a date between the years 2000 and 9999');

export const AssignBody = z
  .object({
    reviewerId: z.uuid({ message: 'must be a UUID' }).meta({ description: 'The reviewer (or editor) to assign' }),
    dueAt: DueAt.nullish().meta({ description: 'When the verdict is due' }),
  })
  .strict();
export type AssignInput = z.infer<typeof AssignBody>;

export const AssignmentParams = z.object({
  id: z.uuid({ message: 'must be a UUID' }),
  reviewerId: z.uuid({ message: 'must be a UUID' }),
});

export const MyAssignmentsQuery = PageQuery.extend({
  pending: BooleanFilter.optional().meta({ description: 'true: only those whose verdict is not submitted yet' }),
  overdue: BooleanFilter.optional().meta({ description: 'true: only those past their due date, verdict not submitted' }),
});
export type MyAssignmentsQuery = z.infer<typeof MyAssignmentsQuery>;

export const VerdictProgress = z.enum(['none', 'draft', 'submitted']).meta({ description: "The assignee's own verdict so far" });

export const AssignmentResponse = z
  .object({
    claimId: z.uuid(),
    reviewer: z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: RoleSchema }),
    dueAt: z.iso.datetime().nullable(),
    overdue: z.boolean(),
    verdict: VerdictProgress,
    assignedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    assignedAt: z.iso.datetime(),
  })
  .meta({ id: 'Assignment' });

export const MyAssignmentResponse = z
  .object({
    claim: ClaimQueueItem,
    dueAt: z.iso.datetime().nullable(),
    overdue: z.boolean(),
    verdict: VerdictProgress,
    assignedAt: z.iso.datetime(),
  })
  .meta({ id: 'MyAssignment' });
