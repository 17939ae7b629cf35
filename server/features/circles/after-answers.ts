import { z } from 'zod';
import {
  type Harvest,
  harvestStatuses,
  type PreviousCircle,
  type ProgramVoiceReport,
  reviewDecisions,
  type TranscriptMessage,
  type VoiceReport,
} from '../../../shared/circles/contract.ts';
import { circleRoles, stages } from '../../../shared/circles/machine.ts';
import {
  commitmentOwnerChoice,
  commitmentVisibilities,
} from '../../../shared/commitments/contract.ts';
import { commitmentStatuses } from '../../../shared/commitments/machine.ts';

// The answers of the routes after a circle closes, as zod schemas for the API's serialiser and
// its OpenAPI document; each is checked against the contract's type, so the two cannot drift.

export const harvestAnswer = z.object({
  circleId: z.string(),
  status: z.enum(harvestStatuses),
  themes: z.string(),
  commitments: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      ownerName: z.string(),
      ownerIsOfficer: z.boolean(),
      owner: commitmentOwnerChoice.nullable(),
      dueOn: z.string(),
      visibility: z.enum(commitmentVisibilities),
      commitmentId: z.string().nullable(),
    }),
  ),
  reviews: z.array(
    z.object({
      participantName: z.string(),
      decision: z.enum(reviewDecisions),
      comment: z.string(),
      at: z.string(),
    }),
  ),
  mine: z.object({ decision: z.enum(reviewDecisions), comment: z.string() }).nullable(),
  canReview: z.boolean(),
  canEdit: z.boolean(),
}) satisfies z.ZodType<Harvest>;

export const transcriptAnswer = z.array(
  z.object({
    name: z.string(),
    role: z.enum(circleRoles),
    stage: z.enum(stages),
    at: z.string(),
    text: z.string(),
  }),
) satisfies z.ZodType<TranscriptMessage[]>;

const groupVoice = z.object({
  people: z.number().int(),
  turns: z.number().int(),
  heldMs: z.number(),
});

export const voiceAnswer = z.object({
  officers: groupVoice,
  residents: groupVoice,
  others: groupVoice,
}) satisfies z.ZodType<VoiceReport>;

export const programVoiceAnswer = z.object({
  programId: z.string(),
  circles: z.array(
    z.object({
      circleId: z.string(),
      startsAt: z.string(),
      purpose: z.string(),
      voice: voiceAnswer,
    }),
  ),
  total: voiceAnswer,
}) satisfies z.ZodType<ProgramVoiceReport>;

export const previousAnswer = z
  .object({
    circleId: z.string(),
    startsAt: z.string(),
    themes: z.string(),
    openCommitments: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.enum(commitmentStatuses),
        dueOn: z.string(),
        overdue: z.boolean(),
      }),
    ),
  })
  .nullable() satisfies z.ZodType<PreviousCircle | null>;
