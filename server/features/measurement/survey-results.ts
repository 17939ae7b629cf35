import { and, eq, lte, sql } from 'drizzle-orm';
import { dayIn } from '../../../shared/commitments/days.ts';
import type { Quarter, SurveyResults } from '../../../shared/measurement/contract.ts';
import { SCALE_MAX, SCALE_MIN } from '../../../shared/measurement/item-bank.ts';
import {
  lastDayOf,
  lastEndedQuarter,
  quarterFromNumber,
  quarterNumber,
  quarterOf,
} from '../../../shared/measurement/quarters.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { programs } from '../organisations/schema.ts';
import { readableSurvey, type SurveyRow, stateOf } from './access.ts';
import { rateFigure } from './figures.ts';
import { askedQuestions } from './questions.ts';
import { surveyAnswers, surveyResponses, surveyTexts } from './schema.ts';
import { surveyTextContext } from './store-response.ts';

// One survey's results (GET /api/surveys/:id/results), for the readers of its program's figures.
// Answers count only up to a cutoff that no new answer can move (docs/decisions/028-measurement.md):
// the end of a quarter that has ended, or the survey's closing day once it has closed. Reading
// the results after each answer would otherwise give that answer away. The cutoff moves on to a
// later such day only when at least the threshold answered in between (or no one did), so that
// no two readings, however far apart, differ by 1 to threshold-1 people. Written answers carry no
// day, so they are shown only once the survey has closed and every answer counts.

type Executor = Database | Transaction;

const nextQuarter = (quarter: Quarter) => quarterFromNumber(quarterNumber(quarter) + 1);

/**
 * The days the cutoff may stop at, in order: the last day of each quarter the survey was open
 * in that has ended, then its closing day once it has closed.
 */
function cutoffDays(opensOn: string, closedOn: string | null, today: string): string[] {
  const last = closedOn ?? lastDayOf(lastEndedQuarter(today));
  const days: string[] = [];
  for (let quarter = quarterOf(opensOn); lastDayOf(quarter) <= last; ) {
    if (lastDayOf(quarter) !== closedOn) days.push(lastDayOf(quarter));
    quarter = nextQuarter(quarter);
  }
  if (closedOn && opensOn <= closedOn) days.push(closedOn);
  return days;
}

/** The latest day the answers may be counted up to, and how many answered by then. */
function chooseCutoff(
  days: readonly string[],
  answeredOn: readonly { day: string; n: number }[],
  threshold: number,
): { cutoff: string | null; n: number } {
  let cutoff: string | null = null;
  let n = 0;
  for (const day of days) {
    const added = answeredOn
      .filter((each) => each.day <= day && (cutoff === null || each.day > cutoff))
      .reduce((sum, each) => sum + each.n, 0);
    if (added === 0 || added >= threshold) {
      cutoff = day;
      n += added;
    }
  }
  return { cutoff, n };
}

interface AnswerCount {
  questionId: string;
  value: number | null;
  choice: string | null;
  n: number;
  favourable: number;
}

async function answerCounts(db: Executor, surveyId: string, cutoff: string) {
  return db
    .select({
      questionId: surveyAnswers.questionId,
      value: surveyAnswers.value,
      choice: surveyAnswers.choice,
      n: sql<number>`count(*)::int`,
      favourable: sql<number>`count(*) filter (where ${surveyAnswers.score} >= 4)::int`,
    })
    .from(surveyAnswers)
    .where(and(eq(surveyAnswers.surveyId, surveyId), lte(surveyAnswers.submittedOn, cutoff)))
    .groupBy(surveyAnswers.questionId, surveyAnswers.value, surveyAnswers.choice);
}

const scaleValues = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i);

/** Each scale and choice question in the survey's order, every answer listed, none left out. */
function questionResults(
  survey: SurveyRow,
  rows: AnswerCount[],
): NonNullable<SurveyResults['questions']> {
  const results: NonNullable<SurveyResults['questions']> = [];
  for (const [id, asked] of askedQuestions(survey)) {
    const mine = rows.filter((row) => row.questionId === id);
    const type = asked.kind === 'bank' ? 'scale' : asked.question.type;
    if (type === 'scale') {
      const answered = mine.reduce((sum, row) => sum + row.n, 0);
      const favourable = mine.reduce((sum, row) => sum + row.favourable, 0);
      results.push({
        id,
        counts: scaleValues.map((value) => ({
          value: String(value),
          n: mine.find((row) => row.value === value)?.n ?? 0,
        })),
        favourable: answered === 0 ? null : rateFigure(favourable, answered),
      });
    } else if (asked.kind === 'custom' && asked.question.type === 'single_choice') {
      results.push({
        id,
        counts: asked.question.options.map((option) => ({
          value: option.id,
          n: mine.find((row) => row.choice === option.id)?.n ?? 0,
        })),
        favourable: null,
      });
    }
  }
  return results;
}

/** Written answers opened, in a random order so that no order tells when one came. */
async function writtenAnswers(context: AppContext, surveyId: string) {
  const rows = await context.database.db
    .select({ id: surveyTexts.id, questionId: surveyTexts.questionId, body: surveyTexts.body })
    .from(surveyTexts)
    .where(eq(surveyTexts.surveyId, surveyId));
  const texts = rows.map((row) => ({
    questionId: row.questionId,
    text: context.cipher.decrypt(row.body, surveyTextContext(row.id)),
  }));
  for (let i = texts.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    const [a, b] = [texts[i], texts[j]];
    if (a && b) [texts[i], texts[j]] = [b, a];
  }
  return texts;
}

/** GET /api/surveys/:id/results. */
export async function surveyResults(
  context: AppContext,
  actor: SignedIn,
  surveyId: string,
  now: Date = new Date(),
): Promise<SurveyResults> {
  const { db } = context.database;
  const { survey } = await readableSurvey(db, actor, surveyId);
  const [program] = await db
    .select({ timeZone: programs.timeZone })
    .from(programs)
    .where(eq(programs.id, survey.programId));
  if (!program) throw new NotFoundError('There is no such survey.');
  const { timeZone } = program;
  const closedOn =
    stateOf(survey, now) === 'closed' && survey.closesAt ? dayIn(timeZone, survey.closesAt) : null;
  const days = cutoffDays(dayIn(timeZone, survey.opensAt), closedOn, dayIn(timeZone, now));
  const lastDay = days.at(-1);
  const none = { surveyId, n: 0, threshold: survey.threshold, cutoff: null, questions: null };
  if (lastDay === undefined) return { ...none, texts: null };
  // One snapshot, so that the counts by day and the answers agree.
  const read = await db.transaction(
    async (tx) => {
      const answeredOn = await tx
        .select({ day: surveyResponses.submittedOn, n: sql<number>`count(*)::int` })
        .from(surveyResponses)
        .where(
          and(eq(surveyResponses.surveyId, surveyId), lte(surveyResponses.submittedOn, lastDay)),
        )
        .groupBy(surveyResponses.submittedOn);
      const chosen = chooseCutoff(days, answeredOn, survey.threshold);
      const shown = chosen.cutoff !== null && chosen.n >= survey.threshold;
      return {
        ...chosen,
        rows: shown && chosen.cutoff ? await answerCounts(tx, surveyId, chosen.cutoff) : null,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const counted = { ...none, n: read.n, cutoff: read.cutoff };
  if (read.rows === null) return { ...counted, texts: null };
  const everyAnswer = closedOn !== null && read.cutoff === closedOn;
  return {
    ...counted,
    questions: questionResults(survey, read.rows),
    texts: everyAnswer ? await writtenAnswers(context, surveyId) : null,
  };
}
