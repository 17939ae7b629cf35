import { and, desc, inArray, isNotNull } from 'drizzle-orm';
import type { SharedReflection } from '../../../shared/training/contract.ts';
import type { CourseContent } from '../../../shared/training/course.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database } from '../../platform/db/connection.ts';
import { reflectionContext } from './learning.ts';
import { trainingReflections } from './schema.ts';

// The reflections learners chose to share with a course's coordinators, for the course's report.
// Only what is shared now is read: a learner who stops sharing takes it back from the next read.

interface Learner {
  enrolmentId: string;
  name: string;
  version: number;
}

function promptOf(content: CourseContent | undefined, stepId: string) {
  for (const module of content?.modules ?? []) {
    for (const lesson of module.lessons) {
      for (const step of lesson.steps) {
        if (step.id === stepId && step.type === 'reflection') return step.prompt;
      }
    }
  }
  return {};
}

export async function sharedReflectionsOf(
  db: Database,
  cipher: FieldCipher,
  learners: readonly Learner[],
  contentOf: ReadonlyMap<number, CourseContent>,
): Promise<SharedReflection[]> {
  if (learners.length === 0) return [];
  const learnerOf = new Map(learners.map((learner) => [learner.enrolmentId, learner]));
  const rows = await db
    .select()
    .from(trainingReflections)
    .where(
      and(
        inArray(trainingReflections.enrolmentId, [...learnerOf.keys()]),
        isNotNull(trainingReflections.sharedAt),
      ),
    )
    .orderBy(desc(trainingReflections.sharedAt));
  return rows.map((row) => {
    const learner = learnerOf.get(row.enrolmentId);
    return {
      learner: learner?.name ?? '',
      stepId: row.stepId,
      prompt: promptOf(learner && contentOf.get(learner.version), row.stepId),
      text: cipher.decrypt(row.body, reflectionContext(row.enrolmentId, row.stepId)),
      sharedAt: (row.sharedAt ?? row.writtenAt).toISOString(),
    };
  });
}
