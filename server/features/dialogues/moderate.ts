import { and, eq, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { ModeratedStatement, moderateBody } from '../../../shared/dialogues/contract.ts';
import { normalisedStatement } from '../../../shared/dialogues/statements.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import { manageableDialogue } from './access.ts';
import { auditDialogue } from './audit.ts';
import { announceDialogueChange } from './changes.ts';
import { wordsOf } from './held-words.ts';
import { moderatedStatements } from './moderation.ts';
import { dialogueReports, dialogueStatements } from './schema.ts';
import { statementIn } from './statement-state.ts';

// A facilitator's decision on a statement: accept (publish it, or publish it again after
// reports hid it), reject with a reason its author sees, or hide it (taken down after being
// shown, with a reason). A held statement is accepted only this way, once a facilitator has
// read it. Deciding resolves the reports made so far. A closed dialogue can still be moderated:
// taking something down must stay possible while its results are read. An archive cannot.

export type Moderate = z.output<typeof moderateBody>;

const statusOf = { accept: 'accepted', reject: 'rejected', hide: 'hidden' } as const;

export async function moderateStatement(
  context: AppContext,
  actor: SignedIn,
  dialogueId: string,
  statementId: string,
  body: Moderate,
): Promise<ModeratedStatement> {
  const { db } = context.database;
  const access = await manageableDialogue(db, actor, dialogueId);
  if (access.dialogue.importedFrom !== null) {
    throw new ConflictError(
      'This dialogue is an archive of an earlier conversation: it stays as it was imported.',
      { code: 'dialogue_archived' },
    );
  }
  const status = statusOf[body.decision];
  const row = await db.transaction(async (tx) => {
    const statement = await statementIn(tx, dialogueId, statementId, 'update');
    // Published, held words are opened: everyone taking part reads them from now on.
    const opened =
      status === 'accepted' && statement.sealedText !== null
        ? { text: wordsOf(context.cipher, statement), sealedText: null }
        : {};
    const normalised = opened.text ? normalisedStatement(opened.text) : statement.normalised;
    if (status === 'accepted' && (statement.status === 'rejected' || opened.text)) {
      // Someone may have said the same words since: publishing both would count them twice.
      const [same] = await tx
        .select({ id: dialogueStatements.id })
        .from(dialogueStatements)
        .where(
          and(
            eq(dialogueStatements.dialogueId, dialogueId),
            eq(dialogueStatements.normalised, normalised),
            ne(dialogueStatements.status, 'rejected'),
            ne(dialogueStatements.id, statementId),
          ),
        );
      if (same) {
        throw new ConflictError(
          'The same words were published since: this one stays unpublished.',
          {
            code: 'duplicate',
          },
        );
      }
    }
    const now = new Date();
    const [updated] = await tx
      .update(dialogueStatements)
      .set({
        ...opened,
        normalised,
        status,
        reason: status === 'accepted' ? null : body.reason,
        moderatedBy: actor.personId,
        moderatedAt: now,
      })
      .where(eq(dialogueStatements.id, statementId))
      .returning();
    await tx
      .update(dialogueReports)
      .set({ resolvedAt: now })
      .where(and(eq(dialogueReports.statementId, statementId), isNull(dialogueReports.resolvedAt)));
    await auditDialogue(tx, context, {
      personId: actor.personId,
      organisationId: access.program.leadOrganisationId,
      dialogue: access.dialogue,
      action: 'dialogue.statement_moderated',
      details: { statementId, decision: body.decision },
    });
    return updated ?? statement;
  });
  await announceDialogueChange(context, dialogueId, 'moderation');
  const [shown] = await moderatedStatements({ db, cipher: context.cipher }, [row]);
  if (!shown) throw new Error('a moderated statement was not read back');
  return shown.item;
}
