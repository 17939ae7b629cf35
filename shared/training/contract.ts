import { z } from 'zod';
import { type CourseContent, courseContent, type Topic } from './course.ts';

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
