import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { CirclePeople, PersonRef } from '../../../shared/circles/contract.ts';
import type { CircleRole } from '../../../shared/circles/machine.ts';
import { isStaffRole, type Role } from '../../../shared/permissions/roles.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { memberships } from '../organisations/schema.ts';
import {
  findProgram,
  type ProgramRunners,
  verifiedOfficersAmong,
} from '../organisations/service.ts';

// The people of a circle's program: who may keep a circle (its facilitators and coordinators, and
// the admins of the organisations that run it), who may be invited, and how each would appear.

type Executor = Database | Transaction;

/** Roles held now that reach the program: in it, or across an organisation that runs it. */
async function rolesInProgram(db: Executor, program: ProgramRunners, personIds?: string[]) {
  const rows = await db
    .select({
      personId: people.id,
      name: people.name,
      role: memberships.role,
      programId: memberships.programId,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        isNull(memberships.revokedAt),
        isNull(people.disabledAt),
        inArray(memberships.organisationId, program.organisationIds),
        or(isNull(memberships.programId), eq(memberships.programId, program.id)),
        personIds ? inArray(people.id, personIds.length > 0 ? personIds : ['']) : undefined,
      ),
    )
    .orderBy(asc(people.name), asc(people.id));
  return rows.map((row) => ({ ...row, role: row.role as Role }));
}

const keepsCircles = (row: { role: Role; programId: string | null }) =>
  row.role === 'facilitator' ||
  row.role === 'coordinator' ||
  (row.role === 'org_admin' && row.programId === null);

function unique<Row extends { personId: string }>(rows: Row[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.personId) && seen.add(row.personId));
}

/** Who may keep or co-keep a circle of the program; filtered to `personIds` when given. */
export async function keepersOf(
  db: Executor,
  program: ProgramRunners,
  personIds?: string[],
): Promise<PersonRef[]> {
  const rows = unique((await rolesInProgram(db, program, personIds)).filter(keepsCircles));
  return rows.map((row) => ({ id: row.personId, name: row.name }));
}

/**
 * How someone who is not keeping the circle appears in it: a verified officer always as an
 * officer, whatever they ask; other staff (an officer not verified yet among them) as 'other';
 * everyone else as a resident.
 */
export async function appearanceOf(
  db: Executor,
  personIds: string[],
): Promise<Map<string, Exclude<CircleRole, 'keeper' | 'co_keeper'>>> {
  const officers = await verifiedOfficersAmong(db, personIds);
  const staff = personIds.length
    ? await db
        .selectDistinct({ personId: memberships.personId })
        .from(memberships)
        .where(
          and(
            inArray(memberships.personId, personIds),
            isNull(memberships.revokedAt),
            sql`${memberships.role} not in ('resident', 'youth', 'guardian')`,
          ),
        )
    : [];
  const staffIds = new Set(staff.map((row) => row.personId));
  return new Map(
    personIds.map((id) => [
      id,
      officers.has(id) ? 'officer' : staffIds.has(id) ? 'other' : 'resident',
    ]),
  );
}

/** The people of the program who may be invited, with how each would appear. */
export async function invitableOf(
  db: Executor,
  program: ProgramRunners,
  personIds?: string[],
): Promise<CirclePeople['invitable']> {
  const rows = unique(await rolesInProgram(db, program, personIds));
  const appearance = await appearanceOf(
    db,
    rows.map((row) => row.personId),
  );
  return rows.map((row) => ({
    id: row.personId,
    name: row.name,
    role: appearance.get(row.personId) ?? (isStaffRole(row.role) ? 'other' : 'resident'),
  }));
}

/** GET /api/programs/:programId/circle-people, for someone planning a circle. */
export async function circlePeopleFor(
  db: Database,
  actor: SignedIn,
  programId: string,
): Promise<CirclePeople> {
  const program = await findProgram(db, programId);
  await authorize(db, actor, 'circle.create', programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  return { keepers: await keepersOf(db, program), invitable: await invitableOf(db, program) };
}
