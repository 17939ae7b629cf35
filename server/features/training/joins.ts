import { and, eq } from 'drizzle-orm';
import { trainingCohorts, trainingCourseVersions } from './schema.ts';

/** Joins a cohort to the version of the course it was given: what its learners take. */
export const theCohortsVersion = and(
  eq(trainingCourseVersions.courseId, trainingCohorts.courseId),
  eq(trainingCourseVersions.version, trainingCohorts.courseVersion),
);
