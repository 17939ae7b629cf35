import { createCircleBody, inviteToCircleBody } from '../../../shared/circles/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { findCircleProgram } from '../circles/access.ts';
import { localDay } from '../circles/demo.ts';
import { inviteToCircle } from '../circles/invite.ts';
import { planCircles } from '../circles/plan.ts';

// The youth program's next circle, tomorrow after school: Sam keeps it with Keisha, so that a
// young person's private word reaches two keepers; Maya, Jayden and their mentor are asked.
// Jayden can join only once his grandmother has said yes.

export async function seedYouthCircleDemo(
  context: AppContext,
  coordinator: SignedIn,
  programId: string,
  people: { keeperId: string; invited: string[] },
): Promise<void> {
  const { db } = context.database;
  const program = await findCircleProgram(db, programId);
  if (!program) throw new Error('the youth program is missing');
  const [circle] = await planCircles(
    db,
    coordinator,
    programId,
    createCircleBody.parse({
      purpose: 'Getting home safely after school: what it is like, and what would help',
      startsAtLocal: localDay(1, '16:00', program.timeZone),
      keeperId: people.keeperId,
      coKeeperId: coordinator.personId,
      capacity: 12,
      language: 'en',
    }),
  );
  if (!circle) throw new Error('the youth circle was not planned');
  await inviteToCircle(
    context,
    coordinator,
    circle.id,
    inviteToCircleBody.parse({ personIds: people.invited, emails: [] }),
  );
}
