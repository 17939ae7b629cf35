import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { dialogueCommitmentBody } from '../../../shared/dialogues/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { InvalidError } from '../../platform/errors.ts';
import { publicCommitment } from '../commitments/public/query.ts';
import { todayOf, visibleCommitmentsAmong } from '../commitments/read.ts';
import { createCommitment } from '../commitments/record.ts';
import { commitments } from '../commitments/schema.ts';
import { type DialogueRow, manageableDialogue } from './access.ts';
import { dialogueStatements } from './schema.ts';

// A dialogue's commitments live on the accountability register, recorded there through the
// register's own service with the dialogue as their source; the dialogue keeps no copy. Which
// of them a reader sees is the register's decision (its visibility rules), here as there.

export type DialogueCommitment = z.output<typeof dialogueCommitmentBody>;

const fromDialogue = (dialogueId: string) =>
  and(eq(commitments.source, 'dialogue'), eq(commitments.sourceId, dialogueId));

async function commitmentIdsOf(context: AppContext, dialogueId: string): Promise<string[]> {
  const rows = await context.database.db
    .select({ id: commitments.id })
    .from(commitments)
    .where(fromDialogue(dialogueId))
    .orderBy(asc(commitments.createdAt), asc(commitments.id));
  return rows.map((row) => row.id);
}

/** The dialogue's commitments that the reader may see on the register. */
export async function registeredCommitments(
  context: AppContext,
  actor: SignedIn,
  dialogue: DialogueRow,
): Promise<{ id: string; title: string }[]> {
  const ids = await commitmentIdsOf(context, dialogue.id);
  const visible = await visibleCommitmentsAmong(context, actor, dialogue.programId, ids);
  return visible.map((commitment) => ({ id: commitment.id, title: commitment.title }));
}

/** The dialogue's public commitments, in the words the public register shows. */
export async function publicDialogueCommitments(
  context: AppContext,
  dialogueId: string,
): Promise<{ id: string; title: string }[]> {
  const today = todayOf(context);
  const shown = await Promise.all(
    (await commitmentIdsOf(context, dialogueId)).map((id) =>
      publicCommitment(context.database.db, id, today),
    ),
  );
  return shown.flatMap((commitment) =>
    commitment ? [{ id: commitment.id, title: commitment.title }] : [],
  );
}

/**
 * Records a commitment that answers the dialogue's statements, for a facilitator. The statements
 * named must be accepted statements of this dialogue; they are kept in the audit trail.
 */
export async function commitFromDialogue(
  context: AppContext,
  actor: SignedIn,
  dialogueId: string,
  body: DialogueCommitment,
): Promise<{ commitmentId: string }> {
  const { db } = context.database;
  const { dialogue, program } = await manageableDialogue(db, actor, dialogueId);
  const named = [...new Set(body.statementIds)];
  const found =
    named.length === 0
      ? []
      : await db
          .select({ id: dialogueStatements.id })
          .from(dialogueStatements)
          .where(
            and(
              eq(dialogueStatements.dialogueId, dialogue.id),
              eq(dialogueStatements.status, 'accepted'),
              inArray(dialogueStatements.id, named),
            ),
          );
  if (found.length !== named.length) {
    throw new InvalidError([
      {
        field: 'statementIds',
        message: 'Choose statements of this dialogue that were published for voting.',
        code: 'unknown_statement',
      },
    ]);
  }
  return db.transaction(async (tx) => {
    const recorded = await createCommitment(
      context,
      actor,
      dialogue.programId,
      {
        title: body.title,
        description: body.description,
        source: 'dialogue',
        sourceId: dialogue.id,
        sourceLabel: dialogue.title,
        owner: body.owner,
        visibility: body.visibility,
        dueOn: body.dueOn,
        publicVersion: null,
      },
      tx,
    );
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'dialogue.commitment.recorded',
        targetType: 'dialogue',
        targetId: dialogue.id,
        outcome: 'succeeded',
        details: { commitmentId: recorded.id, statementIds: named },
      },
      tx,
    );
    return { commitmentId: recorded.id };
  });
}
