import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  createSurveyBody,
  SupportedLanguage,
  SurveyDetail,
  updateSurveyBody,
} from '../../../shared/measurement/contract.ts';
import type { AuditDetails } from '../../platform/audit/schema.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { ConflictError, type FieldMessage, InvalidError } from '../../platform/errors.ts';
import { manageableSurvey, type SurveyAccess, stateOf, surveysProgram } from './access.ts';
import { publicSlugFor } from './public-links.ts';
import { surveys } from './schema.ts';
import { detailOf } from './survey-read.ts';

// Setting up a survey, changing its title, closing date and neighbourhoods, and closing it now.
// Its questions and languages are fixed once it exists (updateSurveyBody has no place for them),
// so every answer to a survey answered the same questions. Every change is audited with ids
// and field names only.

export type CreateSurvey = z.output<typeof createSurveyBody>;
export type UpdateSurvey = z.output<typeof updateSurveyBody>;
type Title = CreateSurvey['title'];

/** A person answering in Spanish reads the title in Spanish: one per language of the survey. */
function titleRefusals(title: Title, languages: readonly string[]): FieldMessage[] {
  return languages.flatMap((language) =>
    title[language as SupportedLanguage]
      ? []
      : [
          {
            field: `title.${language}`,
            message: `Write the title in every language of the survey (${language}).`,
            code: 'missing_language',
          },
        ],
  );
}

async function auditSurvey(
  tx: Transaction,
  context: AppContext,
  actor: SignedIn,
  access: Pick<SurveyAccess, 'survey' | 'program'>,
  action: 'survey.created' | 'survey.updated' | 'survey.closed',
  details: AuditDetails = {},
): Promise<void> {
  await recordAudit(
    context.database.db,
    {
      actorKind: 'person',
      actorId: actor.personId,
      organisationId: access.program.leadOrganisationId,
      action,
      targetType: 'survey',
      targetId: access.survey.id,
      outcome: 'succeeded',
      details: { programId: access.survey.programId, ...details },
    },
    tx,
  );
}

/** POST /api/programs/:programId/surveys: `measurement.manage` in the program. */
export async function createSurvey(
  context: AppContext,
  actor: SignedIn,
  programId: string,
  body: CreateSurvey,
): Promise<SurveyDetail> {
  const { db } = context.database;
  const program = await surveysProgram(db, actor, programId, 'measurement.manage');
  const refusals = titleRefusals(body.title, body.languages);
  if (body.closesAt !== null && Date.parse(body.closesAt) <= Date.now()) {
    refusals.push({
      field: 'closesAt',
      message: 'This time has passed: choose when the survey will close.',
      code: 'in_past',
    });
  }
  if (refusals.length > 0) throw new InvalidError(refusals);
  const survey = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(surveys)
      .values({
        id: crypto.randomUUID(),
        programId,
        kind: body.kind,
        title: body.title,
        items: body.items,
        customQuestions: body.customQuestions,
        languages: body.languages,
        threshold: body.threshold,
        neighbourhoods: body.neighbourhoods,
        opensAt: new Date(body.opensAt),
        closesAt: body.closesAt === null ? null : new Date(body.closesAt),
        publicSlug: publicSlugFor(body.kind),
        createdBy: actor.personId,
      })
      .returning();
    if (!row) throw new ConflictError('The survey was not saved; please try again.');
    await auditSurvey(tx, context, actor, { survey: row, program }, 'survey.created', {
      kind: body.kind,
      items: body.items.length,
      customQuestions: body.customQuestions.length,
    });
    return row;
  });
  return detailOf(db, context.config.publicUrl, { survey, program, manage: true, read: true });
}

/** PATCH /api/surveys/:id: the title and neighbourhoods at any time; the closing date until it closes. */
export async function updateSurvey(
  context: AppContext,
  actor: SignedIn,
  surveyId: string,
  body: UpdateSurvey,
): Promise<SurveyDetail> {
  const { db } = context.database;
  const access = await manageableSurvey(db, actor, surveyId);
  const { survey } = access;
  const refusals = body.title ? titleRefusals(body.title, survey.languages) : [];
  const closesAt =
    body.closesAt === undefined
      ? survey.closesAt
      : body.closesAt === null
        ? null
        : new Date(body.closesAt);
  // A closed survey's results count every answer up to its close (survey-results.ts): opened
  // again and closed after one more answer, two readings would give that answer away.
  if (body.closesAt !== undefined && stateOf(survey) === 'closed') {
    refusals.push({
      field: 'closesAt',
      message: 'A closed survey cannot be opened again.',
      code: 'survey_closed',
    });
  } else if (closesAt && closesAt <= survey.opensAt) {
    refusals.push({
      field: 'closesAt',
      message: 'The survey must close after it opens.',
      code: 'closes_before_opens',
    });
  }
  if (refusals.length > 0) throw new InvalidError(refusals);
  const changes = {
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.closesAt !== undefined ? { closesAt } : {}),
    ...(body.neighbourhoods !== undefined ? { neighbourhoods: body.neighbourhoods } : {}),
  };
  const fields = Object.keys(changes);
  if (fields.length === 0) return detailOf(db, context.config.publicUrl, access);
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(surveys)
      .set(changes)
      .where(eq(surveys.id, surveyId))
      .returning();
    await auditSurvey(tx, context, actor, access, 'survey.updated', { fields });
    return updated;
  });
  return detailOf(db, context.config.publicUrl, { ...access, survey: row ?? survey });
}

/**
 * POST /api/surveys/:id/close: it takes no more answers from now. An upcoming survey closed
 * this way never opens. A closed one is refused (409), so that its date stays the true one.
 */
export async function closeSurvey(
  context: AppContext,
  actor: SignedIn,
  surveyId: string,
): Promise<SurveyDetail> {
  const { db } = context.database;
  const access = await manageableSurvey(db, actor, surveyId);
  const row = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(surveys).where(eq(surveys.id, surveyId)).for('update');
    const now = new Date();
    const state = stateOf(locked ?? access.survey, now);
    if (state === 'closed') {
      throw new ConflictError('This survey has closed already.', { code: 'survey_closed' });
    }
    const [updated] = await tx
      .update(surveys)
      .set({ closesAt: now, ...(state === 'upcoming' ? { opensAt: now } : {}) })
      .where(eq(surveys.id, surveyId))
      .returning();
    await auditSurvey(tx, context, actor, access, 'survey.closed', { was: state });
    return updated;
  });
  return detailOf(db, context.config.publicUrl, { ...access, survey: row ?? access.survey });
}
