import { and, eq, gt, gte, isNull, lte, notExists, or } from 'drizzle-orm';
import { z } from 'zod';
import { dayIn } from '../../../shared/commitments/days.ts';
import { TOKEN_DAYS } from '../../../shared/measurement/contract.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { circles } from '../circles/schema.ts';
import { conferences } from '../conferences/schema.ts';
import type { SurveyRow } from './access.ts';
import {
  circleRespondents,
  conferenceRespondents,
  type Respondent,
} from './after-process-people.ts';
import { programFacts } from './program-facts.ts';
import { surveyInvitations, surveySends, surveys } from './schema.ts';
import { answerPage, newSurveyToken, tokenExpiry } from './tokens.ts';

// After a circle or a conference of a program closes, its open after-process survey goes to
// everyone who took part but did not run it (after-process-people.ts): an invitation each, and
// an email to those with an address. A process is claimed in `survey_sends` in the transaction
// that writes its invitations and emails, so two runs, or two processes, send once. A circle
// that is a conference's online room is the conference's, and a training's practice circle
// is the training's: neither is surveyed as a circle.

export const AFTER_PROCESS_JOB = 'measurement.send-after-process';
export const AFTER_PROCESS_EVERY_MS = 5 * 60 * 1_000;

interface Process {
  kind: 'circle' | 'conference';
  id: string;
  /** A circle's purpose, for the email; null for a conference. */
  purpose: string | null;
}

export function defineAfterProcessSurveys(context: AppContext): void {
  context.jobs.define({
    name: AFTER_PROCESS_JOB,
    payload: z.object({}),
    async handler() {
      await sendAfterProcessSurveys(context);
    },
  });
}

async function processesToSurvey(context: AppContext, survey: SurveyRow): Promise<Process[]> {
  const { db } = context.database;
  const sent = (kind: Process['kind'], processId: typeof circles.id | typeof conferences.id) =>
    notExists(
      db
        .select({ one: surveySends.processId })
        .from(surveySends)
        .where(
          and(
            eq(surveySends.surveyId, survey.id),
            eq(surveySends.processKind, kind),
            eq(surveySends.processId, processId),
          ),
        ),
    );
  const closedCircles = await db
    .select({ id: circles.id, purpose: circles.purpose })
    .from(circles)
    .where(
      and(
        eq(circles.programId, survey.programId),
        eq(circles.status, 'closed'),
        gte(circles.closedAt, survey.opensAt),
        eq(circles.conference, false),
        eq(circles.training, false),
        sent('circle', circles.id),
      ),
    );
  const closedConferences = await db
    .select({ id: conferences.id })
    .from(conferences)
    .where(
      and(
        eq(conferences.programId, survey.programId),
        eq(conferences.stage, 'closed'),
        gte(conferences.closedAt, survey.opensAt),
        sent('conference', conferences.id),
      ),
    );
  return [
    ...closedCircles.map((circle) => ({ kind: 'circle' as const, ...circle })),
    ...closedConferences.map((conference) => ({
      kind: 'conference' as const,
      id: conference.id,
      purpose: null,
    })),
  ];
}

async function invite(
  context: AppContext,
  tx: Transaction,
  survey: SurveyRow,
  process: Process,
  respondent: Respondent,
  facts: { programName: string; sentOn: string; now: Date },
): Promise<void> {
  const { token, tokenHash } = newSurveyToken();
  await tx.insert(surveyInvitations).values({
    id: crypto.randomUUID(),
    surveyId: survey.id,
    tokenHash,
    personId: respondent.personId,
    processKind: process.kind,
    processId: process.id,
    roleGroup: respondent.roleGroup,
    sentOn: facts.sentOn,
    expiresAt: tokenExpiry(facts.now),
  });
  if (respondent.address === null) return;
  await context.mail.notify(
    {
      to: respondent.address,
      template: 'survey-invitation',
      language: respondent.language,
      data: {
        programName: facts.programName,
        process: process.kind,
        purpose: process.purpose,
        link: answerPage(context.config.publicUrl, token),
        days: TOKEN_DAYS,
      },
    },
    { tx },
  );
}

/** Sends each open after-process survey after the processes closed since it opened; returns how many processes it claimed. */
export async function sendAfterProcessSurveys(
  context: AppContext,
  now = new Date(),
): Promise<number> {
  const { db } = context.database;
  const open = await db
    .select()
    .from(surveys)
    .where(
      and(
        eq(surveys.kind, 'after_process'),
        lte(surveys.opensAt, now),
        or(isNull(surveys.closesAt), gt(surveys.closesAt, now)),
      ),
    );
  let claimed = 0;
  for (const survey of open) {
    const program = await programFacts(db, survey.programId);
    const facts = { programName: program.name, sentOn: dayIn(program.timeZone, now), now };
    for (const process of await processesToSurvey(context, survey)) {
      const sent = await db.transaction(async (tx) => {
        const claim = await tx
          .insert(surveySends)
          .values({ surveyId: survey.id, processKind: process.kind, processId: process.id })
          .onConflictDoNothing()
          .returning({ processId: surveySends.processId });
        if (claim.length === 0) return false;
        const respondents =
          process.kind === 'circle'
            ? await circleRespondents(tx, process.id)
            : await conferenceRespondents(tx, context.cipher, process.id);
        // One invitation each, for someone who was two parties of one case too.
        const seen = new Set<string>();
        for (const respondent of respondents) {
          const who = respondent.personId ?? respondent.address ?? '';
          if (seen.has(who)) continue;
          seen.add(who);
          await invite(context, tx, survey, process, respondent, facts);
        }
        return true;
      });
      if (sent) claimed += 1;
    }
  }
  return claimed;
}
