import { and, eq, gt, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import type { CommitmentFilters } from '../../../shared/commitments/contract.ts';
import { addDays } from '../../../shared/commitments/days.ts';
import { openStatuses } from '../../../shared/commitments/machine.ts';
import { commitments } from './schema.ts';

/** A list's filters as SQL, with "today" where the programs are (the TIME_ZONE setting). */
export function filtersWhere(filters: CommitmentFilters, today: string): SQL[] {
  const where: SQL[] = [];
  if (filters.status) where.push(eq(commitments.status, filters.status));
  if (filters.source) where.push(eq(commitments.source, filters.source));
  if (filters.owner) where.push(eq(commitments.ownerOrganisationId, filters.owner));
  const open = inArray(commitments.status, [...openStatuses]);
  const inThirtyDays = addDays(today, 30);
  if (filters.due === 'overdue') where.push(and(open, lt(commitments.dueOn, today)) as SQL);
  if (filters.due === 'next_30_days') {
    where.push(
      and(open, gte(commitments.dueOn, today), lte(commitments.dueOn, inThirtyDays)) as SQL,
    );
  }
  if (filters.due === 'later') where.push(gt(commitments.dueOn, inThirtyDays));
  return where;
}
