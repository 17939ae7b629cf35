import { and, count, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { reportBody } from '../../../shared/dialogues/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import { participation } from './access.ts';
import { auditDialogue } from './audit.ts';
import { announceDialogueChange } from './changes.ts';
import { ensureReportAllowed } from './limits.ts';
import { dialogueReports, dialogueStatements } from './schema.ts';
import { ensurePublished, statementIn } from './statement-state.ts';

// A participant reports a published statement: once each; it goes to the moderation queue.
// In a dialogue moderated after publication, no facilitator has read a statement before others
// see it, so when REPORTS_TO_HIDE participants have reported it, it is hidden at once, until a
// facilitator decides (accepting it again, or rejecting or hiding it for good). Three, so that
// one or two people who disagree cannot take down what others said; few, so that something
// harmful does not stay up overnight. Where statements were read before publication, a report
// only asks a facilitator to look again.

export const REPORTS_TO_HIDE = 3;

export type ReportStatement = z.output<typeof reportBody>;

export async function reportStatement(
  context: AppContext,
  actor: SignedIn,
  dialogueId: string,
  statementId: string,
  body: ReportStatement,
): Promise<void> {
  const { db } = context.database;
  const access = await participation(db, actor, dialogueId);
  const { dialogue, participant } = access;
  const hidden = await db.transaction(async (tx) => {
    const statement = await statementIn(tx, dialogueId, statementId, 'update');
    ensurePublished(statement);
    const [already] = await tx
      .select({ at: dialogueReports.createdAt })
      .from(dialogueReports)
      .where(
        and(
          eq(dialogueReports.statementId, statementId),
          eq(dialogueReports.participantId, participant.id),
        ),
      );
    if (already) {
      throw new ConflictError(
        'You reported this statement already: a facilitator will look at it.',
        {
          code: 'already_reported',
        },
      );
    }
    await ensureReportAllowed(tx, participant.id);
    await tx
      .insert(dialogueReports)
      .values({ statementId, participantId: participant.id, reason: body.reason });
    const [open] = await tx
      .select({ n: count() })
      .from(dialogueReports)
      .where(and(eq(dialogueReports.statementId, statementId), isNull(dialogueReports.resolvedAt)));
    const hide = dialogue.moderation === 'after' && (open?.n ?? 0) >= REPORTS_TO_HIDE;
    if (hide) {
      // Hidden by reports, not by a person: no moderator and no reason until one decides.
      await tx
        .update(dialogueStatements)
        .set({ status: 'hidden' })
        .where(eq(dialogueStatements.id, statementId));
    }
    await auditDialogue(tx, context, {
      personId: actor.personId,
      organisationId: access.program.leadOrganisationId,
      dialogue,
      action: 'dialogue.statement_reported',
      details: { statementId, hidden: hide },
    });
    return hide;
  });
  if (hidden) await announceDialogueChange(context, dialogueId, 'moderation');
}
