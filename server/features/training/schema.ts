import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { CourseContent, Translated } from '../../../shared/training/course.ts';
import type { ProgressEvent } from '../../../shared/training/progress.ts';
import { people } from '../../platform/auth/schema.ts';
import { surveys } from '../measurement/schema.ts';
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
    /**
     * The program's training survey that learners answer before and after the course, so that
     * the trust dashboard compares the two sides; null when none is attached.
     */
    surveyId: text('survey_id').references(() => surveys.id, { onDelete: 'set null' }),
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

/**
 * A cohort: people assigned one version of a course, with a due date. The version is fixed when
 * the cohort is made, so that a course changed later does not move anyone's progress.
 */
export const trainingCohorts = pgTable(
  'training_cohorts',
  {
    id: text('id').primaryKey(),
    courseId: text('course_id')
      .notNull()
      .references(() => trainingCourses.id, { onDelete: 'cascade' }),
    courseVersion: integer('course_version').notNull(),
    name: text('name').notNull(),
    dueOn: date('due_on').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('training_cohorts_course').on(table.courseId)],
);

export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: text('id').primaryKey(),
    cohortId: text('cohort_id')
      .notNull()
      .references(() => trainingCohorts.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The learner's unit when assigned (a shift, a district): reports count completion by it. */
    unit: text('unit').notNull().default(''),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('training_enrolments_cohort_person').on(table.cohortId, table.personId),
    index('training_enrolments_person').on(table.personId),
  ],
);

/** A learner's progress events (shared/training/progress.ts), in order. */
export const trainingProgress = pgTable(
  'training_progress',
  {
    enrolmentId: text('enrolment_id')
      .notNull()
      .references(() => trainingEnrolments.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    event: jsonb('event').$type<ProgressEvent>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.enrolmentId, table.seq] })],
);

/**
 * What a learner wrote to a reflection prompt: sealed, and shown to them alone, unless they share
 * it with the course's coordinators (and may stop sharing it).
 */
export const trainingReflections = pgTable(
  'training_reflections',
  {
    enrolmentId: text('enrolment_id')
      .notNull()
      .references(() => trainingEnrolments.id, { onDelete: 'cascade' }),
    stepId: text('step_id').notNull(),
    body: text('body').notNull(),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull().defaultNow(),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.enrolmentId, table.stepId] })],
);

/**
 * A certificate, issued when a learner completes a course. What it certifies is copied in (the
 * learner's name, the course's title, who ran it) so that it reads the same however the course
 * changes later. Its code is the public link's secret: anyone holding it may check validity.
 */
export const trainingCertificates = pgTable(
  'training_certificates',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    enrolmentId: text('enrolment_id')
      .notNull()
      .references(() => trainingEnrolments.id, { onDelete: 'cascade' }),
    courseId: text('course_id')
      .notNull()
      .references(() => trainingCourses.id, { onDelete: 'cascade' }),
    courseVersion: integer('course_version').notNull(),
    learnerName: text('learner_name').notNull(),
    courseTitle: jsonb('course_title').$type<Translated>().notNull(),
    organisationName: text('organisation_name').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('training_certificates_code').on(table.code),
    uniqueIndex('training_certificates_enrolment').on(table.enrolmentId),
  ],
);

/**
 * Each reminder a learner was sent, claimed before its email is written in one transaction, so
 * that no process sends the same one twice. `day` is the due day or the expiry it was about.
 */
export const trainingReminders = pgTable(
  'training_reminders',
  {
    enrolmentId: text('enrolment_id')
      .notNull()
      .references(() => trainingEnrolments.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    day: date('day').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.enrolmentId, table.kind, table.day] })],
);
