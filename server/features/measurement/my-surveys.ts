import { and, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type {
  AnswerToken,
  MySurvey,
  SupportedLanguage,
} from '../../../shared/measurement/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/connection.ts';
import { ConflictError, GoneError, NotFoundError } from '../../platform/errors.ts';
import { circles } from '../circles/schema.ts';
import { languageFor, titleIn } from './questions.ts';
import { surveyInvitations, surveys } from './schema.ts';
import { answerStateOf } from './to-answer.ts';
import { answerTokenOf, newSurveyToken } from './tokens.ts';

// "My surveys": the surveys waiting for the signed-in person (sent after a circle or a
// conference they took part in), for those who have no address to mail to or lost the email.
// Only invitations are read here: whether one was used, never what was answered.

const aboutWords = {
  en: { circle: 'Circle: ', conference: 'Conference' },
  es: { circle: 'Círculo: ', conference: 'Conferencia' },
} as const;

async function purposesOf(db: Database, circleIds: string[]): Promise<Map<string, string>> {
  if (circleIds.length === 0) return new Map();
  const rows = await db
    .select({ id: circles.id, purpose: circles.purpose })
    .from(circles)
    .where(inArray(circles.id, circleIds));
  return new Map(rows.map((row) => [row.id, row.purpose]));
}

/** GET /api/me/surveys: unanswered, unexpired invitations to surveys open now. */
export async function mySurveys(db: Database, actor: SignedIn): Promise<MySurvey[]> {
  const now = new Date();
  const rows = await db
    .select({ invitation: surveyInvitations, survey: surveys })
    .from(surveyInvitations)
    .innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
    .where(
      and(
        eq(surveyInvitations.personId, actor.personId),
        eq(surveyInvitations.answered, false),
        gt(surveyInvitations.expiresAt, now),
        lte(surveys.opensAt, now),
        or(isNull(surveys.closesAt), gt(surveys.closesAt, now)),
      ),
    )
    .orderBy(surveyInvitations.expiresAt, surveyInvitations.id);
  const purposes = await purposesOf(
    db,
    rows.flatMap(({ invitation }) =>
      invitation.processKind === 'circle' && invitation.processId ? [invitation.processId] : [],
    ),
  );
  return rows.map(({ invitation, survey }) => {
    const language: SupportedLanguage = languageFor(survey, actor.language);
    const words = aboutWords[language];
    const purpose = invitation.processId ? purposes.get(invitation.processId) : undefined;
    const about =
      invitation.processKind === 'circle'
        ? `${words.circle}${purpose ?? ''}`.trim()
        : invitation.processKind === 'conference'
          ? words.conference
          : null;
    return {
      invitationId: invitation.id,
      title: titleIn(survey, language),
      about,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  });
}

/**
 * POST /api/me/surveys/:invitationId/token: a fresh token for one's own invitation; the one
 * mailed stops working. Someone else's invitation is not found (404).
 */
export async function freshTokenFor(
  context: AppContext,
  actor: SignedIn,
  invitationId: string,
): Promise<AnswerToken> {
  const { db } = context.database;
  const [row] = await db
    .select({ invitation: surveyInvitations, survey: surveys })
    .from(surveyInvitations)
    .innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
    .where(
      and(eq(surveyInvitations.id, invitationId), eq(surveyInvitations.personId, actor.personId)),
    );
  if (!row) throw new NotFoundError('There is no such survey waiting for you.');
  const state = answerStateOf(row.invitation, row.survey);
  if (state === 'answered') {
    throw new ConflictError('You have answered this survey already: thank you.', {
      code: 'already_answered',
    });
  }
  if (state === 'closed' || state === 'upcoming') {
    throw new ConflictError(
      state === 'closed' ? 'This survey has closed.' : 'This survey has not opened yet.',
      { code: state },
    );
  }
  if (state === 'expired') {
    throw new GoneError('The time to answer this survey has passed.', { code: 'expired' });
  }
  const { token, tokenHash } = newSurveyToken();
  await db
    .update(surveyInvitations)
    .set({ tokenHash })
    .where(eq(surveyInvitations.id, invitationId));
  return answerTokenOf(context.config.publicUrl, token, row.invitation.expiresAt);
}
