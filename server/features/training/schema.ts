import {
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { CourseContent } from '../../../shared/training/course.ts';
import { people } from '../../platform/auth/schema.ts';
import { programs } from '../organisations/schema.ts';

// Courses of a program, each kept as numbered versions: saving a course adds a version and
// never rewrites one, so that a learner's progress and a certificate can always say which
// version they were of. A course's slug is its name across installations (the course file's).

export const trainingCourses = pgTable(
  'training_courses',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('training_courses_program_slug').on(table.programId, table.slug)],
);

export const trainingCourseVersions = pgTable(
  'training_course_versions',
  {
    courseId: text('course_id')
      .notNull()
      .references(() => trainingCourses.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<CourseContent>().notNull(),
    savedBy: text('saved_by')
      .notNull()
      .references(() => people.id),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.courseId, table.version] })],
);
