import { and, eq, max, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { addStatementBody, MyStatement } from '../../../shared/dialogues/contract.ts';
import {
  checkStatement,
  normalisedStatement,
  STATEMENT_MAX,
} from '../../../shared/dialogues/statements.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { InvalidError } from '../../platform/errors.ts';
import { participation } from './access.ts';
import { auditDialogue } from './audit.ts';
import { announceDialogueChange } from './changes.ts';
import { heldRowWords, sealHeldWords } from './held-words.ts';
import { ensureStatementAllowed } from './limits.ts';
import { myStatementOf } from './next.ts';
import { dialogueStatements, dialogues } from './schema.ts';
import { supportFor } from './support.ts';

// A participant's statement. Empty, too long, or the same words as a statement already there
// (unless that one was rejected) is a 400 on `text` with a code the page can translate. Words
// that suggest someone may be in danger are held: never published, sent to the facilitator, and
// the author is told a person will reach out and where help is now. Otherwise it waits for a
// facilitator (moderation before publication) or is published at once (after). Held words are
// sealed at rest (held-words.ts).

export type AddStatement = z.output<typeof addStatementBody>;

const problems = {
  empty: 'Write the statement with words, not only signs.',
  too_long: `Keep the statement to ${STATEMENT_MAX} characters: one idea, said briefly.`,
  duplicate: 'This has been said already in this dialogue: vote on it instead.',
} as const;

export async function addStatement(
  context: AppContext,
  actor: SignedIn,
  dialogueId: string,
  body: AddStatement,
): Promise<MyStatement> {
  const { db } = context.database;
  const access = await participation(db, actor, dialogueId);
  const { dialogue, participant } = access;
  const text = body.text.trim();
  const row = await db.transaction(async (tx) => {
    // One statement at a time per dialogue: its number and the duplicate check stay true.
    await tx
      .select({ id: dialogues.id })
      .from(dialogues)
      .where(eq(dialogues.id, dialogueId))
      .for('update');
    const existing = await tx
      .select({ normalised: dialogueStatements.normalised })
      .from(dialogueStatements)
      .where(
        and(
          eq(dialogueStatements.dialogueId, dialogueId),
          ne(dialogueStatements.status, 'rejected'),
        ),
      );
    const check = checkStatement(
      text,
      existing.map((other) => other.normalised),
    );
    if (!check.ok) {
      throw new InvalidError([
        { field: 'text', message: problems[check.problem], code: check.problem },
      ]);
    }
    await ensureStatementAllowed(tx, participant.id);
    const [last] = await tx
      .select({ number: max(dialogueStatements.number) })
      .from(dialogueStatements)
      .where(eq(dialogueStatements.dialogueId, dialogueId));
    const status = check.crisis
      ? 'held'
      : dialogue.moderation === 'before'
        ? 'pending'
        : 'accepted';
    const id = crypto.randomUUID();
    const words = check.crisis
      ? heldRowWords(id, sealHeldWords(context.cipher, id, text))
      : { text, normalised: normalisedStatement(text) };
    const [inserted] = await tx
      .insert(dialogueStatements)
      .values({
        id,
        dialogueId,
        number: (last?.number ?? 0) + 1,
        authorParticipantId: participant.id,
        ...words,
        language: body.language,
        status,
        crisis: check.crisis,
      })
      .returning();
    // Which statement, not its words nor whether it was held: the trail is read by auditors.
    await auditDialogue(tx, context, {
      personId: actor.personId,
      organisationId: access.program.leadOrganisationId,
      dialogue,
      action: 'dialogue.statement_added',
      details: { statementId: inserted?.id ?? '' },
    });
    return inserted;
  });
  if (!row) throw new Error('a statement was not saved');
  await announceDialogueChange(context, dialogueId, 'statement');
  const support = row.status === 'held' ? await supportFor(db, dialogue.programId) : '';
  return myStatementOf(context.cipher, row, support);
}
