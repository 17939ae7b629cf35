import { and, eq } from 'drizzle-orm';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { manageableDialogue } from './access.ts';
import { auditDialogue } from './audit.ts';
import { announceDialogueChange } from './changes.ts';
import { dialogueParticipants, dialogueStatements } from './schema.ts';

// A facilitator stops someone's part in a dialogue: they can still read it and their own
// statements, but no longer vote, write, report or respond (access.ts refuses them). The votes
// they cast stay: they were given in good faith until now, and removing them would let one
// decision rewrite the results. Their statements still waiting are rejected with the reason;
// held ones stay in the queue, since a facilitator still owes their author a word.

const DEFAULT_REASON = 'A facilitator stopped your part in this dialogue.';

export async function blockParticipant(
  context: AppContext,
  actor: SignedIn,
  dialogueId: string,
  participantId: string,
  reason: string,
): Promise<void> {
  const { db } = context.database;
  const access = await manageableDialogue(db, actor, dialogueId);
  const rejected = await db.transaction(async (tx) => {
    const [participant] = await tx
      .select()
      .from(dialogueParticipants)
      .where(
        and(
          eq(dialogueParticipants.id, participantId),
          eq(dialogueParticipants.dialogueId, dialogueId),
        ),
      )
      .for('update');
    if (!participant) throw new NotFoundError('There is no such participant in this dialogue.');
    if (participant.blockedAt) {
      throw new ConflictError('This participant was blocked already.', { code: 'already_blocked' });
    }
    const now = new Date();
    await tx
      .update(dialogueParticipants)
      .set({ blockedAt: now, blockedReason: reason })
      .where(eq(dialogueParticipants.id, participantId));
    const pending = await tx
      .update(dialogueStatements)
      .set({
        status: 'rejected',
        reason: reason || DEFAULT_REASON,
        moderatedBy: actor.personId,
        moderatedAt: now,
      })
      .where(
        and(
          eq(dialogueStatements.authorParticipantId, participantId),
          eq(dialogueStatements.status, 'pending'),
        ),
      )
      .returning({ id: dialogueStatements.id });
    await auditDialogue(tx, context, {
      personId: actor.personId,
      organisationId: access.program.leadOrganisationId,
      dialogue: access.dialogue,
      action: 'dialogue.participant_blocked',
      details: { participantId, statementsRejected: pending.length },
    });
    return pending.length;
  });
  if (rejected > 0) await announceDialogueChange(context, dialogueId, 'moderation');
}
