import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { CAPACITY_MAX, CAPACITY_MIN } from '../../../shared/circles/contract.ts';
import type { PartyRole } from '../../../shared/conferences/machine.ts';
import { speakingOrder } from '../../../shared/conferences/script.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { ConflictError } from '../../platform/errors.ts';
import { circleSeating, circles } from '../circles/schema.ts';
import type { CaseRow } from './access.ts';
import { languageOf } from './party-mail.ts';
import { conferenceParties, conferences, conferenceTeam } from './schema.ts';
import { settingsOf } from './settings.ts';

// An online conference meets in a circle of the circles feature in conference mode: the lead
// facilitator keeps it (a second facilitator co-keeps), and its seating plan puts the parties in
// the script's speaking order (the side the program chose first, then supporters, community and
// police representatives), so the talking piece goes from the facilitator to each in that order
// whoever arrives first. Only the people of the plan come in; the plan follows the case as
// parties come in by their links and the team changes.

const ROOM_MINUTES = 120;

const purposeOf = (reference: string, language: string) =>
  languageOf(language) === 'es'
    ? `Conferencia restaurativa, caso ${reference}`
    : `Restorative conference, case ${reference}`;

/** The case's facilitators, the lead first, then in the order they were assigned. */
async function facilitatorsOf(tx: Transaction, conferenceId: string): Promise<string[]> {
  const team = await tx
    .select({ personId: conferenceTeam.personId, role: conferenceTeam.role })
    .from(conferenceTeam)
    .where(and(eq(conferenceTeam.conferenceId, conferenceId), isNull(conferenceTeam.removedAt)))
    .orderBy(asc(conferenceTeam.assignedAt), asc(conferenceTeam.id));
  return [
    ...team.filter((member) => member.role === 'lead'),
    ...team.filter((member) => member.role !== 'lead'),
  ].map((member) => member.personId);
}

/**
 * Who sits where: the lead facilitator at place 0, the parties who have an account in the
 * speaking order (several of one role in the order they were added), then the other facilitators.
 */
export async function seatingPlanOf(tx: Transaction, conference: CaseRow): Promise<string[]> {
  const { scriptOrder } = await settingsOf(tx, conference.programId);
  const parties = await tx
    .select({ personId: conferenceParties.personId, role: conferenceParties.role })
    .from(conferenceParties)
    .where(
      and(
        eq(conferenceParties.conferenceId, conference.id),
        isNull(conferenceParties.removedAt),
        isNotNull(conferenceParties.personId),
      ),
    )
    .orderBy(asc(conferenceParties.createdAt), asc(conferenceParties.id));
  const order = speakingOrder(
    scriptOrder,
    parties.map((party) => party.role as PartyRole),
  );
  const byTurn = order.flatMap((role) =>
    parties.flatMap((party) => (party.role === role && party.personId ? [party.personId] : [])),
  );
  const [lead, ...others] = await facilitatorsOf(tx, conference.id);
  return [...new Set([...(lead ? [lead] : []), ...byTurn, ...others])];
}

async function writeSeating(tx: Transaction, circleId: string, plan: string[]): Promise<void> {
  await tx.delete(circleSeating).where(eq(circleSeating.circleId, circleId));
  if (plan.length === 0) return;
  await tx
    .insert(circleSeating)
    .values(plan.map((personId, place) => ({ circleId, personId, place })));
}

const stillMeets = (status: string) => status === 'scheduled' || status === 'live';

/**
 * The room of an online conference at `startsAt`: the case's room moved to the new time when it
 * still meets, or a new one; its keepers and seating plan as the case stands now.
 */
export async function arrangeRoom(
  tx: Transaction,
  conference: CaseRow,
  startsAt: Date,
  timeZone: string,
  scheduledBy: string,
): Promise<string> {
  const plan = await seatingPlanOf(tx, conference);
  const [keeperId, ...others] = await facilitatorsOf(tx, conference.id);
  if (!keeperId) {
    throw new ConflictError(
      'An online conference needs a facilitator on the case to keep its room. Assign one first.',
      { code: 'no_lead' },
    );
  }
  const room = {
    startsAt,
    timeZone,
    keeperId,
    coKeeperId: others[0] ?? null,
    capacity: Math.min(CAPACITY_MAX, Math.max(CAPACITY_MIN, plan.length + 2)),
    language: languageOf(conference.language),
  };
  const [current] = conference.circleId
    ? await tx.select().from(circles).where(eq(circles.id, conference.circleId)).for('update')
    : [];
  let circleId: string;
  if (current && stillMeets(current.status)) {
    circleId = current.id;
    await tx.update(circles).set(room).where(eq(circles.id, circleId));
  } else {
    circleId = crypto.randomUUID();
    await tx.insert(circles).values({
      id: circleId,
      programId: conference.programId,
      purpose: purposeOf(conference.reference, conference.language),
      durationMinutes: ROOM_MINUTES,
      conference: true,
      createdBy: scheduledBy,
      ...room,
    });
  }
  await writeSeating(tx, circleId, plan);
  return circleId;
}

/** The room of a conference that now meets in person, or no longer meets: it is cancelled. */
export async function cancelRoom(tx: Transaction, conference: CaseRow): Promise<void> {
  if (!conference.circleId) return;
  await tx
    .update(circles)
    .set({ status: 'cancelled', cancelledAt: new Date() })
    .where(and(eq(circles.id, conference.circleId), eq(circles.status, 'scheduled')));
}

/**
 * The seating plan of the case's room, again, after its parties or team changed: someone who
 * came in by their link gets their seat; someone removed loses it. Nothing when it has no room
 * that still meets.
 */
export async function reseatRoom(tx: Transaction, conferenceId: string): Promise<void> {
  const [conference] = await tx.select().from(conferences).where(eq(conferences.id, conferenceId));
  if (!conference?.circleId) return;
  const [room] = await tx.select().from(circles).where(eq(circles.id, conference.circleId));
  if (!room || !stillMeets(room.status)) return;
  const [keeperId, ...others] = await facilitatorsOf(tx, conferenceId);
  if (keeperId) {
    await tx
      .update(circles)
      .set({ keeperId, coKeeperId: others[0] ?? null })
      .where(eq(circles.id, room.id));
  }
  await writeSeating(tx, room.id, await seatingPlanOf(tx, conference));
}
