import type {
  AssignablePerson,
  CohortSummary,
  CourseDetail,
  CourseReport,
  CourseSummary,
  CreateCohortBody,
  Learning,
  MyCourse,
  SaveCourseBody,
  StarterCourse,
  StepBody,
} from '../../../shared/training/contract.ts';
import type { CourseFileInput } from '../../../shared/training/course-file.ts';
import { api } from '../../app/api.ts';

// Restorative training's HTTP routes (shared/training/contract.ts). Their answers are plain
// interfaces in the contract, read as they come: the server builds them from its own tables.

const inProgram = (programId: string) => `/api/programs/${encodeURIComponent(programId)}`;
const course = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}`;

/** Every training query starts with this, so that an addition refreshes lists and pages. */
export const trainingKey = ['training'] as const;
export const programCoursesKey = (programId: string) =>
  ['training', 'program-courses', programId] as const;
export const starterCoursesKey = (programId: string) =>
  ['training', 'starter-courses', programId] as const;
export const courseKey = (courseId: string) => ['training', 'course', courseId] as const;

export function fetchProgramCourses(programId: string, signal?: AbortSignal) {
  return api<CourseSummary[]>(`${inProgram(programId)}/courses`, { signal });
}

export function fetchStarterCourses(programId: string, signal?: AbortSignal) {
  return api<StarterCourse[]>(`${inProgram(programId)}/starter-courses`, { signal });
}

export function addStarterCourse(programId: string, slug: string) {
  return api<CourseDetail>(`${inProgram(programId)}/starter-courses/${encodeURIComponent(slug)}`, {
    method: 'POST',
  });
}

/** A course file as read from disk: the server checks it whole and says what is wrong. */
export function importCourse(programId: string, courseFile: unknown) {
  return api<CourseDetail>(`${inProgram(programId)}/courses`, {
    method: 'POST',
    body: courseFile,
  });
}

export function fetchCourse(courseId: string, signal?: AbortSignal) {
  return api<CourseDetail>(course(courseId), { signal });
}

/** The course as one file: a plain link, so that the browser downloads it. */
export const courseExportHref = (courseId: string) => `${course(courseId)}/export`;

// A learner's own training: what they were assigned, and each step they take.

const mine = (enrolmentId: string) => `/api/me/training/${encodeURIComponent(enrolmentId)}`;

export const myTrainingKey = ['training', 'mine'] as const;
export const learningKey = (enrolmentId: string) => ['training', 'mine', enrolmentId] as const;

export function fetchMyTraining(signal?: AbortSignal) {
  return api<MyCourse[]>('/api/me/training', { signal });
}

export function fetchLearning(enrolmentId: string, signal?: AbortSignal) {
  return api<Learning>(mine(enrolmentId), { signal });
}

/** One step taken; the answer is the course as it stands after it (409 when refused). */
export function takeStep(enrolmentId: string, body: StepBody) {
  return api<Learning>(`${mine(enrolmentId)}/steps`, { method: 'POST', body });
}

/** Shares a written reflection with the course's coordinators, or stops sharing it. */
export function shareReflection(enrolmentId: string, stepId: string, shared: boolean) {
  return api<Learning>(`${mine(enrolmentId)}/reflections/${encodeURIComponent(stepId)}/sharing`, {
    method: 'PUT',
    body: { shared },
  });
}

// Cohorts and reports (issue 10).

export const cohortsKey = (courseId: string) => ['training', 'cohorts', courseId] as const;
export const assignableKey = (courseId: string) => ['training', 'assignable', courseId] as const;
export const courseReportKey = (courseId: string) => ['training', 'report', courseId] as const;

export function fetchCohorts(courseId: string, signal?: AbortSignal) {
  return api<CohortSummary[]>(`${course(courseId)}/cohorts`, { signal });
}

export function fetchAssignable(courseId: string, signal?: AbortSignal) {
  return api<AssignablePerson[]>(`${course(courseId)}/assignable`, { signal });
}

export function createCohort(courseId: string, body: CreateCohortBody) {
  return api<CohortSummary>(`${course(courseId)}/cohorts`, { method: 'POST', body });
}

export function fetchCourseReport(courseId: string, signal?: AbortSignal) {
  return api<CourseReport>(`${course(courseId)}/report`, { signal });
}

/** The learners as a spreadsheet, its headings and statuses in `language`: a plain download. */
export const courseReportCsvHref = (courseId: string, language: 'en' | 'es') =>
  `${course(courseId)}/report.csv?lang=${language}`;

/** The learning records as xAPI statements, for an agency's own learning system. */
export const courseXapiHref = (courseId: string) => `${course(courseId)}/xapi`;

// Authoring (issue 10): a new course from the editor, and a new version of one.

/** A new course in the program, as a course file (201; 409 `slug_taken`). */
export function createCourse(programId: string, courseFile: CourseFileInput) {
  return api<CourseDetail>(`${inProgram(programId)}/courses`, {
    method: 'POST',
    body: courseFile,
  });
}

/** A new version of the course; 409 when someone saved one after `basedOn`. */
export function saveCourse(courseId: string, body: SaveCourseBody) {
  return api<CourseDetail>(course(courseId), { method: 'PUT', body });
}
