import { eq } from 'drizzle-orm';
import { dayIn } from '../../../shared/commitments/days.ts';
import type { AnswerToken, Phase } from '../../../shared/measurement/contract.ts';
import type { AppContext } from '../../platform/context.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { stateOf } from './access.ts';
import { programFacts } from './program-facts.ts';
import { phaseFor } from './public-links.ts';
import { surveyInvitations, surveys } from './schema.ts';
import { answerTokenOf, newSurveyToken, tokenExpiry } from './tokens.ts';

// A public link (a pulse's poster, a training's before or after link) starts a fresh one-use
// token for each visit, with no person: a retry or a double tap makes a second token, never a
// second answer. A training's token carries the link's phase into the response. A public link
// cannot stop one person from starting twice; the route's rate limit slows it.

/** POST /api/pulse/:slug/start. */
export async function startPulse(
  context: AppContext,
  slug: string,
  askedPhase?: Phase,
): Promise<AnswerToken> {
  const { db } = context.database;
  const [survey] = await db.select().from(surveys).where(eq(surveys.publicSlug, slug));
  if (!survey) {
    throw new NotFoundError(
      'There is no survey at this address. Check the link, or scan the poster’s code again.',
      { code: 'unknown_survey' },
    );
  }
  const phase = phaseFor(survey, askedPhase);
  const state = stateOf(survey);
  if (state === 'closed') {
    throw new ConflictError('This survey has closed: it takes no more answers. Thank you.', {
      code: 'closed',
    });
  }
  if (state === 'upcoming') {
    throw new ConflictError('This survey has not opened yet. Please come back later.', {
      code: 'upcoming',
    });
  }
  const { timeZone } = await programFacts(db, survey.programId);
  const { token, tokenHash } = newSurveyToken();
  const now = new Date();
  const expiresAt = tokenExpiry(now);
  await db.insert(surveyInvitations).values({
    id: crypto.randomUUID(),
    surveyId: survey.id,
    tokenHash,
    personId: null,
    phase,
    sentOn: dayIn(timeZone, now),
    expiresAt,
  });
  return answerTokenOf(context.config.publicUrl, token, expiresAt);
}
