import { z } from 'zod';
import type { supportedLanguages } from '../about/contract.ts';
import { languageField as language, writtenWords as words } from '../about/text-fields.ts';
import type { EffectSize } from '../statistics/effect-size.ts';
import type { Interval } from '../statistics/interval.ts';
import type { Construct, ScaleKind, SurveyKind } from './item-bank.ts';
import { SCALE_MAX, SCALE_MIN } from './item-bank.ts';
import type { SuppressionReason } from './suppression.ts';
import { type CustomQuestion, SHORT_TEXT_MAX, surveyDefinition } from './survey-definition.ts';

// Trust and outcome measurement's HTTP API (docs/decisions/028-measurement.md). A survey
// belongs to a program. Whoever answers does so by a one-use token: mailed after a circle or a
// conference, or taken from a pulse's public link. A response is stored with no link to the
// token or the person: only its survey, the quarter's day it came in, the role group and the
// neighbourhood the person gave, and the process it followed.
//
// Surveys (coordinators set them up; `measurement.manage`):
//   GET   /api/programs/:programId/surveys              SurveySummary[]
//   POST  /api/programs/:programId/surveys              createSurveyBody -> SurveyDetail
//   GET   /api/surveys/:id                              SurveyDetail
//   PATCH /api/surveys/:id                              updateSurveyBody -> SurveyDetail
//   POST  /api/surveys/:id/close                        -> SurveyDetail
//   GET   /api/surveys/:id/poster.png                   posterQuery -> a public link as a QR code
//   GET   /api/surveys/:id/poster.pdf                   posterQuery -> a printable poster (PDF)
//   GET   /api/surveys/:id/results                      SurveyResults (`measurement.read`)
// Answering (anyone with a token; no account):
//   POST  /api/pulse/:slug/start                        startPulseBody -> AnswerToken (a fresh
//                                                        one-use token; a training's link names
//                                                        its phase: before or after)
//   GET   /api/survey-answer/:token                     SurveyToAnswer
//   POST  /api/survey-answer/:token                     answerBody -> { received: true }
//   GET   /api/me/surveys                               MySurvey[] (surveys waiting for me)
//   POST  /api/me/surveys/:invitationId/token           -> AnswerToken (a fresh token for mine)
// Dashboards and exports (`measurement.read`, `measurement.export`):
//   GET   /api/programs/:programId/measurement          dashboardQuery -> Dashboard
//   GET   /api/programs/:programId/measurement.csv      dashboardQuery -> CSV of the same figures
//   GET   /api/programs/:programId/measurement/report.pdf   reportQuery -> the quarter's report
//   GET   /api/organisations/:organisationId/measurement    OrganisationMeasurement (each program)
//   PUT   /api/organisations/:organisationId/measurement/public   publicPageBody (org_admin)
//   GET   /api/public/trust/:organisationId             PublicTrust (404 unless opted in)

export type SupportedLanguage = (typeof supportedLanguages)[number];

export const TITLE_MAX = 160;
export const NEIGHBOURHOOD_MAX = 80;
export const NEIGHBOURHOODS_MAX = 40;
/** How long a mailed or started token can be used. */
export const TOKEN_DAYS = 30;
/** How many quarters a dashboard's trend goes back, the chosen quarter included. */
export const TREND_QUARTERS = 8;

export const roleGroups = ['resident', 'officer', 'other'] as const;
export type RoleGroup = (typeof roleGroups)[number];
export const processKinds = ['circle', 'conference', 'training'] as const;
export type ProcessKind = (typeof processKinds)[number];
/** A training survey is answered before and after the course; the two are compared. */
export const phases = ['before', 'after'] as const;
export type Phase = (typeof phases)[number];
export const surveyStates = ['upcoming', 'open', 'closed'] as const;
export type SurveyState = (typeof surveyStates)[number];

/** A quarter as people write it: 2026-Q3. */
export const quarter = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, 'Give a quarter such as 2026-Q3.')
  .refine((text) => Number(text.slice(0, 4)) >= 2000, 'Give a quarter from 2000 on.');
export type Quarter = z.output<typeof quarter>;

const neighbourhoods = z
  .array(words(NEIGHBOURHOOD_MAX, 'the neighbourhood'))
  .max(NEIGHBOURHOODS_MAX, `List at most ${NEIGHBOURHOODS_MAX} neighbourhoods.`)
  .refine((list) => new Set(list).size === list.length, 'Name each neighbourhood once.')
  .default([]);

const surveyTitle = z
  .partialRecord(language, words(TITLE_MAX, 'the title'))
  .refine((text) => Object.keys(text).length > 0, 'Write the title in at least one language.');

export const createSurveyBody = surveyDefinition.and(
  z.object({
    title: surveyTitle,
    /** A pulse asks which of these the person lives in; none: it does not ask. */
    neighbourhoods,
  }),
);
export type CreateSurveyBody = z.input<typeof createSurveyBody>;

/** Questions change only while nobody has answered; the title and closing date at any time. */
export const updateSurveyBody = z.object({
  title: surveyTitle.optional(),
  closesAt: z.iso.datetime({ offset: true, error: 'Give a date and time.' }).nullable().optional(),
  neighbourhoods: neighbourhoods.optional(),
});
export type UpdateSurveyBody = z.input<typeof updateSurveyBody>;

export interface SurveySummary {
  id: string;
  programId: string;
  title: Partial<Record<SupportedLanguage, string>>;
  kind: SurveyKind;
  state: SurveyState;
  opensAt: string;
  closesAt: string | null;
  responses: number;
}

export interface SurveyDetail extends SurveySummary {
  items: string[];
  customQuestions: CustomQuestion[];
  languages: SupportedLanguage[];
  threshold: number;
  neighbourhoods: string[];
  /** A pulse's public link (meant for posters), or null for other kinds. */
  publicUrl: string | null;
  /** A training survey's two public links, shown at the start and at the end; else null. */
  phaseUrls: Record<Phase, string> | null;
  /** Tokens sent or started, and how many of them were used. */
  invitations: { sent: number; answered: number };
  /** Whether the reader may change, close and print it. */
  canManage: boolean;
}

export interface AnswerToken {
  token: string;
  /** The page to answer on: /answer/<token>. */
  url: string;
  expiresAt: string;
}

/** One question as the person answering reads it, in the language they chose. */
export type QuestionToAnswer =
  | {
      type: 'scale';
      id: string;
      prompt: string;
      scale: ScaleKind;
      /** Labels for 1 to 5, lowest first. */
      labels: string[];
      required: boolean;
    }
  | {
      type: 'single_choice';
      id: string;
      prompt: string;
      options: { id: string; label: string }[];
      required: boolean;
    }
  | { type: 'short_text'; id: string; prompt: string; maxLength: number; required: boolean };

export type AnswerState = 'open' | 'answered' | 'closed' | 'upcoming' | 'expired';

export interface SurveyToAnswer {
  state: AnswerState;
  title: string;
  language: SupportedLanguage;
  languages: SupportedLanguage[];
  kind: SurveyKind;
  /** What the person is told about their answers, before the questions. */
  programName: string;
  questions: QuestionToAnswer[];
  /** Before or after a training, for a training survey's links; else null. */
  phase: Phase | null;
  /** A public link asks the person's role and neighbourhood; both may be left out. */
  asksRoleGroup: boolean;
  neighbourhoods: string[];
  /** The program's support lines, one tap away as on every page people answer on. */
  support: { name: string; contact: string }[];
  /** The fewest answers a group needs before any figure of it is shown. */
  threshold: number;
}

const scaleValue = z
  .number({ error: `Choose an answer from ${SCALE_MIN} to ${SCALE_MAX}.` })
  .int(`Choose an answer from ${SCALE_MIN} to ${SCALE_MAX}.`)
  .min(SCALE_MIN, `Choose an answer from ${SCALE_MIN} to ${SCALE_MAX}.`)
  .max(SCALE_MAX, `Choose an answer from ${SCALE_MIN} to ${SCALE_MAX}.`);

export const answerBody = z.object({
  language,
  /** Scale questions (bank items and custom scales): 1 to 5; a question left out is skipped. */
  scales: z.record(z.string().max(60), scaleValue).default({}),
  /** Single-choice questions: the chosen option's id. */
  choices: z.record(z.string().max(60), z.string().max(60)).default({}),
  texts: z
    .record(
      z.string().max(60),
      z.string().trim().max(SHORT_TEXT_MAX, `Keep it under ${SHORT_TEXT_MAX} characters.`),
    )
    .default({}),
  roleGroup: z.enum(roleGroups).nullable().default(null),
  neighbourhood: z.string().trim().max(NEIGHBOURHOOD_MAX).nullable().default(null),
});
export type AnswerBody = z.input<typeof answerBody>;

/**
 * A training survey's public link says which side of the training it is answered on; a
 * pulse's sends no body at all.
 */
export const startPulseBody = z
  .object({ phase: z.enum(phases, { error: 'Choose before or after the training.' }).optional() })
  .nullish();

/** Which of a training survey's two links a poster carries; a pulse has only one. */
export const posterQuery = z.object({
  phase: z.enum(phases, { error: 'Choose before or after the training.' }).optional(),
});

export interface MySurvey {
  invitationId: string;
  title: string;
  /** What it follows: "Circle: Listening on Elm Street", or null for a training survey. */
  about: string | null;
  expiresAt: string;
}

export const dashboardQuery = z.object({
  kind: z.enum(['after_process', 'pulse', 'training'], { error: 'Choose the kind of survey.' }),
  /**
   * The quarter the breakdowns and rates are for; the trend ends with it. It must have ended
   * (400 otherwise). Default: the last one that has.
   */
  quarter: quarter.optional(),
  /** The quarter to compare the chosen one with, ended too (default: the one before it). */
  compareWith: quarter.optional(),
});
export type DashboardQuery = z.input<typeof dashboardQuery>;

/** The quarter must have ended, as for the dashboard. */
export const reportQuery = z.object({ quarter, language: language.default('en') });

/** A figure the small-group rule hid: why, and nothing else. */
export interface Hidden {
  hidden: SuppressionReason;
}

export interface MeanFigure {
  n: number;
  /** On the 1 to 5 scale. */
  mean: number;
  interval: Interval | null;
}

export interface ProportionFigure {
  n: number;
  /** Of those answering: the share giving 4 or 5 (after reverse items are turned round). */
  favourable: number;
  interval: Interval | null;
}

/** One group's figures, or why they are hidden. */
export type GroupFigures =
  | {
      key: string;
      n: number;
      trust: MeanFigure | null;
      constructs: Partial<Record<Construct, ProportionFigure>>;
    }
  | ({ key: string } & Hidden);

export interface QuarterFigures {
  quarter: Quarter;
  figures: GroupFigures;
}

export interface Comparison {
  from: Quarter | Phase;
  to: Quarter | Phase;
  /** The trust index's change (to minus from): Welch's interval, Hedges' g with its interval. */
  difference: (Interval & { estimate: number }) | null;
  effectSize: EffectSize | null;
}

export interface Dashboard {
  programId: string;
  kind: SurveyKind;
  quarter: Quarter;
  threshold: number;
  /** The trust index and each construct, quarter by quarter, oldest first. */
  trend: QuarterFigures[];
  /** The chosen quarter against compareWith; for training surveys, before against after too. */
  comparisons: Comparison[];
  byRoleGroup: GroupFigures[];
  byNeighbourhood: GroupFigures[];
  /** Tokens sent after circles and conferences in the quarter, and the share answered. */
  responseRate: ProportionFigure | null;
  /** Conference agreement items due in the quarter, and the share completed. */
  agreementCompletion: ProportionFigure | null;
  /** The quarter under way: how many answered so far, and its last day. No figures until then. */
  current: { quarter: Quarter; responses: number; endsOn: string };
}

export interface SurveyResults {
  surveyId: string;
  /** Those who answered up to the cutoff. */
  n: number;
  threshold: number;
  /**
   * The last day counted: the last day of a quarter that has ended, or the survey's closing day.
   * It moves on to a later one only when at least the threshold answered in between (or no one
   * did), so that no two readings differ by a few people. Null: no such day yet.
   */
  cutoff: string | null;
  /** Null while fewer than the threshold have answered: nothing is shown until then. */
  questions:
    | {
        id: string;
        /** Counts of each answer, 1 to 5, or of each option (in the survey's order). */
        counts: { value: string; n: number }[];
        favourable: ProportionFigure | null;
      }[]
    | null;
  /**
   * Written answers in no order, with nothing beside them; null below the threshold and until
   * the survey has closed (they carry no day, so none could be left out by a cutoff).
   */
  texts: { questionId: string; text: string }[] | null;
}

export interface OrganisationMeasurement {
  organisationId: string;
  publicPage: boolean;
  programs: { programId: string; name: string; latest: QuarterFigures | null }[];
}

export const publicPageBody = z.object({ publicPage: z.boolean() });

export interface PublicTrust {
  organisationName: string;
  /** The fewest answers a quarter needs for its figures (the largest of the surveys' own). */
  threshold: number;
  programs: {
    programId: string;
    name: string;
    /**
     * Community pulses and after-process surveys, quarter by quarter up to the last ended one;
     * small groups hidden.
     */
    pulse: QuarterFigures[];
    afterProcess: QuarterFigures[];
  }[];
}
