import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  createDialogueBody,
  DialogueDetail,
  updateDialogueBody,
} from '../../../shared/dialogues/contract.ts';
import { normalisedStatement } from '../../../shared/dialogues/statements.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import {
  ConflictError,
  type FieldMessage,
  InvalidError,
  NotFoundError,
} from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { findProgram } from '../organisations/service.ts';
import { accessTo, manageableDialogue } from './access.ts';
import { auditDialogue } from './audit.ts';
import { detailOf } from './read.ts';
import { dialogueStatements, dialogues } from './schema.ts';

// Planning a dialogue: its topic, dates, audience and moderation, and the statements the
// facilitator opens it with (published at once, as the facilitator's, numbered from 1).
// Changing it later, by whoever manages it; an imported conversation is an archive and stays
// as it came.

export type CreateDialogue = z.output<typeof createDialogueBody>;
export type UpdateDialogue = z.output<typeof updateDialogueBody>;

function seedRefusals(seeds: readonly string[]): FieldMessage[] {
  const seen = new Set<string>();
  return seeds.flatMap((text, index) => {
    const words = normalisedStatement(text);
    const refusal =
      words === ''
        ? 'Write the statement with words, not only signs.'
        : seen.has(words)
          ? 'This statement is the same as one above it.'
          : null;
    seen.add(words);
    return refusal ? [{ field: `seedStatements.${index}`, message: refusal }] : [];
  });
}

/** POST /api/programs/:programId/dialogues: `actor` needs 'dialogue.create' in the program. */
export async function createDialogue(
  context: AppContext,
  actor: SignedIn,
  programId: string,
  body: CreateDialogue,
): Promise<DialogueDetail> {
  const { db } = context.database;
  const program = await findProgram(db, programId);
  await authorize(db, actor, 'dialogue.create', programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  const refusals = seedRefusals(body.seedStatements);
  if (Date.parse(body.closesAt) <= Date.now()) {
    refusals.push({
      field: 'closesAt',
      message: 'This time has passed: choose when the dialogue will close.',
      code: 'in_past',
    });
  }
  if (refusals.length > 0) throw new InvalidError(refusals);
  const id = crypto.randomUUID();
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(dialogues)
      .values({
        id,
        programId,
        title: body.title,
        description: body.description,
        opensAt: new Date(body.opensAt),
        closesAt: new Date(body.closesAt),
        audience: body.audience,
        moderation: body.moderation,
        languages: body.languages,
        groupThreshold: body.groupThreshold,
        createdBy: actor.personId,
      })
      .returning();
    if (body.seedStatements.length > 0) {
      await tx.insert(dialogueStatements).values(
        body.seedStatements.map((text, index) => ({
          id: crypto.randomUUID(),
          dialogueId: id,
          number: index + 1,
          authorParticipantId: null,
          text,
          normalised: normalisedStatement(text),
          language: body.languages[0] ?? 'en',
          status: 'accepted',
        })),
      );
    }
    await auditDialogue(tx, context, {
      personId: actor.personId,
      organisationId: program.leadOrganisationId,
      dialogue: { id, programId },
      action: 'dialogue.created',
      details: {
        audience: body.audience,
        moderation: body.moderation,
        seedStatements: body.seedStatements.length,
      },
    });
    return inserted;
  });
  if (!row) throw new ConflictError('The dialogue was not saved; please try again.');
  return detailOf(db, await accessTo(db, actor, row, program));
}

function ensureNotArchived(importedFrom: string | null): void {
  if (importedFrom !== null) {
    throw new ConflictError(
      'This dialogue is an archive of an earlier conversation: it stays as it was imported.',
      { code: 'dialogue_archived' },
    );
  }
}

/** PATCH /api/dialogues/:id, by whoever manages it. */
export async function updateDialogue(
  context: AppContext,
  actor: SignedIn,
  dialogueId: string,
  body: UpdateDialogue,
): Promise<DialogueDetail> {
  const { db } = context.database;
  const access = await manageableDialogue(db, actor, dialogueId);
  const { dialogue } = access;
  ensureNotArchived(dialogue.importedFrom);
  const opensAt = body.opensAt ? new Date(body.opensAt) : dialogue.opensAt;
  const closesAt = body.closesAt ? new Date(body.closesAt) : dialogue.closesAt;
  if (closesAt <= opensAt) {
    throw new InvalidError([
      {
        field: 'closesAt',
        message: 'The dialogue must close after it opens.',
        code: 'closes_before_opens',
      },
    ]);
  }
  const changes = {
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.opensAt !== undefined ? { opensAt } : {}),
    ...(body.closesAt !== undefined ? { closesAt } : {}),
    ...(body.moderation !== undefined ? { moderation: body.moderation } : {}),
    ...(body.resultsPublic !== undefined ? { resultsPublic: body.resultsPublic } : {}),
  };
  const fields = Object.keys(changes);
  if (fields.length === 0) return detailOf(db, access);
  const [row] = await db.transaction(async (tx) => {
    const updated = await tx
      .update(dialogues)
      .set(changes)
      .where(eq(dialogues.id, dialogueId))
      .returning();
    await auditDialogue(tx, context, {
      personId: actor.personId,
      organisationId: access.program.leadOrganisationId,
      dialogue,
      action: 'dialogue.updated',
      details: { fields },
    });
    return updated;
  });
  return detailOf(db, { ...access, dialogue: row ?? dialogue });
}
