import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { StaffChoice } from '../../../shared/conferences/contract.ts';
import { type Actor, decide } from '../../../shared/permissions/decide.ts';
import type { Role } from '../../../shared/permissions/roles.ts';
import type { Action } from '../../../shared/permissions/table.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { memberships } from '../organisations/schema.ts';
import { findProgram, type ProgramRunners } from '../organisations/service.ts';
import { settingsOf } from './settings.ts';

// The staff of a program as conferences see them: who may be on a case team
// ('conference.facilitate'), and who coordinates (and so hears of new referrals). Each is asked
// of the permission table with the person's roles as held now, so that a role revoked or a
// person disabled counts at once.

type Executor = Database | Transaction;

interface StaffMember extends Actor {
  name: string;
  email: string;
  language: string;
}

/** Everyone holding a role now that reaches the program, with every role they hold anywhere. */
async function staffReaching(
  db: Executor,
  program: ProgramRunners,
  personIds?: readonly string[],
): Promise<StaffMember[]> {
  const reaching = db
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        isNull(memberships.revokedAt),
        inArray(memberships.organisationId, program.organisationIds),
        or(isNull(memberships.programId), eq(memberships.programId, program.id)),
      ),
    );
  const rows = await db
    .select({
      personId: people.id,
      name: people.name,
      email: people.email,
      language: people.language,
      organisationId: memberships.organisationId,
      programId: memberships.programId,
      role: memberships.role,
      verifiedAt: memberships.verifiedAt,
    })
    .from(people)
    .innerJoin(memberships, eq(memberships.personId, people.id))
    .where(
      and(
        isNull(people.disabledAt),
        isNull(memberships.revokedAt),
        inArray(people.id, reaching),
        personIds ? inArray(people.id, personIds.length > 0 ? [...personIds] : ['']) : undefined,
      ),
    )
    .orderBy(asc(people.name), asc(people.id));
  const byPerson = new Map<string, StaffMember & { memberships: Actor['memberships'][number][] }>();
  for (const row of rows) {
    // An officer's role counts once verified, as everywhere else.
    if (row.role === 'officer' && row.verifiedAt === null) continue;
    const member = byPerson.get(row.personId) ?? {
      personId: row.personId,
      disabled: false,
      name: row.name,
      email: row.email,
      language: row.language,
      memberships: [],
    };
    member.memberships.push({
      organisationId: row.organisationId,
      programId: row.programId,
      role: row.role as Role,
    });
    byPerson.set(row.personId, member);
  }
  return [...byPerson.values()];
}

const mayIn = (member: Actor, action: Action, program: ProgramRunners) =>
  decide(member, action, programTarget(program.id, program)).allowed;

/** Whether the person is an agency's disciplinary staff (professional standards). */
export const inProfessionalStandardsOf = (member: Actor, agencyOrganisationId: string | null) =>
  agencyOrganisationId !== null &&
  member.memberships.some(
    (membership) =>
      membership.role === 'professional_standards' &&
      membership.organisationId === agencyOrganisationId,
  );

/** The program's coordinators, who screen referrals: they hear of each new one. */
export async function coordinatorsOf(
  db: Executor,
  program: ProgramRunners,
): Promise<StaffMember[]> {
  return (await staffReaching(db, program)).filter((member) =>
    mayIn(member, 'conference.coordinate', program),
  );
}

/** One person as a case team member, when they may be one in this program. */
export async function facilitatorOf(
  db: Executor,
  program: ProgramRunners,
  personId: string,
): Promise<StaffMember | undefined> {
  const [member] = await staffReaching(db, program, [personId]);
  return member && mayIn(member, 'conference.facilitate', program) ? member : undefined;
}

/** The roles of a person that reach the program, as the staff list shows them. */
function rolesIn(member: Actor, program: ProgramRunners): string[] {
  const roles = member.memberships
    .filter(
      (membership) =>
        program.organisationIds.includes(membership.organisationId) &&
        (membership.programId === null || membership.programId === program.id),
    )
    .map((membership) => membership.role);
  return [...new Set(roles)].sort();
}

/**
 * GET /api/programs/:programId/conference-people, for coordinators building case teams. In a
 * misconduct program the agency's professional standards staff are left out: they can be on
 * none of its cases.
 */
export async function conferencePeopleFor(
  db: Database,
  actor: SignedIn,
  programId: string,
): Promise<StaffChoice[]> {
  const program = await findProgram(db, programId);
  await authorize(db, actor, 'conference.coordinate', programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  const settings = await settingsOf(db, programId);
  const firewalledAgency = settings.misconduct ? settings.agencyOrganisationId : null;
  return (await staffReaching(db, program))
    .filter(
      (member) =>
        mayIn(member, 'conference.facilitate', program) &&
        !inProfessionalStandardsOf(member, firewalledAgency),
    )
    .map((member) => ({
      personId: member.personId,
      name: member.name,
      roles: rolesIn(member, program),
    }));
}
