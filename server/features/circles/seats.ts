import { and, eq } from 'drizzle-orm';
import { participantRoles } from '../../../shared/circles/contract.ts';
import type { CircleRole } from '../../../shared/circles/machine.ts';
import type { Database } from '../../platform/db/connection.ts';
import { circleParticipants, circleSeating, circles } from './schema.ts';

// Who may enter a circle's room: someone with a seat, that is, someone who read its guidelines
// and agreed to them (keepers too). The seat gives the name and role the circle shows: a client
// never chooses them, nor, in a conference's room, where they sit (its seating plan does).

export interface Seat {
  /** The circle's program, whose youth rules apply to a young person's seat. */
  programId: string;
  participantId: string;
  displayName: string;
  role: CircleRole;
  /** Their place in the circle's seating plan, if it has one. */
  place: number | null;
}

export type SeatLookup =
  | { kind: 'seated'; seat: Seat; circleStatus: string }
  | { kind: 'unknown_circle' }
  | { kind: 'not_seated' };

const isCircleRole = (role: string): role is CircleRole =>
  (participantRoles as readonly string[]).includes(role);

export async function findSeat(
  db: Database,
  circleId: string,
  personId: string,
): Promise<SeatLookup> {
  const [row] = await db
    .select({
      status: circles.status,
      programId: circles.programId,
      participantId: circleParticipants.id,
      displayName: circleParticipants.displayName,
      role: circleParticipants.role,
      place: circleSeating.place,
      conference: circles.conference,
    })
    .from(circles)
    .leftJoin(
      circleParticipants,
      and(eq(circleParticipants.circleId, circles.id), eq(circleParticipants.personId, personId)),
    )
    .leftJoin(
      circleSeating,
      and(eq(circleSeating.circleId, circles.id), eq(circleSeating.personId, personId)),
    )
    .where(eq(circles.id, circleId));
  if (!row) return { kind: 'unknown_circle' };
  if (!row.participantId || !row.displayName || !row.role || !isCircleRole(row.role)) {
    return { kind: 'not_seated' };
  }
  // Someone who left a conference's case (a party removed) no longer has a place in its room.
  if (row.conference && row.place === null) return { kind: 'not_seated' };
  return {
    kind: 'seated',
    circleStatus: row.status,
    seat: {
      programId: row.programId,
      participantId: row.participantId,
      displayName: row.displayName,
      role: row.role,
      place: row.place,
    },
  };
}
