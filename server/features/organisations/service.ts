import { and, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { OrganisationKind } from '../../../shared/organisations/contract.ts';
import type { Membership } from '../../../shared/permissions/decide.ts';
import type { Role } from '../../../shared/permissions/roles.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { memberships, organisations } from './schema.ts';

/**
 * The roles a person holds now. An officer role counts only once the agency's admin has
 * verified it, so no one can act, or be shown, as an officer on their own say.
 */
export async function membershipsOf(db: Database, personId: string): Promise<Membership[]> {
  const rows = await db
    .select({
      organisationId: memberships.organisationId,
      programId: memberships.programId,
      role: memberships.role,
    })
    .from(memberships)
    .where(
      and(
        eq(memberships.personId, personId),
        isNull(memberships.revokedAt),
        or(sql`${memberships.role} <> 'officer'`, isNotNull(memberships.verifiedAt)),
      ),
    );
  return rows.map((row) => ({ ...row, role: row.role as Role }));
}

export async function anyOrganisationExists(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return row !== undefined;
}

export async function createOrganisation(
  tx: Transaction | Database,
  organisation: { name: string; kind: OrganisationKind },
): Promise<string> {
  const id = crypto.randomUUID();
  await tx.insert(organisations).values({ id, ...organisation });
  return id;
}

export async function grantMembership(
  tx: Transaction | Database,
  membership: {
    personId: string;
    organisationId: string;
    programId?: string;
    role: Role;
    grantedBy?: string;
  },
): Promise<void> {
  await tx.insert(memberships).values({ id: crypto.randomUUID(), ...membership });
}

/** Whether the person holds any role in the organisation now. */
export async function isMemberOf(db: Database, personId: string, organisationId: string) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.personId, personId),
        eq(memberships.organisationId, organisationId),
        isNull(memberships.revokedAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}
