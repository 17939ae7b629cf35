import { createHash } from 'node:crypto';
import type { CourseReport, LearnerStatus } from '../../../shared/training/contract.ts';
import type { CourseContent, Lesson, Step, Translated } from '../../../shared/training/course.ts';
import type { ProgressEvent } from '../../../shared/training/progress.ts';
import { csvDocument } from '../../platform/http/csv.ts';
import type { LearnerRecord } from './report.ts';

// A course's report taken elsewhere: the learners as a spreadsheet, in the reader's language,
// and the learning records as xAPI 1.0.3 statements, which an agency's own learning system (an
// LRS) takes in. A statement names the learner by an account on this installation (their id),
// never by email; it says what was done, never what was written to a reflection.

export type ReportLanguage = 'en' | 'es';

const csvWords: Record<
  ReportLanguage,
  { columns: string[]; statuses: Record<LearnerStatus, string>; yes: string; no: string }
> = {
  en: {
    columns: [
      'Name',
      'Cohort',
      'Unit',
      'Due',
      'Status',
      'Done (%)',
      'Completed at',
      'Certificate valid until',
      'Renewal due',
    ],
    statuses: {
      completed: 'Completed',
      overdue: 'Overdue',
      in_progress: 'In progress',
      not_started: 'Not started',
    },
    yes: 'Yes',
    no: 'No',
  },
  es: {
    columns: [
      'Nombre',
      'Grupo',
      'Unidad',
      'Fecha límite',
      'Estado',
      'Hecho (%)',
      'Completado el',
      'Certificado válido hasta',
      'Renovación pendiente',
    ],
    statuses: {
      completed: 'Completado',
      overdue: 'Atrasado',
      in_progress: 'En curso',
      not_started: 'Sin empezar',
    },
    yes: 'Sí',
    no: 'No',
  },
};

export function reportCsv(report: CourseReport, language: ReportLanguage): string {
  const say = csvWords[language];
  return csvDocument([
    say.columns,
    ...report.learners.map((learner) => [
      learner.name,
      learner.cohortName,
      learner.unit,
      learner.dueOn,
      say.statuses[learner.status],
      String(Math.round(learner.shareDone * 100)),
      learner.completedAt ?? '',
      learner.certificateExpiresAt ?? '',
      learner.renewalDue ? say.yes : say.no,
    ]),
  ]);
}

const verbs = {
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
} as const;
const activityTypes = {
  course: 'http://adlnet.gov/expapi/activities/course',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  question: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
} as const;

/** xAPI's language maps use RFC 5646 tags: the course's own languages are such tags. */
const languageMap = (text: Translated): Record<string, string> =>
  Object.fromEntries(Object.entries(text).filter((entry) => entry[1] !== undefined));

/** The same statement always gets the same id, so that an LRS keeps one copy of a re-import. */
function statementId(enrolmentId: string, index: number): string {
  const hex = createHash('sha256').update(`${enrolmentId}:${index}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface StatementParts {
  verb: keyof typeof verbs;
  object: { id: string; type: string; name: Translated };
  result?: Record<string, unknown>;
}

interface PlacedStep {
  step: Step;
  lesson: Lesson;
}

function stepsById(course: CourseContent): Map<string, PlacedStep> {
  return new Map(
    course.modules.flatMap((part) =>
      part.lessons.flatMap((lesson) =>
        lesson.steps.map((step) => [step.id, { step, lesson }] as const),
      ),
    ),
  );
}

/** A step's name to an LRS: its question, prompt or title; a text is named by its lesson. */
function stepName({ step, lesson }: PlacedStep, course: CourseContent): Translated {
  switch (step.type) {
    case 'check':
      return step.question;
    case 'reflection':
      return step.prompt;
    case 'video':
      return step.title;
    case 'practice_circle':
      return step.about;
    case 'scenario':
      return course.scenarios.find((scenario) => scenario.id === step.scenario)?.title ?? {};
    case 'text':
      return lesson.title;
  }
}

/** What one progress event says to an LRS; walking a scenario's single choices says nothing. */
function partsOf(
  event: ProgressEvent,
  course: CourseContent,
  steps: Map<string, PlacedStep>,
  courseIri: string,
): StatementParts | null {
  if (event.type === 'completed') {
    return {
      verb: 'completed',
      object: { id: courseIri, type: activityTypes.course, name: course.title },
      result: { completion: true },
    };
  }
  if (event.type === 'chose' || event.type === 'walk_restarted') return null;
  const placed = steps.get(event.stepId);
  if (!placed) return null;
  const { step } = placed;
  const id = `${courseIri}/steps/${encodeURIComponent(step.id)}`;
  const name = stepName(placed, course);
  if (event.type === 'answered') {
    return {
      verb: 'answered',
      object: { id, type: activityTypes.question, name },
      result: { success: event.right, response: event.chosen.join('[,]') },
    };
  }
  if (event.type === 'walk_ended') {
    return event.first
      ? {
          verb: 'completed',
          object: { id, type: activityTypes.simulation, name },
          result: { completion: true, success: event.ending === 'good' },
        }
      : null;
  }
  // A step done: checks and scenarios say so through their own events above.
  if (step.type === 'check' || step.type === 'scenario') return null;
  return {
    verb: step.type === 'reflection' ? 'completed' : 'experienced',
    object: { id, type: activityTypes.lesson, name },
  };
}

export function xapiStatements(
  publicUrl: string,
  courseId: string,
  contentOf: (version: number) => CourseContent,
  learners: readonly LearnerRecord[],
): object[] {
  const courseIri = `${publicUrl}/courses/${encodeURIComponent(courseId)}`;
  return learners.flatMap((learner) => {
    const course = contentOf(learner.version);
    const steps = stepsById(course);
    const actor = {
      objectType: 'Agent',
      name: learner.name,
      account: { homePage: publicUrl, name: learner.personId },
    };
    return learner.events.flatMap(({ event, at }, index) => {
      const parts = partsOf(event, course, steps, courseIri);
      if (!parts) return [];
      return [
        {
          id: statementId(learner.enrolmentId, index),
          actor,
          verb: { id: verbs[parts.verb], display: { 'en-US': parts.verb } },
          object: {
            objectType: 'Activity',
            id: parts.object.id,
            definition: { type: parts.object.type, name: languageMap(parts.object.name) },
          },
          ...(parts.result ? { result: parts.result } : {}),
          context: {
            registration: learner.enrolmentId,
            contextActivities: {
              ...(parts.object.id === courseIri
                ? {}
                : { parent: [{ objectType: 'Activity', id: courseIri }] }),
              grouping: [
                { objectType: 'Activity', id: `${publicUrl}/cohorts/${learner.cohortId}` },
              ],
            },
          },
          timestamp: at.toISOString(),
        },
      ];
    });
  });
}
