import { eq } from 'drizzle-orm';
import type { JoinLink } from '../../../shared/dialogues/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import { manageableDialogue, stateOf } from './access.ts';
import { auditDialogue } from './audit.ts';
import { dialogueJoinPage, newDialogueToken } from './join-token.ts';
import { dialogues } from './schema.ts';

// A public dialogue's join link: whoever holds it may take part, with no account. Only its
// token's hash is kept; the link is shown once, and a new one ends the old one. An invited
// dialogue has no link: its program's people join it signed in.

export async function createJoinLink(
  context: AppContext,
  actor: SignedIn,
  dialogueId: string,
): Promise<JoinLink> {
  const { db } = context.database;
  const access = await manageableDialogue(db, actor, dialogueId);
  const { dialogue } = access;
  if (dialogue.audience !== 'public') {
    throw new ConflictError(
      'Only a public dialogue has a link: the people of the program join an invited one signed in.',
      { code: 'not_public' },
    );
  }
  const state = stateOf(dialogue);
  if (state === 'closed' || state === 'archived') {
    throw new ConflictError('This dialogue takes no new participants, so it needs no link.', {
      code: `dialogue_${state}`,
    });
  }
  const { token, tokenHash } = newDialogueToken();
  await db.transaction(async (tx) => {
    await tx
      .update(dialogues)
      .set({ joinTokenHash: tokenHash })
      .where(eq(dialogues.id, dialogueId));
    await auditDialogue(tx, context, {
      personId: actor.personId,
      organisationId: access.program.leadOrganisationId,
      dialogue,
      action: 'dialogue.join_link_created',
    });
  });
  return { url: dialogueJoinPage(context.config.publicUrl, token) };
}
