import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type {
  CommitmentFilters,
  CommitmentSource,
} from '../../../../shared/commitments/contract.ts';
import {
  type CommitmentStatus,
  isOverdueOn,
  openStatuses,
} from '../../../../shared/commitments/machine.ts';
import type { Database } from '../../../platform/db/connection.ts';
import { organisations, programOrganisations, programs } from '../../organisations/schema.ts';
import { filtersWhere } from '../filters.ts';
import { commitments } from '../schema.ts';

// What the public may read of the register, and nothing more: only rows whose visibility is
// 'public', only the columns a page shows (never a person: no owner, no recorder, no `by`), and
// for a conference only its de-identified version. Every public page, feed, export and email
// reads through here, so this file is where privacy is kept.

export interface PublicCommitment {
  id: string;
  programId: string;
  programName: string;
  title: string;
  description: string;
  source: CommitmentSource;
  sourceLabel: string;
  ownerName: string;
  ownerUnit: string;
  dueOn: string;
  status: CommitmentStatus;
  percent: number;
  verifiedAt: Date | null;
  updatedAt: Date;
  overdue: boolean;
}

const isPublic = eq(commitments.visibility, 'public');

const columns = {
  id: commitments.id,
  programId: commitments.programId,
  programName: programs.name,
  title: commitments.title,
  description: commitments.description,
  publicTitle: commitments.publicTitle,
  publicDescription: commitments.publicDescription,
  source: commitments.source,
  sourceLabel: commitments.sourceLabel,
  ownerName: organisations.name,
  ownerUnit: commitments.ownerUnit,
  dueOn: commitments.dueOn,
  status: commitments.status,
  percent: commitments.percent,
  verifiedAt: commitments.verifiedAt,
  updatedAt: commitments.updatedAt,
};
const selectPublic = (db: Database) =>
  db
    .select(columns)
    .from(commitments)
    .innerJoin(programs, eq(programs.id, commitments.programId))
    .innerJoin(organisations, eq(organisations.id, commitments.ownerOrganisationId));
type Row = Awaited<ReturnType<typeof selectPublic>>[number];

/**
 * The words the public reads: the de-identified version when there is one, and for a
 * conference nothing else (a public conference always has one; without it, the row is hidden).
 */
export function publicWords(row: {
  source: string;
  title: string;
  description: string | null;
  publicTitle: string | null;
  publicDescription: string | null;
}): { title: string; description: string } | null {
  if (row.publicTitle !== null) {
    return { title: row.publicTitle, description: row.publicDescription ?? '' };
  }
  if (row.source === 'conference') return null;
  return { title: row.title, description: row.description ?? '' };
}

function publicOf(row: Row, today: string): PublicCommitment | null {
  const shown = publicWords(row);
  if (!shown) return null;
  const status = row.status as CommitmentStatus;
  return {
    id: row.id,
    programId: row.programId,
    programName: row.programName,
    ...shown,
    source: row.source as CommitmentSource,
    sourceLabel: row.sourceLabel,
    ownerName: row.ownerName,
    ownerUnit: row.ownerUnit,
    dueOn: row.dueOn,
    status,
    percent: row.percent,
    verifiedAt: row.verifiedAt,
    updatedAt: row.updatedAt,
    overdue: isOverdueOn(status, row.dueOn, today),
  };
}

export interface PublicListQuery {
  programIds: readonly string[];
  filters: CommitmentFilters;
  today: string;
  limit: number;
  offset?: number;
}

/**
 * Public commitments of the programs: the open ones first, soonest due first; then the
 * finished ones, most recently changed first.
 */
export async function publicCommitments(
  db: Database,
  query: PublicListQuery,
): Promise<PublicCommitment[]> {
  if (query.programIds.length === 0) return [];
  const rows = await selectPublic(db)
    .where(
      and(
        isPublic,
        inArray(commitments.programId, [...query.programIds]),
        ...filtersWhere(query.filters, query.today),
      ),
    )
    .orderBy(
      sql`case when ${commitments.status} in ('planned', 'in_progress') then 0 else 1 end`,
      sql`case when ${commitments.status} in ('planned', 'in_progress') then ${commitments.dueOn} end`,
      desc(commitments.updatedAt),
      asc(commitments.id),
    )
    .limit(query.limit)
    .offset(query.offset ?? 0);
  return rows.flatMap((row) => publicOf(row, query.today) ?? []);
}

/** One public commitment; null when there is none, or it is not public. */
export async function publicCommitment(
  db: Database,
  id: string,
  today: string,
): Promise<PublicCommitment | null> {
  const [row] = await selectPublic(db).where(and(isPublic, eq(commitments.id, id)));
  return row ? publicOf(row, today) : null;
}

/** How many public commitments the filters select, by status, overdue ones counted apart. */
export async function publicCounts(
  db: Database,
  programIds: readonly string[],
  filters: CommitmentFilters,
  today: string,
): Promise<{ total: number; byStatus: Map<CommitmentStatus | 'overdue', number> }> {
  const byStatus = new Map<CommitmentStatus | 'overdue', number>();
  if (programIds.length === 0) return { total: 0, byStatus };
  const rows = await db
    .select({
      status: commitments.status,
      count: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${commitments.dueOn} < ${today}))::int`,
    })
    .from(commitments)
    .where(
      and(
        isPublic,
        inArray(commitments.programId, [...programIds]),
        ...filtersWhere(filters, today),
      ),
    )
    .groupBy(commitments.status);
  let total = 0;
  const add = (key: CommitmentStatus | 'overdue', count: number) => {
    if (count > 0) byStatus.set(key, (byStatus.get(key) ?? 0) + count);
  };
  for (const row of rows) {
    const status = row.status as CommitmentStatus;
    const overdue = openStatuses.includes(status) ? Number(row.overdue) : 0;
    add('overdue', overdue);
    add(status, Number(row.count) - overdue);
    total += Number(row.count);
  }
  return { total, byStatus };
}

/** The organisations that own public commitments in the programs: the owner filter's choices. */
export async function publicOwners(
  db: Database,
  programIds: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (programIds.length === 0) return [];
  return db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(commitments)
    .innerJoin(organisations, eq(organisations.id, commitments.ownerOrganisationId))
    .where(and(isPublic, inArray(commitments.programId, [...programIds])))
    .orderBy(asc(organisations.name), asc(organisations.id));
}

/**
 * Every organisation that runs a program with public commitments, by name, with how many it
 * has: the register's front page.
 */
export async function organisationsWithPublicCommitments(
  db: Database,
): Promise<{ id: string; name: string; count: number }[]> {
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      count: sql<number>`count(distinct ${commitments.id})::int`,
    })
    .from(commitments)
    .innerJoin(programOrganisations, eq(programOrganisations.programId, commitments.programId))
    .innerJoin(organisations, eq(organisations.id, programOrganisations.organisationId))
    .where(isPublic)
    .groupBy(organisations.id, organisations.name)
    .orderBy(asc(organisations.name), asc(organisations.id));
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
