import { z } from 'zod';
import { courseContent } from './course.ts';

// One course as one JSON file: exported from one installation, imported into another, and the
// form the starter curriculum ships in. The envelope names the format and its version, so that
// a file from a later Restorativ is refused plainly rather than misread.

export const COURSE_FILE_FORMAT = 'restorativ.course';
export const COURSE_FILE_VERSION = 1;

export const courseFile = z.object({
  format: z.literal(COURSE_FILE_FORMAT, {
    error: 'This file is not a Restorativ course: export one from a course’s page.',
  }),
  formatVersion: z.literal(COURSE_FILE_VERSION, {
    error: `This course file is of a version this Restorativ does not read (it reads version ${COURSE_FILE_VERSION}).`,
  }),
  /** A stable name for the course across installations and versions: "de-escalation". */
  slug: z
    .string({ error: 'Give the course a short name.' })
    .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'Use lowercase letters, digits and - (2 to 60).'),
  course: courseContent,
});
export type CourseFile = z.output<typeof courseFile>;
export type CourseFileInput = z.input<typeof courseFile>;
