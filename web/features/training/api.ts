import type {
  CourseDetail,
  CourseSummary,
  StarterCourse,
} from '../../../shared/training/contract.ts';
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
