import { count, desc, eq, inArray, sql } from 'drizzle-orm';
import type {
  SupportedLanguage,
  SurveyDetail,
  SurveySummary,
} from '../../../shared/measurement/contract.ts';
import type { SurveyKind } from '../../../shared/measurement/item-bank.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/connection.ts';
import {
  readableSurvey,
  type SurveyAccess,
  type SurveyRow,
  stateOf,
  surveysProgram,
} from './access.ts';
import { phaseUrls, pulseUrl } from './public-links.ts';
import { surveyInvitations, surveyResponses, surveys } from './schema.ts';

// Reading a program's surveys: the list, and one survey's page. Counts only: how many answered
// and how many tokens were sent or started; nothing here names a person or a response.

interface Counts {
  responses: number;
  sent: number;
  answered: number;
}

async function countsOf(db: Database, surveyIds: string[]): Promise<Map<string, Counts>> {
  const counts = new Map<string, Counts>(
    surveyIds.map((id) => [id, { responses: 0, sent: 0, answered: 0 }]),
  );
  if (surveyIds.length === 0) return counts;
  const responses = await db
    .select({ surveyId: surveyResponses.surveyId, n: count() })
    .from(surveyResponses)
    .where(inArray(surveyResponses.surveyId, surveyIds))
    .groupBy(surveyResponses.surveyId);
  const invitations = await db
    .select({
      surveyId: surveyInvitations.surveyId,
      sent: count(),
      answered: sql<number>`count(*) filter (where ${surveyInvitations.answered})`,
    })
    .from(surveyInvitations)
    .where(inArray(surveyInvitations.surveyId, surveyIds))
    .groupBy(surveyInvitations.surveyId);
  for (const row of responses) {
    const entry = counts.get(row.surveyId);
    if (entry) entry.responses = Number(row.n);
  }
  for (const row of invitations) {
    const entry = counts.get(row.surveyId);
    if (!entry) continue;
    entry.sent = Number(row.sent);
    entry.answered = Number(row.answered);
  }
  return counts;
}

function summaryOf(survey: SurveyRow, counts: Counts | undefined): SurveySummary {
  return {
    id: survey.id,
    programId: survey.programId,
    title: survey.title,
    kind: survey.kind as SurveyKind,
    state: stateOf(survey),
    opensAt: survey.opensAt.toISOString(),
    closesAt: survey.closesAt?.toISOString() ?? null,
    responses: counts?.responses ?? 0,
  };
}

/** GET /api/programs/:programId/surveys, the latest to open first. */
export async function listSurveys(
  db: Database,
  actor: SignedIn,
  programId: string,
): Promise<SurveySummary[]> {
  await surveysProgram(db, actor, programId, 'measurement.read');
  const rows = await db
    .select()
    .from(surveys)
    .where(eq(surveys.programId, programId))
    .orderBy(desc(surveys.opensAt), surveys.id);
  const counts = await countsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => summaryOf(row, counts.get(row.id)));
}

/** One survey's page, as its access decides. */
export async function detailOf(
  db: Database,
  publicUrl: string,
  access: SurveyAccess,
): Promise<SurveyDetail> {
  const { survey } = access;
  const counts = (await countsOf(db, [survey.id])).get(survey.id);
  return {
    ...summaryOf(survey, counts),
    items: survey.items,
    customQuestions: survey.customQuestions,
    languages: survey.languages as SupportedLanguage[],
    threshold: survey.threshold,
    neighbourhoods: survey.neighbourhoods,
    publicUrl: pulseUrl(publicUrl, survey),
    phaseUrls: phaseUrls(publicUrl, survey),
    invitations: { sent: counts?.sent ?? 0, answered: counts?.answered ?? 0 },
    canManage: access.manage,
  };
}

/** GET /api/surveys/:id. */
export async function readSurvey(
  db: Database,
  publicUrl: string,
  actor: SignedIn,
  surveyId: string,
): Promise<SurveyDetail> {
  return detailOf(db, publicUrl, await readableSurvey(db, actor, surveyId));
}
