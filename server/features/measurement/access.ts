import { eq } from 'drizzle-orm';
import type { SurveyState } from '../../../shared/measurement/contract.ts';
import { decide, type Target } from '../../../shared/permissions/decide.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { findProgram, type ProgramRunners } from '../organisations/service.ts';
import { surveys } from './schema.ts';

// Who may do what with a program's surveys; every survey route of staff asks here. The
// permission table decides on the survey's program: `measurement.manage` sets surveys up,
// changes, closes and prints them; `measurement.read` sees them and their counts.

export type SurveyRow = typeof surveys.$inferSelect;
type Executor = Database | Transaction;

export interface SurveyAccess {
  survey: SurveyRow;
  program: ProgramRunners;
  manage: boolean;
  read: boolean;
}

/** Where a survey stands at `now`, from its dates alone. */
export function stateOf(
  survey: Pick<SurveyRow, 'opensAt' | 'closesAt'>,
  now: Date = new Date(),
): SurveyState {
  if (now < survey.opensAt) return 'upcoming';
  return survey.closesAt !== null && now >= survey.closesAt ? 'closed' : 'open';
}

export function surveyTarget(
  surveyId: string,
  programId: string,
  program: ProgramRunners | undefined,
): Target & { type: string; id: string } {
  return { ...programTarget(programId, program), type: 'survey', id: surveyId };
}

export async function findSurvey(db: Executor, surveyId: string) {
  const [survey] = await db.select().from(surveys).where(eq(surveys.id, surveyId));
  const program = survey && (await findProgram(db, survey.programId));
  return survey && program ? { survey, program } : undefined;
}

export function accessTo(actor: SignedIn, survey: SurveyRow, program: ProgramRunners) {
  const target = surveyTarget(survey.id, survey.programId, program);
  const manage = decide(actor, 'measurement.manage', target).allowed;
  return {
    survey,
    program,
    manage,
    read: manage || decide(actor, 'measurement.read', target).allowed,
  };
}

/**
 * The survey when the table lets the actor `action` on it. A refusal is 403 and audited,
 * whether or not the survey exists; someone the table lets through finds no survey by a
 * wrong id (404).
 */
async function surveyWhere(
  db: Database,
  actor: SignedIn,
  surveyId: string,
  action: 'measurement.manage' | 'measurement.read',
): Promise<SurveyAccess> {
  const found = await findSurvey(db, surveyId);
  const access = found && accessTo(actor, found.survey, found.program);
  if (access && (action === 'measurement.manage' ? access.manage : access.read)) return access;
  const target = surveyTarget(surveyId, found?.survey.programId ?? '', found?.program);
  await authorize(db, actor, action, target);
  throw new NotFoundError('There is no such survey.');
}

export const readableSurvey = (db: Database, actor: SignedIn, surveyId: string) =>
  surveyWhere(db, actor, surveyId, 'measurement.read');

export const manageableSurvey = (db: Database, actor: SignedIn, surveyId: string) =>
  surveyWhere(db, actor, surveyId, 'measurement.manage');

/** The program, once the table lets the actor `action` its surveys (403, then 404). */
export async function surveysProgram(
  db: Database,
  actor: SignedIn,
  programId: string,
  action: 'measurement.manage' | 'measurement.read',
): Promise<ProgramRunners> {
  const program = await findProgram(db, programId);
  await authorize(db, actor, action, programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  return program;
}
