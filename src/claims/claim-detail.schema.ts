import { z } from 'zod';
import { AssignmentResponse } from '../assignments/assignments.schema';
import { RulingResponse } from '../rulings/rulings.schema';
import { LevelSummary } from '../verdicts/verdicts.schema';
import { ClaimDetailBase } from './claims.schema';

export const ConsensusResponse = z
  .object({
    rule: z.enum(['majority', 'unanimous', 'editor']),
    level: LevelSummary.nullable().meta({ description: 'The consensus level; null on a tie, too little agreement, or the editor rule' }),
    distribution: z.array(z.object({ level: LevelSummary, count: z.number().int() })),
    agreement: z.number().nullable().meta({ description: 'Share of submitted verdicts on the most chosen level' }),
    submitted: z.number().int(),
  })
  .meta({ id: 'Consensus' });

export const ClaimDetailResponse = ClaimDetailBase.extend({
  nextClaimId: z.uuid().nullable().meta({ description: 'The next claim of the same paragraph (what merge-next joins); null when this is the last' }),
  ratingScale: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  assignments: z.array(AssignmentResponse),
  review: z.object({
    requiredVerdicts: z.number().int().meta({ description: 'Submitted verdicts that move the claim to awaiting approval' }),
    submittedVerdicts: z.number().int(),
    consensus: ConsensusResponse.nullable().meta({ description: 'Hidden (null) until you have submitted your own verdict, if you are assigned' }),
  }),
  finalVerdict: RulingResponse.nullable().meta({ description: 'The current final verdict you may see: approved, or published' }),
  publishedVerdicts: z.array(RulingResponse).meta({ description: 'Every published revision, newest first, with its dates' }),
  sourceCount: z.number().int(),
  noteCount: z.number().int(),
}).meta({ id: 'ClaimDetail' });
