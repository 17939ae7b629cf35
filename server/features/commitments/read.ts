import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  CommitmentDetail,
  CommitmentFilters,
  CommitmentList,
  CommitmentOwnerChoices,
  CommitmentSummary,
} from '../../../shared/commitments/contract.ts';
import { dayIn } from '../../../shared/commitments/days.ts';
import { type CommitmentStatus, isOverdueOn } from '../../../shared/commitments/machine.ts';
import type { OrganisationKind } from '../../../shared/organisations/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { circlesWithReadableHarvest } from '../circles/access.ts';
import { dialoguesReadableBy } from '../dialogues/readable.ts';
import { memberships, organisations, programs } from '../organisations/schema.ts';
import { findProgram, verifiedOfficersAmong } from '../organisations/service.ts';
import {
  accessTo,
  authorizedProgram,
  type CommitmentRow,
  mayRead,
  type ProgramAccess,
  permissionsOn,
  seesNames,
  visibleCommitment,
} from './access.ts';
import { filtersWhere } from './filters.ts';
import { timelineOf } from './history.ts';
import { commitments } from './schema.ts';

// What staff read: a program's commitments (filtered, each with its overdue flag), one
// commitment with its timeline, the ones a person owns, and whom a commitment may be given to.

type Executor = Database | Transaction;
const owners = alias(people, 'owners');

/**
 * Where a commitment's source may be seen, for a reader who may see it: a circle's harvest, a
 * dialogue's page. Conferences add their pages here as they are built; until then, and for
 * anyone who may not read the source, it is named in words (its label) only.
 */
function sourceLinkOf(row: CommitmentRow, view: View): string | null {
  if (row.source === 'circle' && row.sourceId && view.readableHarvests.has(row.sourceId)) {
    return `/circles/${row.sourceId}/harvest`;
  }
  if (row.source === 'dialogue' && row.sourceId && view.readableDialogues.has(row.sourceId)) {
    return `/dialogues/${row.sourceId}`;
  }
  return null;
}

export const publicLinkOf = (publicUrl: string, row: CommitmentRow) =>
  row.visibility === 'public' ? `${publicUrl}/register/commitments/${row.id}` : null;

async function rowsWhere(db: Executor, where: SQL | undefined) {
  return db
    .select({
      commitment: commitments,
      programName: programs.name,
      organisation: { id: organisations.id, name: organisations.name, kind: organisations.kind },
      ownerName: owners.name,
    })
    .from(commitments)
    .innerJoin(programs, eq(programs.id, commitments.programId))
    .innerJoin(organisations, eq(organisations.id, commitments.ownerOrganisationId))
    .leftJoin(owners, eq(owners.id, commitments.ownerPersonId))
    .where(where)
    .orderBy(asc(commitments.dueOn), asc(commitments.createdAt), asc(commitments.id));
}

type JoinedRow = Awaited<ReturnType<typeof rowsWhere>>[number];

/** How a list is shown to one person: the day, and whether people are named, officers marked. */
interface View {
  today: string;
  namePeople: boolean;
  officers: Set<string>;
  /** The circles among the rows' sources whose harvest the reader may read. */
  readableHarvests: Set<string>;
  /** The dialogues among the rows' sources that the reader may open. */
  readableDialogues: Set<string>;
}

async function viewFor(
  context: AppContext,
  actor: SignedIn,
  rows: JoinedRow[],
  db: Executor = context.database.db,
): Promise<View> {
  const namePeople = seesNames(actor);
  const owners = rows.flatMap((joined) => joined.commitment.ownerPersonId ?? []);
  const fromSource = (source: string) =>
    rows.flatMap(({ commitment }) =>
      commitment.source === source && commitment.sourceId ? [commitment.sourceId] : [],
    );
  return {
    today: todayOf(context),
    namePeople,
    officers: namePeople ? await verifiedOfficersAmong(db, owners) : new Set(),
    readableHarvests: await circlesWithReadableHarvest(db, actor, fromSource('circle')),
    readableDialogues: await dialoguesReadableBy(db, actor, fromSource('dialogue')),
  };
}

function summaryOf(joined: JoinedRow, view: View): CommitmentSummary {
  const row = joined.commitment;
  return {
    id: row.id,
    programId: row.programId,
    programName: joined.programName,
    title: row.title,
    source: row.source as CommitmentSummary['source'],
    sourceLabel: row.sourceLabel,
    sourceLink: sourceLinkOf(row, view),
    owner: {
      organisation: { ...joined.organisation, kind: joined.organisation.kind as OrganisationKind },
      unit: row.ownerUnit,
      person:
        view.namePeople && row.ownerPersonId && joined.ownerName
          ? {
              id: row.ownerPersonId,
              name: joined.ownerName,
              officer: view.officers.has(row.ownerPersonId),
            }
          : null,
    },
    dueOn: row.dueOn,
    visibility: row.visibility as CommitmentSummary['visibility'],
    status: row.status as CommitmentStatus,
    percent: row.percent,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    overdue: isOverdueOn(row.status as CommitmentStatus, row.dueOn, view.today),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const todayOf = (context: AppContext) => dayIn(context.config.TIME_ZONE);

export async function listCommitments(
  context: AppContext,
  actor: SignedIn,
  programId: string,
  filters: CommitmentFilters,
): Promise<CommitmentList> {
  const { db } = context.database;
  const access = await authorizedProgram(db, actor, 'commitment.read', programId);
  const today = todayOf(context);
  const rows = (
    await rowsWhere(db, and(eq(commitments.programId, programId), ...filtersWhere(filters, today)))
  ).filter((joined) => mayRead(actor, access, joined.commitment));
  const view = await viewFor(context, actor, rows);
  return {
    commitments: rows.map((joined) => summaryOf(joined, view)),
    mayCreate: access.create,
    mayExport: access.export,
  };
}

/**
 * Those of these commitments of one program that the actor may see, for another feature's page
 * (a circle of a series opens with the open commitments of the one before). The others are left
 * out rather than refused: the page asked about a list, not about each of them.
 */
export async function visibleCommitmentsAmong(
  context: AppContext,
  actor: SignedIn,
  programId: string,
  commitmentIds: readonly string[],
): Promise<CommitmentSummary[]> {
  const { db } = context.database;
  const program = commitmentIds.length > 0 ? await findProgram(db, programId) : undefined;
  if (!program) return [];
  const access = accessTo(actor, program);
  const rows = (
    await rowsWhere(
      db,
      and(eq(commitments.programId, programId), inArray(commitments.id, [...commitmentIds])),
    )
  ).filter((joined) => mayRead(actor, access, joined.commitment));
  const view = await viewFor(context, actor, rows);
  return rows.map((joined) => summaryOf(joined, view));
}

/** The commitments the person owns, in every program; overdue ones first. */
export async function commitmentsOwnedBy(
  context: AppContext,
  actor: SignedIn,
): Promise<CommitmentList> {
  const rows = await rowsWhere(context.database.db, eq(commitments.ownerPersonId, actor.personId));
  const view = await viewFor(context, actor, rows);
  const summaries = rows.map((joined) => summaryOf(joined, view));
  return {
    commitments: [
      ...summaries.filter((summary) => summary.overdue),
      ...summaries.filter((summary) => !summary.overdue),
    ],
    mayCreate: false,
    mayExport: false,
  };
}

export async function detailOf(
  context: AppContext,
  actor: SignedIn,
  row: CommitmentRow,
  access: ProgramAccess,
  db: Executor = context.database.db,
): Promise<CommitmentDetail> {
  const [joined] = await rowsWhere(db, eq(commitments.id, row.id));
  if (!joined) throw new Error(`commitment ${row.id} vanished`);
  return {
    ...summaryOf(joined, await viewFor(context, actor, [joined], db)),
    description: row.description,
    publicVersion:
      row.publicTitle === null
        ? null
        : { title: row.publicTitle, description: row.publicDescription ?? '' },
    createdAt: row.createdAt.toISOString(),
    timeline: await timelineOf(db, row.id, seesNames(actor)),
    may: permissionsOn(actor, access, joined.commitment),
    publicLink: publicLinkOf(context.config.publicUrl, row),
  };
}

export async function readCommitment(
  context: AppContext,
  actor: SignedIn,
  commitmentId: string,
): Promise<CommitmentDetail> {
  const { row, access } = await visibleCommitment(context.database.db, actor, commitmentId);
  return detailOf(context, actor, row, access);
}

/** The people and organisations a commitment of this program may be given to. */
export async function ownerChoicesFor(
  db: Database,
  actor: SignedIn,
  programId: string,
): Promise<CommitmentOwnerChoices> {
  const { program } = await authorizedProgram(db, actor, 'commitment.create', programId);
  const runners = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(inArray(organisations.id, program.organisationIds))
    .orderBy(asc(organisations.name));
  const refs = runners.map((organisation) => ({
    ...organisation,
    kind: organisation.kind as OrganisationKind,
  }));
  const members = await eligibleOwners(db, program.id, program.organisationIds);
  const officers = await verifiedOfficersAmong(
    db,
    members.map((member) => member.personId),
  );
  const byOrganisation = new Map(refs.map((ref) => [ref.id, ref]));
  return {
    people: members.flatMap((member) => {
      const organisation = byOrganisation.get(member.organisationId);
      return organisation
        ? [
            {
              id: member.personId,
              name: member.name,
              officer: officers.has(member.personId),
              organisation,
            },
          ]
        : [];
    }),
    organisations: refs,
  };
}

/**
 * The people who may own a commitment of the program: anyone active in it, through a role in
 * the program or across an organisation that runs it; each once, with the organisation they
 * answer for (their role across an organisation first).
 */
export async function eligibleOwners(
  db: Executor,
  programId: string,
  organisationIds: readonly string[],
  personId?: string,
) {
  const rows = await db
    .select({
      personId: people.id,
      name: people.name,
      organisationId: memberships.organisationId,
      programId: memberships.programId,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        sql`${memberships.revokedAt} is null`,
        sql`${people.disabledAt} is null`,
        inArray(memberships.organisationId, [...organisationIds]),
        or(sql`${memberships.programId} is null`, eq(memberships.programId, programId)),
        personId === undefined ? undefined : eq(people.id, personId),
      ),
    )
    .orderBy(asc(people.name), sql`${memberships.programId} nulls first`);
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.personId) && seen.add(row.personId));
}
