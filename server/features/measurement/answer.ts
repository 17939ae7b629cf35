import { and, eq } from 'drizzle-orm';
import { dayIn } from '../../../shared/commitments/days.ts';
import type { AppContext } from '../../platform/context.ts';
import { ConflictError, GoneError } from '../../platform/errors.ts';
import { type AnswerInput, checkAnswer } from './answer-check.ts';
import { programFacts } from './program-facts.ts';
import { surveyInvitations } from './schema.ts';
import { storeResponse } from './store-response.ts';
import { answerStateOf, invitationAndSurvey } from './to-answer.ts';

// Sending one's answers by a token. The token is spent and the response stored in one
// transaction; the token is spent by a conditional update, so that of two submissions at the
// same moment one counts and the other is told it was already answered. Nothing is audited:
// an audit event's time beside a response's day is the link the tables are shaped to avoid.

const refusals = {
  answered: () =>
    new ConflictError('This survey was already answered with this link: thank you.', {
      code: 'already_answered',
    }),
  closed: () =>
    new ConflictError('This survey has closed: it takes no more answers. Thank you.', {
      code: 'closed',
    }),
  upcoming: () =>
    new ConflictError('This survey has not opened yet. Please come back when it opens.', {
      code: 'upcoming',
    }),
  expired: () =>
    new GoneError('This link has expired. You can ask the program for a new one.', {
      code: 'expired',
    }),
};

/** POST /api/survey-answer/:token. */
export async function submitAnswer(
  context: AppContext,
  token: string,
  body: AnswerInput,
): Promise<{ received: true }> {
  const { db } = context.database;
  const { invitation, survey } = await invitationAndSurvey(db, token);
  const state = answerStateOf(invitation, survey);
  if (state !== 'open') throw refusals[state]();
  const answer = checkAnswer(survey, invitation, body);
  const { timeZone } = await programFacts(db, survey.programId);
  await db.transaction(async (tx) => {
    const spent = await tx
      .update(surveyInvitations)
      .set({ answered: true })
      .where(
        and(
          eq(surveyInvitations.id, invitation.id),
          // A token replaced since it was read no longer counts.
          eq(surveyInvitations.tokenHash, invitation.tokenHash),
          eq(surveyInvitations.answered, false),
        ),
      )
      .returning({ id: surveyInvitations.id });
    if (spent.length === 0) throw refusals.answered();
    await storeResponse(tx, context.cipher, survey, invitation, answer, dayIn(timeZone));
  });
  return { received: true };
}
