import { z } from 'zod';
import { wordsUpTo, writtenWords } from '../about/text-fields.ts';
import {
  type CourseContent,
  courseContent,
  type Outcome,
  partId,
  type Topic,
  type Translated,
} from './course.ts';
import type { ScenarioWalk } from './progress.ts';

// Restorative training's HTTP API: a program's courses, authored and versioned.
//
// Courses (`training.read` to read them, `training.manage` for the rest):
//   GET  /api/programs/:programId/courses                CourseSummary[]
//   POST /api/programs/:programId/courses                courseFile -> CourseDetail (a course
//                                                        file: a new course, or one imported)
//   GET  /api/programs/:programId/starter-courses        StarterCourse[] (the project's own)
//   POST /api/programs/:programId/starter-courses/:slug  -> CourseDetail (a copy in the program)
//   GET  /api/courses/:id                                CourseDetail (its latest version)
//   PUT  /api/courses/:id                                saveCourseBody -> CourseDetail (a new
//                                                        version; 409 when `basedOn` is not the
//                                                        latest, so that no one's work is lost)
//   GET  /api/courses/:id/export                         the latest version as a course file
//   PUT  /api/courses/:id/survey                         attachSurveyBody -> CourseDetail (the
//                                                        program's training survey, or none)
// Cohorts (`training.manage` to make one, `training.read` to list them):
//   POST /api/courses/:id/cohorts                        createCohortBody -> CohortSummary
//   GET  /api/courses/:id/cohorts                        CohortSummary[]
//   GET  /api/courses/:id/assignable                     AssignablePerson[] (`training.manage`)
// Reports (`training.report`): who completed, by cohort and unit, and what learners chose:
//   GET  /api/courses/:id/report                         CourseReport
//   GET  /api/courses/:id/report.csv                     one row per learner (?lang=en|es)
//   GET  /api/courses/:id/xapi                           learning records as xAPI statements
// Learning (the learner's own):
//   GET  /api/me/training                                MyCourse[]
//   GET  /api/me/training/:enrolmentId                   Learning (the version, where they are)
//   POST /api/me/training/:enrolmentId/steps             stepBody -> Learning (or 409 refused)
//   GET  /api/me/training/:enrolmentId/certificate.pdf   the certificate of a completed course
// Certificates (anyone holding the link):
//   GET  /api/certificates/:code                         CertificateCheck (400 malformed, 404)

export interface CourseSummary {
  id: string;
  programId: string;
  slug: string;
  title: CourseContent['title'];
  topic: Topic;
  minutes: number;
  version: number;
  savedAt: string;
}

export interface CourseDetail extends CourseSummary {
  course: CourseContent;
  savedBy: string;
  /** Whether the reader may change, export and replace it. */
  canManage: boolean;
  /** The training survey learners answer before and after it, if one is attached. */
  surveyId: string | null;
}

export const attachSurveyBody = z.object({
  surveyId: z.string().min(1, 'Choose a survey.').max(100).nullable(),
});
export type AttachSurveyBody = z.input<typeof attachSurveyBody>;

/** The two links of a course's before-and-after survey, shown to the learner at each end. */
export interface BeforeAfterLinks {
  beforeUrl: string;
  afterUrl: string;
}

export interface StarterCourse {
  slug: string;
  title: CourseContent['title'];
  summary: CourseContent['summary'];
  topic: Topic;
  minutes: number;
  /** The program already holds a course of this name. */
  added: boolean;
}

export const saveCourseBody = z.object({
  /** The version the author started from. */
  basedOn: z.number({ error: 'Say which version this starts from.' }).int().min(1),
  course: courseContent,
});
export type SaveCourseBody = z.input<typeof saveCourseBody>;

export const REFLECTION_MAX = 4_000;
export const UNIT_MAX = 80;

export const createCohortBody = z
  .object({
    name: writtenWords(120, 'the cohort’s name'),
    dueOn: z.iso.date({ error: 'Give the due date.' }),
    people: z
      .array(z.string().min(1).max(100))
      .min(1, 'Choose at least one person.')
      .max(500, 'Assign at most 500 people at once.')
      .refine((list) => new Set(list).size === list.length, 'Choose each person once.'),
    /** Each person's unit (a shift, a district), by person: reports count completion by unit. */
    units: z.record(z.string().min(1).max(100), wordsUpTo(UNIT_MAX, 'the unit')).default({}),
  })
  .superRefine((body, context) => {
    const assigned = new Set(body.people);
    for (const personId of Object.keys(body.units)) {
      if (!assigned.has(personId)) {
        context.addIssue({
          code: 'custom',
          path: ['units', personId],
          message: 'Give a unit only to someone you assign.',
        });
      }
    }
  });
export type CreateCohortBody = z.input<typeof createCohortBody>;

export interface CohortSummary {
  id: string;
  courseId: string;
  courseVersion: number;
  name: string;
  dueOn: string;
  people: number;
  completed: number;
}

/** Staff of the program's organisations, whom a coordinator may assign the course. */
export interface AssignablePerson {
  id: string;
  name: string;
  /** A verified officer, as their agency vouched. */
  officer: boolean;
}

export interface MyCourse {
  enrolmentId: string;
  title: CourseContent['title'];
  minutes: number;
  dueOn: string;
  /** 0 to 1. */
  shareDone: number;
  completedAt: string | null;
  overdue: boolean;
  certificate: MyCertificate | null;
}

export interface Learning extends MyCourse {
  course: CourseContent;
  version: number;
  done: string[];
  walks: Record<string, ScenarioWalk>;
  /** What the learner wrote to each reflection prompt: theirs alone, unless shared. */
  reflections: Record<string, string>;
  /** The reflections the learner shared with the course's coordinators, by step. */
  sharedReflections: string[];
  /** Anonymous: answers are compared as groups, and never tied to the learner. */
  beforeAfter: BeforeAfterLinks | null;
}

/** One thing a learner does on a step; a reflection carries what they wrote. */
export const stepBody = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('read'), stepId: partId }),
    z.object({
      type: z.literal('reflect'),
      stepId: partId,
      text: writtenWords(REFLECTION_MAX, 'your reflection'),
    }),
    z.object({
      type: z.literal('answer'),
      stepId: partId,
      chosen: z.array(partId).max(8),
    }),
    z.object({ type: z.literal('choose'), stepId: partId, choiceId: partId }),
    z.object({ type: z.literal('walk_again'), stepId: partId }),
  ],
  { error: 'Say what you did on this step.' },
);
export type StepBody = z.input<typeof stepBody>;

/** A learner shares a reflection they wrote with the course's coordinators, or stops sharing it. */
export const reflectionSharing = z.object(
  { shared: z.boolean({ error: 'Say whether to share it: true or false.' }) },
  { error: 'Say whether to share it.' },
);

/** A reflection its learner shared, as the course's coordinators read it. */
export interface SharedReflection {
  learner: string;
  stepId: string;
  prompt: Translated;
  text: string;
  sharedAt: string;
}

/** Where a learner is: completed, past the due date, begun, or not begun. */
export const learnerStatuses = ['completed', 'overdue', 'in_progress', 'not_started'] as const;
export type LearnerStatus = (typeof learnerStatuses)[number];

export type CompletionCounts = Record<LearnerStatus, number> & { people: number };

export interface CohortCompletion extends CompletionCounts {
  cohortId: string;
  name: string;
  dueOn: string;
  version: number;
}

export interface UnitCompletion extends CompletionCounts {
  /** As given at assignment; empty when none was. */
  unit: string;
}

export interface LearnerRow {
  enrolmentId: string;
  name: string;
  cohortName: string;
  unit: string;
  dueOn: string;
  /** 0 to 1. */
  shareDone: number;
  status: LearnerStatus;
  completedAt: string | null;
  /** Until when their certificate is valid; null without one, or when it does not expire. */
  certificateExpiresAt: string | null;
  /** Their certificate expires within RENEWAL_NOTICE_DAYS or has: time to assign it again. */
  renewalDue: boolean;
}

export interface ChoiceCount {
  choiceId: string;
  label: Translated;
  quality: Outcome;
  /** Learners who took it on their first walk. */
  times: number;
}

export interface SituationChoices {
  nodeId: string;
  situation: Translated;
  /** Learners whose first walk reached this situation and chose. */
  reached: number;
  choices: ChoiceCount[];
}

/** A choice that is not a good one, with the share of those who stood there and took it. */
export interface WrongTurn {
  nodeId: string;
  choiceId: string;
  label: Translated;
  quality: Exclude<Outcome, 'good'>;
  times: number;
  share: number;
}

export interface ScenarioReport {
  stepId: string;
  title: Translated;
  /** Learners who made a first choice. */
  walkers: number;
  firstEndings: Record<Outcome, number>;
  situations: SituationChoices[];
  /** The most taken wrong turns first. */
  wrongTurns: WrongTurn[];
}

export interface CheckReport {
  stepId: string;
  question: Translated;
  /** Learners who answered at least once. */
  answered: number;
  rightFirstTime: number;
  /** Wrong answers chosen, counted once per learner. */
  wrongChoices: { optionId: string; label: Translated; times: number }[];
}

/** What supervisors and coordinators read; never what anyone wrote to a reflection. */
export interface CourseReport {
  courseId: string;
  title: Translated;
  total: CompletionCounts;
  cohorts: CohortCompletion[];
  units: UnitCompletion[];
  learners: LearnerRow[];
  scenarios: ScenarioReport[];
  checks: CheckReport[];
  /**
   * What learners chose to share of their reflections, newest first: for those who manage the
   * course only (null for an oversight reviewer, who reads the figures).
   */
  sharedReflections: SharedReflection[] | null;
}

/**
 * A certificate's public code: 16 letters and digits that cannot be misread for one another
 * (no 0, O, 1 or I), shown in groups of four. Whoever holds it may check the certificate.
 */
export const CERTIFICATE_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CERTIFICATE_CODE_LENGTH = 16;

/** A code as someone may type or paste it (any case, dashes, spaces), made plain; null if not one. */
export function normalisedCertificateCode(typed: string): string | null {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '');
  const valid = new RegExp(`^[${CERTIFICATE_CODE_ALPHABET}]{${CERTIFICATE_CODE_LENGTH}}$`);
  return valid.test(plain) ? plain : null;
}

export const groupedCertificateCode = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;

/** A certificate's renewal is due this many days before it expires. */
export const RENEWAL_NOTICE_DAYS = 30;

export type CertificateStatus = 'valid' | 'expired' | 'revoked';

export interface MyCertificate {
  code: string;
  issuedAt: string;
  /** Null: it does not expire. */
  expiresAt: string | null;
  status: CertificateStatus;
  /** It expires within RENEWAL_NOTICE_DAYS, or has expired. */
  renewalDue: boolean;
  /** The public page that confirms it, which its QR code leads to. */
  verifyUrl: string;
}

/** What the public verification page shows: the certificate, and nothing else about anyone. */
export interface CertificateCheck {
  code: string;
  status: CertificateStatus;
  learnerName: string;
  courseTitle: Translated;
  organisationName: string;
  issuedAt: string;
  expiresAt: string | null;
}
