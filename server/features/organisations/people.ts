import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { PersonSummary } from '../../../shared/organisations/contract.ts';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import { decide } from '../../../shared/permissions/decide.ts';
import type { Role } from '../../../shared/permissions/roles.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { Database } from '../../platform/db/connection.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from './programs.ts';
import { memberships, programs } from './schema.ts';
import { programsRunBy } from './service.ts';

/**
 * The programs of this organisation whose people the actor may list: null when they may list
 * everyone (an organisation admin). Refuses, audited, someone who may list no one here.
 */
async function listablePrograms(
  db: Database,
  actor: SignedIn,
  organisationId: string,
): Promise<string[] | null> {
  const wholeOrganisation = {
    type: 'organisation',
    id: organisationId,
    organisationId,
  } as const;
  if (decide(actor, 'person.list', wholeOrganisation).allowed) return null;
  const listable: string[] = [];
  for (const program of await programsRunBy(db, organisationId)) {
    // The roles listed are this organisation's, even in a program another one leads: the lead's
    // admin reaches them only through a role in the program, as when granting or revoking them.
    const target = { ...programTarget(program.id, program), organisationId };
    if (decide(actor, 'person.list', target).allowed) listable.push(program.id);
  }
  if (listable.length === 0) await authorize(db, actor, 'person.list', wholeOrganisation);
  return listable;
}

/**
 * Everyone holding a role in the organisation now, with those roles. A coordinator sees only
 * the people of the programs they coordinate, and only their roles there.
 */
export async function listPeople(
  db: Database,
  actor: SignedIn,
  organisationId: string,
): Promise<PersonSummary[]> {
  const programIds = await listablePrograms(db, actor, organisationId);
  if (programIds?.length === 0) return [];
  const rows = await db
    .select({
      membershipId: memberships.id,
      role: memberships.role,
      programId: memberships.programId,
      programName: programs.name,
      verifiedAt: memberships.verifiedAt,
      personId: people.id,
      name: people.name,
      email: people.email,
      disabledAt: people.disabledAt,
      twoFactorEnabled: people.twoFactorEnabled,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(programs, eq(programs.id, memberships.programId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        isNull(memberships.revokedAt),
        programIds === null ? undefined : inArray(memberships.programId, programIds),
      ),
    )
    .orderBy(asc(people.name), asc(people.id), asc(memberships.createdAt));
  const byPerson = new Map<string, PersonSummary>();
  for (const row of rows) {
    let person = byPerson.get(row.personId);
    if (!person) {
      person = {
        id: row.personId,
        name: row.name,
        email: isPlaceholderEmail(row.email) ? null : row.email,
        disabled: row.disabledAt !== null,
        secondFactor: row.twoFactorEnabled,
        roles: [],
      };
      byPerson.set(row.personId, person);
    }
    person.roles.push({
      id: row.membershipId,
      role: row.role as Role,
      programId: row.programId,
      programName: row.programName,
      verifiedAt: row.verifiedAt?.toISOString() ?? null,
    });
  }
  return [...byPerson.values()];
}
