import { eq } from 'drizzle-orm';
import type { DialogueDetail } from '../../../shared/dialogues/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { ensureOpen, manageableDialogue } from './access.ts';
import { auditDialogue } from './audit.ts';
import { announceDialogueChange } from './changes.ts';
import { detailOf } from './read.ts';
import { dialogues } from './schema.ts';

// Closing a dialogue early: it closes now, as if its closing date had come. Its votes and
// statements stay; nothing more can be added. Only an open dialogue can close (409 otherwise).

export async function closeDialogue(
  context: AppContext,
  actor: SignedIn,
  dialogueId: string,
): Promise<DialogueDetail> {
  const { db } = context.database;
  const access = await manageableDialogue(db, actor, dialogueId);
  const row = await db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(dialogues)
      .where(eq(dialogues.id, dialogueId))
      .for('update');
    const now = new Date();
    ensureOpen(locked ?? access.dialogue, now);
    const [updated] = await tx
      .update(dialogues)
      .set({ closesAt: now })
      .where(eq(dialogues.id, dialogueId))
      .returning();
    await auditDialogue(tx, context, {
      personId: actor.personId,
      organisationId: access.program.leadOrganisationId,
      dialogue: access.dialogue,
      action: 'dialogue.closed',
    });
    return updated;
  });
  await announceDialogueChange(context, dialogueId, 'moderation');
  return detailOf(db, { ...access, dialogue: row ?? access.dialogue, takePart: false });
}
