import { eq } from 'drizzle-orm';
import type { TranscriptMessage } from '../../../shared/circles/contract.ts';
import {
  type CircleState,
  participantOf,
  transcriptAllowed,
  transcriptOf,
  voiceByGroup,
} from '../../../shared/circles/machine.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { programs } from '../organisations/schema.ts';
import { circleEvents, circles, circleTranscripts } from './schema.ts';
import { sealTranscript } from './transcript.ts';

// Closing a circle, inside the transaction that appends its `closed` event: the equal-voice
// figures are kept (no words, no names); the words are kept only when everyone who took part
// consented, sealed, until the program's retention ends; and the live log is deleted, so that
// nothing else of what was said outlives the circle.

const DAY_MS = 86_400_000;

/** What a consented transcript holds: each visible message with its speaker as they appeared. */
export function transcriptMessagesOf(state: CircleState): TranscriptMessage[] {
  return transcriptOf(state).map((message) => {
    const speaker = participantOf(state, message.by);
    return {
      name: speaker?.name ?? '',
      role: speaker?.role ?? 'other',
      stage: message.stage,
      at: new Date(message.at).toISOString(),
      text: message.text,
    };
  });
}

export async function closeCircle(
  tx: Transaction,
  cipher: FieldCipher,
  closing: { circleId: string; programId: string; state: CircleState; seq: number; now: Date },
): Promise<void> {
  const { circleId, state, now } = closing;
  if (transcriptAllowed(state)) {
    const [program] = await tx
      .select({ retentionDays: programs.transcriptRetentionDays })
      .from(programs)
      .where(eq(programs.id, closing.programId));
    const retentionDays = program?.retentionDays ?? 0;
    await tx.insert(circleTranscripts).values({
      circleId,
      body: sealTranscript(cipher, circleId, transcriptMessagesOf(state)),
      keptAt: now,
      purgeAfter: new Date(now.getTime() + retentionDays * DAY_MS),
    });
  }
  await tx.delete(circleEvents).where(eq(circleEvents.circleId, circleId));
  await tx
    .update(circles)
    .set({ status: 'closed', closedAt: now, lastSeq: closing.seq, voice: voiceByGroup(state) })
    .where(eq(circles.id, circleId));
}
