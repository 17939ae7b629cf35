import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { ParticipantRole } from '../../../shared/dialogues/analysis.ts';
import {
  claimsPoliceTitle,
  POLICE_TITLE_CODE,
  POLICE_TITLE_MESSAGE,
} from '../../../shared/people/police-titles.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { InvalidError } from '../../platform/errors.ts';
import { memberships } from '../organisations/schema.ts';
import { verifiedOfficersAmong } from '../organisations/service.ts';

// How someone appears in a dialogue is not theirs to choose: a verified officer always as an
// officer (the label is not theirs to remove), other staff (an officer not verified yet among
// them) as 'other', and residents, youth and guardians (and whoever came by the link) as
// residents. The analysis compares these role groups, so the label must be true.

export async function participantRoleOf(
  db: Database | Transaction,
  personId: string,
): Promise<ParticipantRole> {
  if ((await verifiedOfficersAmong(db, [personId])).has(personId)) return 'officer';
  const [staff] = await db
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        inArray(memberships.personId, [personId]),
        isNull(memberships.revokedAt),
        sql`${memberships.role} not in ('resident', 'youth', 'guardian')`,
      ),
    )
    .limit(1);
  return staff ? 'other' : 'resident';
}

/** A name that would present a non-officer as police is refused. */
export function ensureNameFits(displayName: string, role: ParticipantRole): void {
  if (role !== 'officer' && claimsPoliceTitle(displayName)) {
    throw new InvalidError([
      { field: 'displayName', message: POLICE_TITLE_MESSAGE, code: POLICE_TITLE_CODE },
    ]);
  }
}
