import { and, count, eq } from 'drizzle-orm';
import { GUIDELINES_VERSION } from '../../../shared/circles/contract.ts';
import type { CircleRole } from '../../../shared/circles/machine.ts';
import {
  claimsPoliceTitle,
  POLICE_TITLE_CODE,
  POLICE_TITLE_MESSAGE,
} from '../../../shared/people/police-titles.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { ConflictError, GoneError, InvalidError } from '../../platform/errors.ts';
import { type CircleRow, keepingOf } from './access.ts';
import { appearanceOf } from './people.ts';
import { circleParticipants, circles } from './schema.ts';

// A seat in a circle: taken once the person has read the guidelines and agreed to them. How they
// appear is not theirs to choose: the keepers as keepers, a verified officer always as an
// officer, other staff as 'other', everyone else as a resident.

export async function roleFor(
  db: Database | Transaction,
  circle: CircleRow,
  personId: string,
): Promise<CircleRole> {
  const keeping = keepingOf(circle, personId);
  if (keeping) return keeping;
  return (await appearanceOf(db, [personId])).get(personId) ?? 'resident';
}

/** A name that would present a non-officer as police is refused. */
export function ensureNameFits(displayName: string, role: CircleRole): void {
  if (role !== 'officer' && claimsPoliceTitle(displayName)) {
    throw new InvalidError([
      { field: 'displayName', message: POLICE_TITLE_MESSAGE, code: POLICE_TITLE_CODE },
    ]);
  }
}

export async function seatOf(db: Database | Transaction, circleId: string, personId: string) {
  const [seat] = await db
    .select({ id: circleParticipants.id })
    .from(circleParticipants)
    .where(
      and(eq(circleParticipants.circleId, circleId), eq(circleParticipants.personId, personId)),
    );
  return seat?.id ?? null;
}

/**
 * The person's seat: the one they have, or a new one while places are left (keepers always get
 * theirs). The circle is locked meanwhile, so two people never take the last place together.
 */
export async function takeSeat(
  tx: Transaction,
  circleId: string,
  personId: string,
  seat: { displayName: string; language: string; role: CircleRole },
): Promise<string> {
  const [circle] = await tx.select().from(circles).where(eq(circles.id, circleId)).for('update');
  if (!circle || circle.status === 'cancelled' || circle.status === 'closed') {
    throw new GoneError(
      `This circle ${circle?.status === 'closed' ? 'has closed' : 'was cancelled'}.`,
    );
  }
  const existing = await seatOf(tx, circleId, personId);
  if (existing) return existing;
  const keeping = seat.role === 'keeper' || seat.role === 'co_keeper';
  const [taken] = await tx
    .select({ seats: count() })
    .from(circleParticipants)
    .where(eq(circleParticipants.circleId, circleId));
  if (!keeping && Number(taken?.seats ?? 0) >= circle.capacity) {
    throw new ConflictError('This circle is full. The keeper can tell you about the next one.', {
      code: 'circle_full',
    });
  }
  const id = crypto.randomUUID();
  await tx.insert(circleParticipants).values({
    id,
    circleId,
    personId,
    displayName: seat.displayName,
    role: seat.role,
    language: seat.language,
    guidelinesVersion: GUIDELINES_VERSION,
  });
  return id;
}
