import { asc, eq } from 'drizzle-orm';
import type { CreateCommitmentRequest } from '../../../shared/commitments/contract.ts';
import { createCommitmentRequest } from '../../../shared/commitments/contract.ts';
import { addDays } from '../../../shared/commitments/days.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { OrganisationsDemo } from '../organisations/demo.ts';
import { moveDueDate, reportOnCommitment, verifyCompletion } from './changes.ts';
import { todayOf } from './read.ts';
import { createCommitment } from './record.ts';
import { commitmentEvents, commitments } from './schema.ts';

// The demo's register: what the listening circles promised over the autumn, most of it public.
// One was kept and verified, some are under way, one is late, one was handed to the city, one
// is for the program's people only and one for a case team. Everything goes through the
// services; only the dates are moved back afterwards, so the timelines read as months of work.

const DAY_MS = 86_400_000;

type Step = (id: string) => Promise<unknown>;

export async function seedCommitmentsDemo(
  context: AppContext,
  world: OrganisationsDemo,
): Promise<{ publicCount: number }> {
  const { db } = context.database;
  const today = todayOf(context);
  const coordinator = world.circlesCoordinator;
  const officer = world.circlesOfficer;
  const agencyAdmin = world.agencyAdmin;
  const byOfficer = { kind: 'person', personId: officer.personId } as const;
  const agencyUnit = (unit: string) =>
    ({ kind: 'organisation', organisationId: world.agency.id, unit }) as const;

  async function commitment(
    request: Omit<CreateCommitmentRequest, 'source' | 'dueOn'>,
    history: { startedDaysAgo: number; lastDaysAgo: number; dueOn: string },
    steps: Step[] = [],
  ) {
    const created = await createCommitment(
      context,
      coordinator,
      world.circles.id,
      createCommitmentRequest.parse({ ...request, source: 'manual', dueOn: addDays(today, 1) }),
    );
    for (const step of steps) await step(created.id);
    await backdate(created.id, history);
    return created.id;
  }

  async function backdate(
    id: string,
    history: { startedDaysAgo: number; lastDaysAgo: number; dueOn: string },
  ) {
    const events = await db
      .select({ id: commitmentEvents.id, type: commitmentEvents.type, data: commitmentEvents.data })
      .from(commitmentEvents)
      .where(eq(commitmentEvents.commitmentId, id))
      .orderBy(asc(commitmentEvents.id));
    const step = (history.startedDaysAgo - history.lastDaysAgo) / Math.max(events.length - 1, 1);
    const moments = events.map(
      (_, index) => new Date(Date.now() - (history.startedDaysAgo - step * index) * DAY_MS),
    );
    // The due day as it stands is the last move's, or the first one's; a moved day was later.
    const lastMove = events.findLastIndex((event) => event.type === 'due_date_moved');
    for (const [index, event] of events.entries()) {
      const dueOn =
        index === Math.max(lastMove, 0)
          ? history.dueOn
          : index === 0
            ? addDays(history.dueOn, -30)
            : undefined;
      await db
        .update(commitmentEvents)
        .set({ at: moments[index], ...(dueOn ? { data: { ...event.data, dueOn } } : {}) })
        .where(eq(commitmentEvents.id, event.id));
    }
    const verification = events.findIndex((event) => event.type === 'completion_verified');
    await db
      .update(commitments)
      .set({
        dueOn: history.dueOn,
        createdAt: moments[0],
        updatedAt: moments.at(-1),
        ...(verification >= 0 ? { verifiedAt: moments[verification] } : {}),
      })
      .where(eq(commitments.id, id));
  }

  const report =
    (by: SignedIn, update: Parameters<typeof reportOnCommitment>[3]): Step =>
    (id) =>
      reportOnCommitment(context, by, id, update);

  await commitment(
    {
      title: "Publish the department's traffic stop policy in plain language",
      description:
        'Residents asked to be able to read, in plain words and in Spanish, what officers may and may not do at a traffic stop.',
      sourceLabel: 'Listening circle, 14 September',
      owner: byOfficer,
      visibility: 'public',
    },
    { startedDaysAgo: 72, lastDaysAgo: 9, dueOn: addDays(today, -14) },
    [
      report(officer, {
        status: 'in_progress',
        percent: 40,
        evidence: { text: 'A first draft went to the community review group.', links: [] },
      }),
      report(officer, {
        status: 'done',
        evidence: {
          text: 'Published on the department website in English and Spanish, and printed for the front desk.',
          links: ['https://riversidepd.example/policies/traffic-stops'],
        },
      }),
      (id) =>
        verifyCompletion(context, coordinator, id, {
          note: 'Read both versions with two residents from the circle.',
        }),
    ],
  );
  await commitment(
    {
      title: 'Hold a listening circle in every district before spring',
      description: 'Four districts, one circle each, facilitated by the Peace Circle.',
      sourceLabel: 'Listening circle, 3 October',
      owner: agencyUnit('Community Affairs Unit'),
      visibility: 'public',
    },
    { startedDaysAgo: 54, lastDaysAgo: 6, dueOn: addDays(today, 95) },
    [
      report(coordinator, {
        status: 'in_progress',
        percent: 50,
        evidence: { text: 'Circles held in the North and East districts.', links: [] },
      }),
    ],
  );
  await commitment(
    {
      title: 'Add a resident to the use-of-force review panel',
      description: 'A resident chosen by the neighbourhood associations sits on the panel.',
      sourceLabel: 'Program meeting, 20 September',
      owner: { kind: 'person', personId: agencyAdmin.personId },
      visibility: 'public',
    },
    { startedDaysAgo: 66, lastDaysAgo: 20, dueOn: addDays(today, -5) },
    [
      report(agencyAdmin, { status: 'in_progress', percent: 20 }),
      (id) =>
        moveDueDate(context, coordinator, id, {
          dueOn: addDays(today, 2),
          reason: 'The city council must change the panel’s charter first; it meets in November.',
        }),
    ],
  );
  await commitment(
    {
      title: 'Train every patrol officer in trauma-informed stops',
      sourceLabel: 'Listening circle, 3 October',
      owner: agencyUnit('Training Division'),
      visibility: 'public',
    },
    { startedDaysAgo: 40, lastDaysAgo: 40, dueOn: addDays(today, 120) },
  );
  await commitment(
    {
      title: 'Fix the street lighting on Elm Street',
      sourceLabel: 'Listening circle, 14 September',
      owner: { kind: 'organisation', organisationId: world.community.id, unit: '' },
      visibility: 'public',
    },
    { startedDaysAgo: 70, lastDaysAgo: 30, dueOn: addDays(today, -10) },
    [
      report(coordinator, {
        status: 'changed',
        reason:
          'The city took this on; it is now in the city’s own lighting plan, and the circle will hear back in March.',
      }),
    ],
  );
  await commitment(
    {
      title: "Share the circle's harvest with the neighbourhood association",
      sourceLabel: 'Listening circle, 3 October',
      owner: { kind: 'organisation', organisationId: world.community.id, unit: '' },
      visibility: 'program',
    },
    { startedDaysAgo: 50, lastDaysAgo: 44, dueOn: addDays(today, -30) },
    [report(coordinator, { status: 'done' })],
  );
  await commitment(
    {
      title: 'Return the confiscated phone in person, with an apology',
      description: 'Agreed with the family in a private meeting; the family chose the day.',
      sourceLabel: 'Private meeting with a family',
      owner: byOfficer,
      visibility: 'case_team',
    },
    { startedDaysAgo: 3, lastDaysAgo: 3, dueOn: addDays(today, 10) },
  );
  return { publicCount: 5 };
}
