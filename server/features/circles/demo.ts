import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { VoiceReport } from '../../../shared/circles/contract.ts';
import { createCircleBody, inviteToCircleBody } from '../../../shared/circles/contract.ts';
import { occurrencesOf } from '../../../shared/circles/schedule.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import { demoActor, type OrganisationsDemo } from '../organisations/demo.ts';
import { findCircleProgram } from './access.ts';
import { addHarvestDemo } from './harvest-demo.ts';
import { inviteToCircle } from './invite.ts';
import { joinSignedIn } from './join.ts';
import { createJoinLink } from './join-link.ts';
import { invitableOf } from './people.ts';
import { planCircles } from './plan.ts';
import { circleParticipants, circles } from './schema.ts';

// The demo's circles: a weekly series of the listening circles, kept by Luis Herrera with Amara
// Johnson. The first met six days ago and closed (its equal-voice figures kept, no words); the
// next meets tomorrow, with two residents already agreed to the guidelines, and a join link is
// open for it. Everything goes through the services; only the dates are moved back afterwards,
// as planning refuses a time that has passed.
//
// The circle that closed has the keepers, the officer and two residents seated, and the final
// harvest they approved (harvest-demo.ts), whose commitments stand on the register.

export interface CirclesDemo {
  seriesId: string;
  closedCircleId: string;
  nextCircleId: string;
  /** The next circle's join link, shown once (the demo prints it). */
  nextJoinLink: string;
}

const DAY_MS = 86_400_000;

/** The local date-time `days` from today in `zone`, at `time`. */
export function localDay(days: number, time: string, zone: string): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' }).format(
    new Date(Date.now() + days * DAY_MS),
  );
  return `${day}T${time}`;
}

const closedVoice: VoiceReport = {
  officers: { people: 1, turns: 6, heldMs: 7 * 60_000 },
  residents: { people: 2, turns: 11, heldMs: 16 * 60_000 },
  others: { people: 2, turns: 9, heldMs: 8 * 60_000 },
};

export async function seedCirclesDemo(
  context: AppContext,
  world: OrganisationsDemo,
): Promise<CirclesDemo> {
  const { db } = context.database;
  const coordinator = world.circlesCoordinator;
  const [luis] = await db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(eq(people.email, 'luis@peacecircle.example'));
  if (!luis) throw new Error('the organisations demo has no facilitator for the circles');
  const keeper = await demoActor(context, luis);
  const program = await findCircleProgram(db, world.circles.id);
  if (!program) throw new Error('the circles program is missing');

  const series = await planCircles(
    db,
    coordinator,
    program.id,
    createCircleBody.parse({
      purpose: 'How traffic stops feel on our streets, and what would make them fairer',
      startsAtLocal: localDay(1, '18:00', program.timeZone),
      keeperId: keeper.personId,
      coKeeperId: coordinator.personId,
      capacity: 15,
      language: 'en',
      repeat: 'weekly',
      count: 4,
    }),
  );
  const [first, second] = series;
  if (!first || !second?.series) throw new Error('the demo series was not planned');

  const residents = (await invitableOf(db, program)).filter((person) => person.role === 'resident');
  await inviteToCircle(
    context,
    coordinator,
    first.id,
    inviteToCircleBody.parse({
      personIds: [world.circlesOfficer.personId, ...residents.map((resident) => resident.id)],
      emails: ['elm.street.neighbours@example.org'],
    }),
  );

  const seat = async (circleId: string, personId: string, displayName: string) => {
    const [person] = await db
      .select({ id: people.id, name: people.name, email: people.email })
      .from(people)
      .where(eq(people.id, personId));
    if (!person) return;
    await joinSignedIn(context, await demoActor(context, person), circleId, {
      displayName,
      language: 'en',
      agreeToGuidelines: true,
    });
  };
  await seat(first.id, keeper.personId, 'Luis');
  await seat(first.id, coordinator.personId, 'Amara');
  await seat(first.id, world.circlesOfficer.personId, 'Officer Priya Nair');
  for (const resident of residents.slice(0, 2)) {
    await seat(first.id, resident.id, resident.name);
    await seat(second.id, resident.id, resident.name);
  }

  // The series moves back a week, so that its first circle met six days ago.
  const moved = occurrencesOf({
    firstLocal: localDay(-6, '18:00', program.timeZone),
    timeZone: program.timeZone,
    repeat: 'weekly',
    count: series.length,
  });
  for (const [index, circle] of series.entries()) {
    const startsAt = moved[index];
    if (startsAt) await db.update(circles).set({ startsAt }).where(eq(circles.id, circle.id));
  }
  const firstStart = moved[0] ?? new Date();
  await db
    .update(circles)
    .set({
      status: 'closed',
      openedAt: firstStart,
      closedAt: new Date(firstStart.getTime() + 90 * 60_000),
      voice: closedVoice,
    })
    .where(and(eq(circles.id, first.id), inArray(circles.status, ['scheduled'])));

  const approvingSeats = await db
    .select({ id: circleParticipants.id })
    .from(circleParticipants)
    .where(
      and(
        eq(circleParticipants.circleId, first.id),
        notInArray(circleParticipants.role, ['keeper', 'co_keeper']),
      ),
    );
  await db.transaction((tx) =>
    addHarvestDemo(context, tx, {
      circleId: first.id,
      keeper,
      officerId: world.circlesOfficer.personId,
      agencyId: world.agency.id,
      approvingSeatIds: approvingSeats.map((seat) => seat.id),
    }),
  );

  const link = await createJoinLink(context, keeper, second.id);
  return {
    seriesId: second.series.id,
    closedCircleId: first.id,
    nextCircleId: second.id,
    nextJoinLink: link.url,
  };
}
