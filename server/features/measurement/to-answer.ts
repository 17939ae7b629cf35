import { eq } from 'drizzle-orm';
import type {
  AnswerState,
  Phase,
  SupportedLanguage,
  SurveyToAnswer,
} from '../../../shared/measurement/contract.ts';
import type { SurveyKind } from '../../../shared/measurement/item-bank.ts';
import type { Database } from '../../platform/db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { type SurveyRow, stateOf } from './access.ts';
import { programFacts } from './program-facts.ts';
import { askedQuestions, languageFor, questionToAnswer, titleIn } from './questions.ts';
import { surveys } from './schema.ts';
import { type InvitationRow, invitationByToken } from './tokens.ts';

// What a token opens: the survey in the language the person chose, with where it stands for
// them (answered, closed, not open yet, expired), its program's name and support lines.

/** Where a token stands at `now`: a used one first, then the survey's dates, then its own. */
export function answerStateOf(
  invitation: Pick<InvitationRow, 'answered' | 'expiresAt'>,
  survey: Pick<SurveyRow, 'opensAt' | 'closesAt'>,
  now: Date = new Date(),
): AnswerState {
  if (invitation.answered) return 'answered';
  const state = stateOf(survey, now);
  if (state === 'closed') return 'closed';
  if (invitation.expiresAt <= now) return 'expired';
  return state;
}

/**
 * A public link asks the person's role group; a sent invitation knows it (after a process,
 * from the person's seat or party).
 */
export const asksRoleGroup = (invitation: Pick<InvitationRow, 'roleGroup'>) =>
  invitation.roleGroup === null;

/** The invitation a token opens and its survey; 404 for a token that opens none. */
export async function invitationAndSurvey(db: Database, token: string) {
  const invitation = await invitationByToken(db, token);
  const [survey] = await db.select().from(surveys).where(eq(surveys.id, invitation.surveyId));
  if (!survey) throw new NotFoundError('This survey is no longer here.');
  return { invitation, survey };
}

/** GET /api/survey-answer/:token. */
export async function surveyToAnswer(
  db: Database,
  token: string,
  askedLanguage: SupportedLanguage | undefined,
): Promise<SurveyToAnswer> {
  const { invitation, survey } = await invitationAndSurvey(db, token);
  const language = languageFor(survey, askedLanguage);
  const program = await programFacts(db, survey.programId);
  return {
    state: answerStateOf(invitation, survey),
    title: titleIn(survey, language),
    language,
    languages: survey.languages as SupportedLanguage[],
    kind: survey.kind as SurveyKind,
    programName: program.name,
    questions: [...askedQuestions(survey).values()].map((asked) =>
      questionToAnswer(asked, language),
    ),
    phase: invitation.phase as Phase | null,
    asksRoleGroup: asksRoleGroup(invitation),
    neighbourhoods: survey.neighbourhoods,
    support: program.support,
    threshold: survey.threshold,
  };
}
