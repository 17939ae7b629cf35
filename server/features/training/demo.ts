import type { AppContext } from '../../platform/context.ts';
import type { OrganisationsDemo } from '../organisations/demo.ts';
import { addStarterCourse } from './courses.ts';
import { starterCurriculum } from './curriculum.ts';

// The demo's training: the listening circles' coordinator has copied the whole starter
// curriculum into the program, so that its courses are there to read, change and export.

export async function seedTrainingDemo(
  context: AppContext,
  world: OrganisationsDemo,
): Promise<{ courses: number }> {
  const curriculum = starterCurriculum();
  for (const file of curriculum) {
    await addStarterCourse(context, world.circlesCoordinator, world.circles.id, file.slug);
  }
  return { courses: curriculum.length };
}
