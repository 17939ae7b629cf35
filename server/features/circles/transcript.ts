import { and, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { TranscriptMessage } from '../../../shared/circles/contract.ts';
import { circleRoles, stages } from '../../../shared/circles/machine.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { insiderCircle } from './access.ts';
import { circleTranscripts } from './schema.ts';

// A closed circle's words are kept only when everyone in it consented, and only until the
// program's retention period ends (transcript-purge.ts deletes them then). The room seals the
// transcript as JSON of TranscriptMessage[] with `sealTranscript`; its readers are the people who
// sat in the circle and its keepers, and each reading is written to the audit trail.

export const transcriptContext = (circleId: string) => `circle_transcript:${circleId}`;

const transcriptMessages = z.array(
  z.object({
    name: z.string(),
    role: z.enum(circleRoles),
    stage: z.enum(stages),
    at: z.string(),
    text: z.string(),
  }),
) satisfies z.ZodType<TranscriptMessage[]>;

/** The sealed body of `circle_transcripts` for these messages. */
export const sealTranscript = (
  cipher: FieldCipher,
  circleId: string,
  messages: readonly TranscriptMessage[],
) => cipher.encrypt(JSON.stringify(messages), transcriptContext(circleId));

export const openTranscript = (cipher: FieldCipher, circleId: string, body: string) =>
  transcriptMessages.parse(JSON.parse(cipher.decrypt(body, transcriptContext(circleId))));

export async function readTranscript(
  context: AppContext,
  actor: SignedIn,
  circleId: string,
): Promise<TranscriptMessage[]> {
  const { db } = context.database;
  const access = await insiderCircle(db, actor, circleId, { keepers: true });
  // Past its retention it is gone, whether or not the purge has run yet.
  const [kept] = await db
    .select({ body: circleTranscripts.body })
    .from(circleTranscripts)
    .where(
      and(eq(circleTranscripts.circleId, circleId), gt(circleTranscripts.purgeAfter, new Date())),
    );
  if (!kept) {
    throw new NotFoundError(
      'Nothing of what was said in this circle is kept: a transcript is kept only when everyone in the circle consented, and only for the time the program keeps them.',
      { code: 'transcript_not_kept' },
    );
  }
  const messages = openTranscript(context.cipher, circleId, kept.body);
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    organisationId: access.program.leadOrganisationId,
    action: 'circle.transcript.read',
    targetType: 'circle',
    targetId: circleId,
    outcome: 'succeeded',
    details: { messages: messages.length },
  });
  return messages;
}
