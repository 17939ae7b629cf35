import type { z } from 'zod';
import type { responseBody } from '../../../shared/dialogues/contract.ts';
import { decide } from '../../../shared/permissions/decide.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { verifiedOfficersAmong } from '../organisations/service.ts';
import { dialogueTarget, participation } from './access.ts';
import { auditDialogue } from './audit.ts';
import { announceDialogueChange } from './changes.ts';
import { dialogueResponses } from './schema.ts';
import { ensurePublished, statementIn } from './statement-state.ts';

// An officer's response to a published statement, shown with it as an officer's: only a
// participant who is a verified officer now (a verification withdrawn since they joined stops
// them), of an agency that runs the program ('dialogue.respond'): an officer speaks for the
// police of this program, not of another. One per officer and statement; writing again
// replaces it.

export type Respond = z.output<typeof responseBody>;

export async function respondToStatement(
  context: AppContext,
  actor: SignedIn,
  dialogueId: string,
  statementId: string,
  body: Respond,
): Promise<void> {
  const { db } = context.database;
  const access = await participation(db, actor, dialogueId);
  const { participant } = access;
  const verified = (await verifiedOfficersAmong(db, [actor.personId])).has(actor.personId);
  const target = dialogueTarget(dialogueId, access.dialogue.programId, access.program);
  if (
    participant.role !== 'officer' ||
    !verified ||
    !decide(actor, 'dialogue.respond', target).allowed
  ) {
    throw new ForbiddenError(
      'Only verified officers respond to statements; everyone can vote and add their own.',
      { code: 'not_an_officer' },
    );
  }
  await db.transaction(async (tx) => {
    ensurePublished(await statementIn(tx, dialogueId, statementId, 'share'));
    const createdAt = new Date();
    await tx
      .insert(dialogueResponses)
      .values({ statementId, participantId: participant.id, text: body.text, createdAt })
      .onConflictDoUpdate({
        target: [dialogueResponses.statementId, dialogueResponses.participantId],
        set: { text: body.text, createdAt },
      });
    await auditDialogue(tx, context, {
      personId: actor.personId,
      organisationId: access.program.leadOrganisationId,
      dialogue: access.dialogue,
      action: 'dialogue.response_saved',
      details: { statementId },
    });
  });
  await announceDialogueChange(context, dialogueId, 'statement');
}
