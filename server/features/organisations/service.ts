import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { OrganisationKind } from '../../../shared/organisations/contract.ts';
import type { Membership } from '../../../shared/permissions/decide.ts';
import type { Role } from '../../../shared/permissions/roles.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { memberships, organisations, programOrganisations, programs } from './schema.ts';

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

export async function findOrganisation(db: Database, organisationId: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row && { ...row, kind: row.kind as OrganisationKind };
}

export interface ProgramRunners {
  id: string;
  name: string;
  leadOrganisationId: string;
  /** Every organisation that runs the program: its lead first, then its partners. */
  organisationIds: string[];
}

async function withRunners(
  db: Database | Transaction,
  rows: { id: string; name: string; leadOrganisationId: string }[],
): Promise<ProgramRunners[]> {
  if (rows.length === 0) return [];
  const partners = await db
    .select({
      programId: programOrganisations.programId,
      organisationId: programOrganisations.organisationId,
    })
    .from(programOrganisations)
    .where(
      inArray(
        programOrganisations.programId,
        rows.map((row) => row.id),
      ),
    );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    leadOrganisationId: row.leadOrganisationId,
    organisationIds: [
      ...new Set([
        row.leadOrganisationId,
        ...partners.filter((p) => p.programId === row.id).map((p) => p.organisationId),
      ]),
    ],
  }));
}

const programColumns = {
  id: programs.id,
  name: programs.name,
  leadOrganisationId: programs.leadOrganisationId,
};

/** A program and every organisation that runs it; undefined when there is no such program. */
export async function findProgram(
  db: Database | Transaction,
  programId: string,
): Promise<ProgramRunners | undefined> {
  const rows = await db.select(programColumns).from(programs).where(eq(programs.id, programId));
  return (await withRunners(db, rows))[0];
}

/** Every program the organisation runs, as its lead or as a partner. */
export async function programsRunBy(
  db: Database | Transaction,
  organisationId: string,
): Promise<ProgramRunners[]> {
  const asPartner = db
    .select({ id: programOrganisations.programId })
    .from(programOrganisations)
    .where(eq(programOrganisations.organisationId, organisationId));
  const rows = await db
    .select(programColumns)
    .from(programs)
    .where(or(eq(programs.leadOrganisationId, organisationId), inArray(programs.id, asPartner)));
  return withRunners(db, rows);
}

/** Whether the person is an admin of the whole organisation now. */
export async function isOrganisationAdmin(
  tx: Transaction | Database,
  personId: string,
  organisationId: string,
): Promise<boolean> {
  const [row] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.personId, personId),
        eq(memberships.organisationId, organisationId),
        isNull(memberships.programId),
        eq(memberships.role, 'org_admin'),
        isNull(memberships.revokedAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Grants a role unless the person holds it already; false when they did. An officer's role is
 * verified at once when `verifiedBy` (their agency's admin) is given.
 */
export async function grantMembershipOnce(
  tx: Transaction | Database,
  membership: {
    personId: string;
    organisationId: string;
    programId: string | null;
    role: Role;
    grantedBy: string;
    verifiedBy?: string;
  },
): Promise<boolean> {
  const { verifiedBy, ...granted } = membership;
  const inserted = await tx
    .insert(memberships)
    .values({
      id: crypto.randomUUID(),
      ...granted,
      ...(verifiedBy ? { verifiedBy, verifiedAt: new Date() } : {}),
    })
    .onConflictDoNothing()
    .returning({ id: memberships.id });
  return inserted.length === 1;
}

/** Which of these people are verified officers now: they are always shown as officers. */
export async function verifiedOfficersAmong(
  db: Database | Transaction,
  personIds: readonly string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        inArray(memberships.personId, [...personIds]),
        eq(memberships.role, 'officer'),
        isNotNull(memberships.verifiedAt),
        isNull(memberships.revokedAt),
      ),
    );
  return new Set(rows.map((row) => row.personId));
}
