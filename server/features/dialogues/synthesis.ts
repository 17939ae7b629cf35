import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { synthesisBody } from '../../../shared/dialogues/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { type DialogueRow, manageableDialogue } from './access.ts';
import { dialogues } from './schema.ts';

// The facilitator's synthesis of the common ground, and whether the results are public. Both
// are saved together: the public results page shows the synthesis, so publishing without
// one's words in place would publish the previous ones.

export type Synthesis = z.output<typeof synthesisBody>;

export async function saveSynthesis(
  context: AppContext,
  actor: SignedIn,
  dialogueId: string,
  body: Synthesis,
): Promise<DialogueRow> {
  const { db } = context.database;
  const { dialogue, program } = await manageableDialogue(db, actor, dialogueId);
  return db.transaction(async (tx) => {
    const [saved] = await tx
      .update(dialogues)
      .set({ synthesis: body.synthesis, resultsPublic: body.resultsPublic })
      .where(eq(dialogues.id, dialogue.id))
      .returning();
    if (!saved) throw new Error(`dialogue ${dialogue.id} vanished`);
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'dialogue.synthesis.saved',
        targetType: 'dialogue',
        targetId: dialogue.id,
        outcome: 'succeeded',
        details: {
          length: body.synthesis.length,
          resultsPublic: body.resultsPublic,
          published: body.resultsPublic && !dialogue.resultsPublic,
          unpublished: !body.resultsPublic && dialogue.resultsPublic,
        },
      },
      tx,
    );
    return saved;
  });
}
